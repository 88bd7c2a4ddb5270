"use strict";

// Step 5: server-sent events. One request stays open and the server writes
// each item into it as it is published. The browser's EventSource reads the
// events, remembers the id of the last one, and when the connection drops it
// reconnects by itself (after the server's "retry:" delay), sending that id as
// the Last-Event-ID header: the cursor of step 3, without a line of ours.

// tag::follow-the-stream[]
function listen(cursor, failures) {
  // since=0 on the first connection brings the backlog. When EventSource
  // reconnects by itself it asks for the same URL, but its Last-Event-ID
  // header wins over since on the server.
  const source = new EventSource(`/feed_events?since=${cursor}`);

  source.onopen = () => {
    failures = 0;
    FeedPage.countRequest(); // one request per connection, not one per item
    FeedPage.setState("connected");
  };

  source.onmessage = (event) => {
    const item = JSON.parse(event.data);
    if (cursor > 0 && item.id > cursor + 1) {
      // The server's backlog dropped them before we came back.
      FeedPage.setMissed(item.id - cursor - 1);
    }
    // If item.id <= cursor, our cursor is from before a server restart (ids
    // began again at 1): the item is new, and the cursor starts over with it.
    FeedPage.show([item]);
    cursor = item.id;
  };

  source.onerror = async () => {
    if (source.readyState === EventSource.CONNECTING) {
      FeedPage.setState("reconnecting"); // EventSource tries again by itself
      return;
    }
    // CLOSED: the server refused the stream (503 when it is full, for
    // example), and EventSource gives up for good. We try again ourselves,
    // later and later, from our own cursor.
    source.close();
    failures += 1;
    await FeedPage.retryCountdown(FeedPage.retryDelay(failures));
    listen(cursor, failures);
  };
}
// end::follow-the-stream[]

FeedPage.setTechnique("server-sent events");
listen(0, 0);

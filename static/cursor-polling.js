"use strict";

// Step 3: long polling with a cursor. Each request says which id we saw last,
// so the server can answer at once from its backlog with whatever was pushed
// while we were away, or park the request until something new arrives.

// The server answers [] after its own 30 s poll timeout. Ours is longer so
// that the server normally answers first; ours only fires on a dead connection.
// tag::page-request-timeout[]
const REQUEST_TIMEOUT_MS = 40_000;
// end::page-request-timeout[]

async function cursorPollForever() {
  FeedPage.setTechnique("long polling with a cursor");
  let cursor = 0; // largest id seen; since=0 on the first request brings the current backlog
  let failures = 0;

  // tag::follow-the-cursor[]
  for (;;) {
    FeedPage.setState("waiting");
    let items;
    try {
      items = await FeedPage.getJson(`/real_time_feed?since=${cursor}`, REQUEST_TIMEOUT_MS);
    } catch (error) {
      failures += 1;
      console.warn("feed request failed:", error);
      await FeedPage.retryCountdown(FeedPage.retryDelay(failures));
      continue;
    }
    failures = 0;
    if (items.length === 0) continue;

    const firstId = items[0].id;
    if (cursor > 0 && firstId > cursor + 1) {
      // The server's backlog dropped them before we came back.
      FeedPage.setMissed(firstId - cursor - 1);
    }
    // If firstId <= cursor, our cursor is from before a server restart (ids
    // began again at 1): everything received is new, and the cursor is simply
    // reset to the largest id received, which the line below does too.
    FeedPage.setState("receiving");
    FeedPage.show(items);
    cursor = Math.max(...items.map((item) => item.id));
  }
  // end::follow-the-cursor[]
}

cursorPollForever();

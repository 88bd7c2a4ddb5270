"use strict";

// Step 3: long polling with a cursor. Each request says which id we saw last,
// so the server can answer at once from its backlog with whatever was pushed
// while we were away, or park the request until something new arrives.

// The server answers [] after its own 30 s poll timeout. Ours is longer so
// that the server normally answers first; ours only fires on a dead connection.
// tag::page-request-timeout[]
const REQUEST_TIMEOUT_MS = 40_000;
// end::page-request-timeout[]

// tag::count-the-missed[]
// How many items the server's backlog dropped while we were away: the ids between our cursor and
// the first id of the answer. Nothing was missed on the first poll (cursor 0: the backlog may start
// past 1), nor after a server restart (a first id at or below the cursor: ids began again at 1).
function missedBefore(items, cursor) {
  // BEGIN SOLUTION ex3.3: the ids between the cursor and the first item's; none on the first poll or after a restart
  const firstId = items[0].id;
  if (cursor === 0 || firstId <= cursor) {
    return 0;
  }
  return firstId - cursor - 1;
  // END SOLUTION
}
// end::count-the-missed[]

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

    const missed = missedBefore(items, cursor);
    if (missed > 0) {
      FeedPage.setMissed(missed);
    }
    // After a server restart the cursor is simply reset to the largest id
    // received: everything received is new. The line below does both.
    FeedPage.setState("receiving");
    FeedPage.show(items);
    cursor = Math.max(...items.map((item) => item.id));
  }
  // end::follow-the-cursor[]
}

cursorPollForever();

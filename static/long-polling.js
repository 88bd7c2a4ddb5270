"use strict";

// Step 2: long polling. The server holds each request until the next item is
// pushed, answers with it, and the client asks again at once.
//
// No "since" is sent: this server just parks the request until the next item
// arrives and keeps no backlog to look back into, so a cursor could not help.
// An item pushed while no request is parked is lost; step 3 fixes that.

// The server answers [] after its own 30 s poll timeout. Ours is longer so
// that the server normally answers first; ours only fires on a dead connection.
const REQUEST_TIMEOUT_MS = 40_000;

async function longPollForever() {
  FeedPage.setTechnique("long polling");
  let failures = 0;

  // tag::ask-again-at-once[]
  for (;;) {
    FeedPage.setState("waiting");
    let items;
    try {
      items = await FeedPage.getJson("/real_time_feed", REQUEST_TIMEOUT_MS);
    } catch (error) {
      failures += 1;
      console.warn("feed request failed:", error);
      await FeedPage.retryCountdown(FeedPage.retryDelay(failures));
      continue;
    }
    failures = 0;

    FeedPage.setState("receiving");
    FeedPage.show(items);
  }
  // end::ask-again-at-once[]
}

longPollForever();

"use strict";

// Step 1: plain polling. Every 2 s, ask "anything newer than the last id I saw?".
// Most answers are empty, and a new item waits up to 2 s before anyone sees it.

// tag::poll-interval[]
const POLL_INTERVAL_MS = 2000;
// end::poll-interval[]
const REQUEST_TIMEOUT_MS = 5000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function pollForever() {
  FeedPage.setTechnique(`polling every ${POLL_INTERVAL_MS / 1000} s`);
  let cursor = 0; // largest id seen so far
  let failures = 0;

  // tag::ask-show-sleep[]
  for (;;) {
    FeedPage.setState("receiving");
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

    FeedPage.show(items);
    cursor = items.reduce((max, item) => Math.max(max, item.id), cursor);
    FeedPage.setState("waiting");
    await sleep(POLL_INTERVAL_MS);
  }
  // end::ask-show-sleep[]
}

pollForever();

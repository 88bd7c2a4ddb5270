"use strict";

// Rendering and status line of the live feed page, shared by the three
// technique scripts (polling.js, long-polling.js, cursor-polling.js, event-source.js).
const FeedPage = (() => {
  const byId = (id) => document.getElementById(id);
  let requests = 0;
  let received = 0;
  let missed = 0;

  function setState(text) {
    byId("state").textContent = text;
  }

  function setTechnique(text) {
    byId("technique").textContent = text;
  }

  function countRequest() {
    requests += 1;
    byId("requests").textContent = String(requests);
  }

  function setMissed(n) {
    missed += n;
    byId("missed").textContent = `${missed} item${missed === 1 ? "" : "s"} missed`;
  }

  // Item data comes from whoever used the admin page, so it is only ever put
  // into the page as text (textContent, createElement), never as HTML.
  // The original article inserted the raw HTML it received, which let any
  // visitor push a <script> to every open feed page.
  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  // Only http(s) URLs become links: a "javascript:" URL would run code on click.
  function safeHref(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch {
      return null; // not an absolute URL
    }
  }

  function renderLink(item) {
    const text = item.title || item.url;
    const href = safeHref(item.url);
    if (href === null) {
      return element("span", "link-text", item.title ? `${item.title} (${item.url})` : String(item.url));
    }
    const a = element("a", "", text);
    a.href = href;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }

  function renderOther(item) {
    const fields = Object.entries(item)
      .filter(([key]) => key !== "id" && key !== "timestamp" && key !== "type")
      .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
    return element("span", "fields", `${item.type}: ${fields.join(", ")}`);
  }

  function renderItem(item) {
    const type = String(item.type ?? "unknown");
    // A class name cannot hold spaces and the like; keep it a single, tidy word.
    const li = element("li", `item item-${type.replace(/[^\w-]/g, "_")}`);
    li.dataset.id = String(item.id);

    const when = new Date(item.timestamp);
    const time = element("time", "", Number.isNaN(when.getTime()) ? "?" : when.toLocaleTimeString());
    if (!Number.isNaN(when.getTime())) time.dateTime = when.toISOString();
    li.append(time, " ");

    if (type === "message") li.append(element("span", "content", String(item.content ?? "")));
    else if (type === "link") li.append(renderLink(item));
    else li.append(renderOther(item));
    return li;
  }

  // items come in id order; prepending them one by one leaves the newest on top.
  function show(items) {
    if (items.length === 0) return;
    const arrival = Date.now();
    const feed = byId("feed");
    for (const item of items) feed.prepend(renderItem(item));

    received += items.length;
    byId("received").textContent = String(received);
    // Server clock versus browser clock: only meaningful when both agree,
    // e.g. when the server runs on the same machine.
    const last = items[items.length - 1];
    byId("delay").textContent = `${arrival - last.timestamp} ms`;
  }

  // The article retried after a fixed 10 s. After a server restart every
  // client then comes back at the same moment, and keeps doing so in lockstep,
  // hammering the server all at once. A delay that grows with each failure and
  // is randomised spreads the clients out.
  // The console client of step 3 waits the same (RetryDelay.java; a test compares them).
  const RETRY_BASE_MS = 1000;
  const RETRY_CAP_MS = 30_000;
  function retryDelay(failures) {
    const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
    return Math.round(ceiling * (0.5 + Math.random() / 2)); // factor in [0.5, 1)
  }

  // fetch has no timeout of its own: a request to a server that vanished
  // could hang for minutes, so we abort it ourselves.
  async function getJson(url, timeoutMs) {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs);
    countRequest();
    try {
      const response = await fetch(url, { cache: "no-store", signal: controller.signal });
      if (!response.ok) {
        const error = new Error(`HTTP ${response.status}`);
        error.status = response.status;
        throw error;
      }
      const body = await response.json();
      if (!Array.isArray(body)) throw new Error("the answer is not a JSON array");
      return body;
    } finally {
      clearTimeout(timer);
    }
  }

  function retryCountdown(ms) {
    return new Promise((resolve) => {
      const end = Date.now() + ms;
      const tick = () => {
        const left = end - Date.now();
        if (left <= 0) {
          resolve();
          return;
        }
        setState(`retrying in ${Math.ceil(left / 1000)} s`);
        // Wake up when the displayed number of seconds changes.
        setTimeout(tick, left % 1000 || 1000);
      };
      tick();
    });
  }

  return { show, setState, countRequest, setMissed, setTechnique, retryDelay, getJson, retryCountdown };
})();

"use strict";

// Sends the admin forms with fetch so the page stays put and shows the
// server's answer. Without JavaScript the same forms still post normally.

const SEND_TIMEOUT_MS = 10_000;
const answer = document.getElementById("answer");

async function send(form) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer within ${SEND_TIMEOUT_MS / 1000} s`)),
    SEND_TIMEOUT_MS);
  try {
    // URLSearchParams makes the browser send application/x-www-form-urlencoded,
    // like a plain form post; FormData alone would send multipart/form-data.
    const response = await fetch(withoutCredentials(form.action), {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      signal: controller.signal,
    });
    const text = await response.text();
    if (response.ok) {
      answer.textContent = text;
      if (form.id === "message-form") {
        form.elements.content.value = "";
        form.elements.content.focus();
      }
    } else {
      answer.textContent = `Error ${response.status}: ${errorMessage(text)}`;
    }
  } catch (error) {
    answer.textContent = `Not sent: ${error.message}`;
  } finally {
    clearTimeout(timer);
  }
}

// Opened as http://admin:secret@host/admin.html (step 4, behind nginx), the page
// passes its user and password on to form.action, and fetch refuses any URL
// that holds them. The browser has them already: it sends them by itself.
function withoutCredentials(address) {
  const url = new URL(address);
  url.username = "";
  url.password = "";
  return url;
}

// The server reports errors as {"error": "..."}; fall back to the raw text.
function errorMessage(text) {
  try {
    return JSON.parse(text).error ?? text;
  } catch {
    return text;
  }
}

for (const form of document.querySelectorAll("form")) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    answer.textContent = "sending…";
    send(form);
  });
}

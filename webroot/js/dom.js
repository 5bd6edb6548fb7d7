// Small DOM helpers shared by the pages. Text always goes in as text (textContent), never as HTML.

import { format, t } from './i18n.js';

export const $ = (id) => document.getElementById(id);

/** An element with attributes and, optionally, text. */
export function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Wall time as MM-DD HH:MM, for lists of drills. */
export function when(epochMs) {
  const d = new Date(epochMs);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Shows a message (an API error, a missing token) in the page's #message line. */
export function showMessage(text) {
  $('message').textContent = text;
  $('message').hidden = false;
}

export function clearMessage() {
  $('message').hidden = true;
  $('message').textContent = '';
}

/** Wall time as HH:MM:SS, for "not live since". */
export function wallClock(epochMs) {
  return new Date(epochMs).toLocaleTimeString('en-GB', { hour12: false });
}

/**
 * The header's connection badge: live, reconnecting, offline or replay; a stream that is not live says since when
 * ({@code since}, wall ms), so that a wall left alone shows how stale it is.
 */
export function setStatus(status, since = null) {
  const badge = $('status');
  badge.dataset.status = status;
  if (since !== null) badge.dataset.since = String(since);
  else delete badge.dataset.since;
  badge.textContent = since === null ? t(status) : format('notLiveSince', wallClock(since));
}

/** Wraps a render function so that many frames in one animation frame render once. */
export function onNextFrame(task) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      task();
    });
  };
}

/** Writes the badge again in the current language. */
export function refreshStatus() {
  const badge = $('status');
  setStatus(badge.dataset.status, badge.dataset.since ? Number(badge.dataset.since) : null);
}

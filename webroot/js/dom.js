// Small DOM helpers shared by the pages. Text always goes in as text (textContent), never as HTML.

import { t } from './i18n.js';

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

/** The header's connection badge: live, reconnecting, offline or replay. */
export function setStatus(status) {
  const badge = $('status');
  badge.dataset.status = status;
  badge.textContent = t(status);
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

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

/**
 * Gives each body cell of a table its column's heading as data-label, so that a phone can show the table as one card
 * per row with each value under its name (app.css, "stacked"). Headings spanning rows and columns are followed: a
 * column under a group heading is named by both ("Response · Avg"), and a cell spanning rows in the body (a team's
 * name beside its tasks) shifts the columns of the rows it spans.
 */
export function labelColumns(table) {
  const headings = []; // per column, the texts of the headings over it
  gridOf(table.tHead?.rows ?? [], (cell, column) => {
    for (let c = column; c < column + cell.colSpan; c += 1) (headings[c] ??= []).push(cell.textContent.trim());
  });
  const columns = headings.map((names) => [...new Set(names)].filter(Boolean).join(' · '));
  gridOf([...table.tBodies].flatMap((tbody) => [...tbody.rows]), (cell, column) => {
    const label = columns[column];
    if (!label) delete cell.dataset.label; // a column without a heading (a row's buttons) gives its cell the width
    else if (cell.dataset.label !== label) cell.dataset.label = label;
  });
}

/** Walks table rows as a grid, spans included: calls {@code visit(cell, column)} with the first column a cell takes. */
function gridOf(rows, visit) {
  const spanned = []; // per column, how many more rows a cell from above still covers
  for (const tr of rows) {
    let column = 0;
    for (const cell of tr.cells) {
      while (spanned[column] > 0) { spanned[column] -= 1; column += 1; }
      visit(cell, column);
      for (let c = column; c < column + cell.colSpan; c += 1) spanned[c] = cell.rowSpan - 1;
      column += cell.colSpan;
    }
    for (let c = column; c < spanned.length; c += 1) if (spanned[c] > 0) spanned[c] -= 1;
  }
}

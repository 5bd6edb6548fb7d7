// Formatting of sim times and durations for the pages.

import { format } from './i18n.js';

const DAY_MS = 86_400_000;
/** Whether the drill's clock passes midnight: then every time says its day, the first day's too. */
let multiDay = false;

/** Called with each drill the page shows: a scenario that ends on a later day shows days. */
export function showDaysFor(drill) {
  multiDay = (drill?.clock?.end ?? 0) >= DAY_MS;
}

/** The day a sim time falls on, 1 for the drill's first. */
export function dayOf(simMs) {
  return Math.floor(simMs / DAY_MS) + 1;
}

/** "第2天" or "Day 2" for a drill across days; empty for a one-day drill. */
export function dayLabel(simMs) {
  return multiDay && simMs !== null && simMs !== undefined ? format('dayN', dayOf(simMs)) : '';
}

function withDay(simMs, time) {
  const day = dayLabel(simMs);
  return day ? `${day} ${time}` : time;
}

/** Sim milliseconds as HH:MM:SS, led by the day in a drill across days. */
export function clock(simMs) {
  if (simMs === null || simMs === undefined) return '--:--:--';
  return withDay(simMs, timeOfDay(simMs));
}

/** The time of day alone, HH:MM:SS, for a big clock that shows its day apart. */
export function timeOfDay(simMs) {
  if (simMs === null || simMs === undefined) return '--:--:--';
  const total = Math.floor(simMs / 1000);
  const h = Math.floor(total / 3600) % 24;
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Sim milliseconds as HH:MM, led by the day in a drill across days. */
export function hhmm(simMs) {
  return simMs === null || simMs === undefined ? '--:--' : withDay(simMs, timeOfDay(simMs).slice(0, 5));
}

/** A duration in seconds as "1d 2h", "1h 05m", "12m", "45s"; negative durations keep their sign. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const sign = seconds < 0 ? '−' : '';
  let rest = Math.round(Math.abs(seconds));
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  // Past a day the minutes no longer matter, and a wall tile keeps its one line.
  if (h >= 24) return `${sign}${Math.floor(h / 24)}d ${h % 24}h`;
  if (h > 0) return `${sign}${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${sign}${m}m`;
  return `${sign}${s}s`;
}

/** Minutes, for chart axes. */
export function minutes(seconds) {
  return seconds === null || seconds === undefined ? null : Math.round(seconds / 6) / 10;
}

// Formatting of sim times and durations for the pages.

/** Sim milliseconds since midnight as HH:MM:SS. */
export function clock(simMs) {
  if (simMs === null || simMs === undefined) return '--:--:--';
  const total = Math.floor(simMs / 1000);
  const h = Math.floor(total / 3600) % 24;
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Sim milliseconds as HH:MM. */
export function hhmm(simMs) {
  return simMs === null || simMs === undefined ? '--:--' : clock(simMs).slice(0, 5);
}

/** A duration in seconds as "1h 05m", "12m", "45s"; negative durations keep their sign. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const sign = seconds < 0 ? '−' : '';
  let rest = Math.round(Math.abs(seconds));
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  if (h > 0) return `${sign}${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${sign}${m}m`;
  return `${sign}${s}s`;
}

/** Minutes, for chart axes. */
export function minutes(seconds) {
  return seconds === null || seconds === undefined ? null : Math.round(seconds / 6) / 10;
}

// The observers' wallboard: one drill on a wall screen, read from across the room. It shows each state of a drill
// as its own screen: the script before the first inject, the live board while it runs (unmistakably marked when
// paused), and a summary once it has ended. Everything comes from the live stream; text from events is always set
// as text, never as HTML. With ?replay=1 (and optionally &speed=S&from=SEQ) it plays an ended drill back, with a bar
// that seeks in sim time. A bad link gets a message that says what to do, never a reconnect loop.

import * as echarts from '/vendor/echarts.esm.min.js';
import { api, ApiError, claims, token } from './api.js';
import { criterionFigures } from './criteria.js';
import { duration, hhmm } from './format.js';
import { brief, format, label, languageButton, onLanguageChange, pick, short, t, translate } from './i18n.js';
import { LiveDrill } from './live.js';
import { showSimClock } from './pages.js';
import { newestFirst, postCard } from './feed-view.js';
import { $, el, onNextFrame, refreshStatus, setStatus, when } from './dom.js';

/** ?panel=feed: the wall shows the simulated media feed where the event timeline would be. */
const SHOWS_FEED = new URL(window.location.href).searchParams.get('panel') === 'feed';
const queueRender = onNextFrame(() => render());

const DRILL_ID = /^d[a-z0-9]{11}$/;
const MINUTE = 60000;
const SENTIMENTS = ['negative', 'neutral', 'positive'];
/**
 * Okabe-Ito hues (lightened for the dark ground), told apart under every common colour-vision deficiency; the
 * platforms take the ones the sentiments leave.
 */
const SENTIMENT_COLORS = { negative: '#e66100', neutral: '#9aa8c0', positive: '#1fb58f' };
const PLATFORM_COLORS = ['#56b4e9', '#e69f00', '#cc79a7', '#f0e442', '#f2f2f2', '#0072b2'];
/** At most this many bars on the opinion chart: a long drill groups its minutes. */
const OPINION_BARS = 90;
/** Bar widths and label steps, in minutes, that read as round times. */
const ROUND_MINUTES = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180];
/** What the director does to the clock means nothing to an observer: the console and the report keep it. */
const CONTROL_TYPES = new Set(['drill.created', 'drill.paused', 'drill.resumed', 'drill.speed_changed', 'opinion.sampled',
  'drill.archived', 'drill.unarchived']);
const CRITERIA_PAGE_MS = 8000;
const REPLAY_SPEEDS = [60, 300, 600, 1800, 3600];
const DEFAULT_REPLAY_SPEED = 600;
const FIRST_RETRY_MS = 2000;
const LAST_RETRY_MS = 30000;

let live = null;
/** While the viewer drags the replay slider, frames do not move it. */
let seeking = false;
/** The message shown for a bad link, kept to write it again in another language. */
let problem = null;

/** The board's unit (--u) in pixels: a hundredth of the largest 16:9 box the window holds. */
function unit() {
  let probe = $('unit-probe');
  if (!probe) {
    probe = el('div', { id: 'unit-probe', class: 'unit-probe', 'aria-hidden': 'true' });
    document.body.append(probe);
  }
  return probe.getBoundingClientRect().width / 100;
}

const overflows = (box) => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;

/** Applies the first of {@code layouts} (class lists) under which {@code box} does not overflow; returns it. */
function fit(box, layouts) {
  const all = [...new Set(layouts.flatMap((layout) => layout.split(' ').filter(Boolean)))];
  for (const layout of layouts) {
    box.classList.remove(...all);
    layout.split(' ').filter(Boolean).forEach((name) => box.classList.add(name));
    if (!overflows(box)) return layout;
  }
  return null;
}

// --- Which screen ---

/** created (or running before the first inject): the script; ended: the summary; otherwise the live board. */
function screenOf(drill) {
  if (drill.state === 'ended') return 'summary';
  const started = drill.injects.some((inject) => inject.firedAt !== null);
  return drill.state === 'created' || !started ? 'preview' : 'board';
}

function render() {
  const drill = live?.drill;
  if (!drill) return;
  $('title').textContent = pick(drill, 'title');
  document.title = `${live.replay ? `${t('replay')} · ` : ''}${pick(drill, 'title')} · Drillboard`;
  showEnded(drill);
  const screen = screenOf(drill);
  document.body.dataset.screen = screen;
  $('board').hidden = screen !== 'board';
  $('preview').hidden = screen !== 'preview';
  $('summary').hidden = screen !== 'summary';
  renderReplay(drill);
  if (screen === 'preview') renderPreview(drill);
  else if (screen === 'summary') renderSummary(drill);
  else renderBoard(drill);
  renderClock();
}

/** The badge says ended once the drill has ended: "live" would tell observers that something still moves. */
function showEnded(drill) {
  const badge = $('status');
  if (!live.replay && badge.dataset.status === 'live' && drill.state === 'ended') setStatus('ended');
}

// --- The live board ---

function renderBoard(drill) {
  const paused = drill.state === 'paused';
  $('board').classList.toggle('paused', paused);
  $('paused-banner').hidden = !paused;
  document.querySelector('[data-panel=clock]').dataset.state = drill.state;
  renderKpis(drill);
  renderTeams(drill);
  renderCriteria(drill, $('criteria'), $('criteria-page'));
  renderOpinion(drill, 'opinion');
  if (SHOWS_FEED) renderFeed(drill); else renderTimeline(drill);
}

function kpiTile(key, name, value, sub, tone) {
  const tile = el('div', { class: 'kpi', 'data-kpi': key });
  if (tone) tile.dataset.tone = tone;
  tile.append(el('div', { class: 'name' }, name), el('div', { class: 'value' }, value));
  if (sub) tile.append(el('div', { class: 'sub' }, sub));
  return tile;
}

function negativeShare(opinion) {
  return opinion.total ? `${Math.round(((opinion.bySentiment.negative || 0) / opinion.total) * 100)}%` : '—';
}

function renderKpis(drill) {
  const { kpis, opinion } = drill;
  const firstInject = drill.injects.filter((i) => !i.adHoc && i.firedAt !== null).map((i) => i.firedAt).sort((a, b) => a - b)[0];
  $('kpis').replaceChildren(
    kpiTile('since', t('kpiSinceStart'), duration(kpis.sinceFirstInjectSec),
      firstInject === undefined ? '' : `${t('firstInject')} ${hhmm(firstInject)}`),
    kpiTile('done', t('kpiTasksDone'), `${kpis.done}/${kpis.tasks}`, `${t('kpiOpen')} ${kpis.open}`,
      kpis.tasks > 0 && kpis.done === kpis.tasks ? 'good' : null),
    kpiTile('overdue', t('kpiOverdueNow'), String(kpis.overdue), format('overdueEver', overdueEver(drill)),
      kpis.overdue > 0 ? 'bad' : null),
    kpiTile('posts', t('kpiPosts'), String(opinion.total), format('kpiNegativeShare', negativeShare(opinion)),
      opinion.total > 0 ? 'warn' : null),
  );
}

/** Response and completion averages, each kept on one line so that a narrow column breaks between them. */
function latencyLine(latency) {
  const line = el('span', { class: 'latency' });
  line.append(el('span', {}, format('responseShort', duration(latency?.responseAvgSec))), ' · ',
    el('span', {}, format('completionShort', duration(latency?.completionAvgSec))));
  return line;
}

function taskChip(task) {
  const chip = el('span', { class: 'task', 'data-task': task.id, 'data-state': task.state, 'data-overdue': String(task.overdue) });
  chip.title = `${pick(task, 'title')} — ${t(`task_${task.state}`)}${task.overdue ? ` · ${t('overdue')}` : ''}`;
  chip.append(el('span', { class: 'mark', 'aria-hidden': 'true' }), el('span', { class: 'task-name' }, brief(task, 'title')));
  return chip;
}

function renderTeams(drill) {
  const rows = drill.teams.map((team) => {
    const percent = Math.round(team.progress * 100);
    const row = el('div', { class: 'team', 'data-team': team.id });
    const track = el('div', { class: 'track' });
    const fill = el('div', { class: 'fill' });
    fill.style.width = `${percent}%`;
    track.append(fill);
    const tasks = el('div', { class: 'tasks' });
    tasks.append(...team.tasks.map(taskChip));
    row.append(el('span', { class: 'team-name' }, short(team, 'name')), latencyLine(drill.latency[team.id]),
      el('span', { class: 'percent' }, `${percent}%`), track, tasks);
    return row;
  });
  $('teams').replaceChildren(...rows);
  fit($('teams'), ['', 'two', 'compact', 'two compact', 'dense', 'two dense']);
  renderTaskKey();
}

const TASK_STATES = ['pending', 'acknowledged', 'in_progress', 'done'];

/** What the task marks mean, for a viewer who has not learnt them: the states, and the overdue stripes. */
function renderTaskKey() {
  const items = TASK_STATES.map((state) => {
    const item = el('span', { class: 'task', 'data-state': state, 'data-overdue': 'false' });
    item.append(el('span', { class: 'mark', 'aria-hidden': 'true' }), el('span', {}, t(`task_${state}`)));
    return item;
  });
  const overdue = el('span', { class: 'task', 'data-state': 'pending', 'data-overdue': 'true' });
  overdue.append(el('span', { class: 'mark', 'aria-hidden': 'true' }), el('span', {}, t('overdue')));
  $('task-key').replaceChildren(el('span', { class: 'key-name' }, t('taskKey')), ...items, overdue);
}

function criterionRow(criterion) {
  const row = el('li', { class: 'criterion', 'data-criterion': criterion.id, 'data-status': criterion.status });
  const figures = criterionFigures(criterion);
  const numbers = el('span', { class: 'figures' });
  numbers.append(el('span', { class: 'value' }, figures.value));
  if (criterion.measure === 'interval') numbers.append(el('span', { class: 'target' }, ` / ${figures.target}`));
  row.append(el('span', { class: 'verdict' }, t(`status_${criterion.status}`)), el('span', { class: 'name' }, short(criterion, 'name')),
    numbers);
  return row;
}

/**
 * Every criterion at once: one row each, else with the figures under the name, else in two columns; only when even
 * that would overflow, pages of what fits turn every few seconds, with the page shown beside the counts.
 */
function renderCriteria(drill, list, head) {
  const by = (...statuses) => drill.criteria.filter((c) => statuses.includes(c.status)).length;
  const counts = format('criteriaSummary', by('met'), by('missed'), by('running', 'pending'));
  const rows = drill.criteria.map(criterionRow);
  list.replaceChildren(...rows);
  if (fit(list, ['', 'stacked', 'two stacked']) !== null || rows.length === 0) {
    head.textContent = counts;
    return;
  }
  list.classList.remove('two');
  list.classList.add('stacked');
  while (list.children.length > 1 && overflows(list)) list.lastChild.remove();
  const perPage = list.children.length;
  const pages = Math.ceil(rows.length / perPage);
  const page = Math.floor(Date.now() / CRITERIA_PAGE_MS) % pages;
  list.replaceChildren(...rows.slice(page * perPage, (page + 1) * perPage));
  head.textContent = `${counts} · ${format('pageOf', page + 1, pages)}`;
}

/** The drill's minutes grouped into at most OPINION_BARS bars, from the drill's start to a little past the last post. */
function opinionBars(drill) {
  const { series } = drill.opinion;
  const start = drill.clock.start;
  const last = series.length ? series[series.length - 1].minute : start;
  const end = Math.max(Math.min(drill.clock.end, Math.max(last + 30 * MINUTE, start + 3 * 60 * MINUTE)), last + MINUTE);
  const size = ROUND_MINUTES.find((m) => (end - start) / MINUTE / m <= OPINION_BARS) ?? ROUND_MINUTES.at(-1);
  const count = Math.ceil((end - start) / MINUTE / size);
  const bars = Array.from({ length: count }, (_, i) => ({ at: start + i * size * MINUTE, negative: 0, neutral: 0, positive: 0 }));
  const indexOf = (minute) => Math.min(count - 1, Math.max(0, Math.floor((minute - start) / MINUTE / size)));
  series.forEach((point) => SENTIMENTS.forEach((s) => { bars[indexOf(point.minute)][s] += (point.bySentiment[s] || 0) / size; }));
  return { bars, indexOf, size };
}

/** A round top for an axis of about three steps: 13 becomes 15 (steps of 5), 9 stays 9 (steps of 3)... */
function roundAxis(highest) {
  const rough = Math.max(1, highest) / 3;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough);
  return { max: Math.ceil(highest / step) * step, step };
}

/** ECharts instances by the prefix of their panel's ids: the board's "opinion" and the summary's. */
const opinionCharts = new Map();

/**
 * The opinion panel whose elements' ids start with {@code prefix}: posts per minute by sentiment, the markers of the
 * tasks that bent the curve, the per-minute peak, and the sentiments' and platforms' keys.
 */
function renderOpinion(drill, prefix) {
  const part = (name) => $(`${prefix}-${name}`);
  const { opinion } = drill;
  const empty = opinion.series.length === 0;
  part('empty').hidden = !empty;
  part('peak').textContent = opinion.peak ? format('peakAt', hhmm(opinion.peak.minute), opinion.peak.count) : '';
  const box = part('chart');
  if (!opinionCharts.has(prefix)) opinionCharts.set(prefix, echarts.init(box, null, { renderer: 'canvas' }));
  const chart = opinionCharts.get(prefix);
  // A chart first drawn while its screen was hidden, or before a resize, takes its box's size now.
  if (chart.getWidth() !== box.clientWidth || chart.getHeight() !== box.clientHeight) chart.resize();
  const fontPx = Math.max(12, Math.round(unit()));
  box.dataset.fontPx = String(fontPx);
  const { bars, indexOf, size } = opinionBars(drill);
  renderKeys(drill, part, size);
  const marks = drill.teams.flatMap((team) => team.tasks.filter((task) => task.effect && task.doneAt !== null))
    .sort((a, b) => a.doneAt - b.doneAt).map((task) => ({ task, index: indexOf(task.doneAt) }));
  const lineHeight = Math.round(unit() * 1.27 * 1.45);
  const topFor = (rows) => (rows ? lineHeight * rows + fontPx * 0.6 : fontPx * 1.2);
  const totals = bars.map((bar) => SENTIMENTS.reduce((sum, s) => sum + bar[s], 0));
  // Bars average their minutes; the peak is one minute's count, drawn at its own height above its bar.
  const axis = roundAxis(Math.max(...totals, opinion.peak?.count ?? 0) * 1.1);
  const muted = '#9aa8c0';
  // Labels on round times, as many as the width holds at about four characters' room each.
  const room = Math.max(1, Math.floor(box.clientWidth / (fontPx * 4)));
  const labelStep = ROUND_MINUTES.find((m) => (bars.length * size) / m <= room) ?? ROUND_MINUTES.at(-1);
  const rowsBefore = Number(box.dataset.markRows || (marks.length ? 1 : 0));
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily, fontSize: fontPx },
    grid: { left: fontPx * 1.4, right: fontPx * 1.4, top: topFor(rowsBefore), bottom: fontPx * 0.3, containLabel: true },
    xAxis: {
      type: 'category', data: bars.map((bar) => hhmm(bar.at)),
      axisLabel: { color: muted, fontSize: fontPx, interval: (index) => (bars[index].at / MINUTE) % labelStep === 0 },
      axisLine: { lineStyle: { color: '#34425f' } }, axisTick: { show: false },
    },
    yAxis: {
      type: 'value', max: axis.max, interval: axis.step,
      axisLabel: { color: muted, fontSize: fontPx }, splitLine: { lineStyle: { color: '#1c2740' } },
    },
    series: SENTIMENTS.map((sentiment, i) => ({
      name: t(sentiment), type: 'bar', stack: 'posts', barCategoryGap: '15%', silent: true,
      itemStyle: { color: SENTIMENT_COLORS[sentiment] },
      data: empty ? [] : bars.map((bar) => Math.round(bar[sentiment] * 10) / 10),
      markLine: i === 0 && marks.length ? {
        symbol: 'none', silent: true, label: { show: false },
        lineStyle: { color: '#f0b400', type: 'dashed', width: Math.max(2, fontPx / 8) },
        data: marks.map((mark) => ({ xAxis: mark.index })),
      } : undefined,
      markPoint: i === SENTIMENTS.length - 1 && opinion.peak && !empty ? {
        symbol: 'circle', symbolSize: fontPx * 0.9, silent: true, label: { show: false },
        itemStyle: { color: '#f0b400', borderColor: '#0b1220', borderWidth: 2 },
        data: [{ coord: [indexOf(opinion.peak.minute), opinion.peak.count] }],
      } : undefined,
    })),
  }, true);
  const rows = placeMarks(chart, part('marks'), part('mark-key'), marks, lineHeight);
  if (rows !== rowsBefore) {
    // The markers took another number of rows than last time: make room for exactly those, and place them again.
    box.dataset.markRows = String(rows);
    chart.setOption({ grid: { top: topFor(rows) } });
    placeMarks(chart, part('marks'), part('mark-key'), marks, lineHeight);
  }
}

/** The most rows of marker names above a chart; past that the markers are numbered and named in a key below. */
const MARK_ROWS = 2;

/**
 * The task markers above the chart, each beside its line (to the left of it near the right edge): by name, a name
 * that would touch one before it going a row down; when names would take more than MARK_ROWS rows, by number, with
 * the key under the chart. Returns how many rows they took.
 */
function placeMarks(chart, strip, key, marks, lineHeight) {
  const byName = layoutMarks(chart, strip, marks, lineHeight, (task) => brief(task, 'title'));
  key.hidden = byName <= MARK_ROWS;
  if (key.hidden) return byName;
  key.replaceChildren(...marks.map(({ task }, i) => {
    const item = el('li', { 'data-task': task.id });
    item.append(el('span', { class: 'mark-number' }, String(i + 1)), `${brief(task, 'title')} ${hhmm(task.doneAt)}`);
    return item;
  }));
  return layoutMarks(chart, strip, marks, lineHeight, (task, i) => String(i + 1));
}

function layoutMarks(chart, strip, marks, lineHeight, text) {
  strip.replaceChildren();
  const width = strip.clientWidth;
  const rowEnds = [];
  marks.forEach(({ task, index }, i) => {
    const x = chart.convertToPixel({ xAxisIndex: 0 }, index);
    const tag = el('span', { class: 'mark-label', 'data-task': task.id }, text(task, i));
    strip.append(tag);
    const flip = x + tag.offsetWidth > width;
    if (flip) tag.classList.add('flip');
    const left = flip ? Math.max(0, x - tag.offsetWidth) : x;
    let row = rowEnds.findIndex((end) => left >= end + 6);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = left + tag.offsetWidth;
    tag.style.left = `${left}px`;
    tag.style.top = `${row * lineHeight}px`;
  });
  return rowEnds.length;
}

function keyItem(color, name, figure) {
  const item = el('li');
  const swatch = el('span', { class: 'swatch' });
  swatch.style.background = color;
  item.append(swatch, el('span', {}, name));
  if (figure !== undefined) item.append(el('span', { class: 'figure' }, figure));
  return item;
}

/** The sentiments' colours with their shares (and how many minutes a bar averages), and each platform's posts. */
function renderKeys(drill, part, barMinutes) {
  const { opinion } = drill;
  const share = (n) => (opinion.total ? `${Math.round((n / opinion.total) * 100)}%` : '');
  const sentiments = SENTIMENTS.map((s) => keyItem(SENTIMENT_COLORS[s], t(s), share(opinion.bySentiment[s] || 0)));
  if (barMinutes > 1) sentiments.push(el('li', { class: 'muted' }, format('barsAverage', barMinutes)));
  part('sentiments').replaceChildren(...sentiments);
  const platforms = Object.keys(drill.labels?.platforms ?? opinion.byPlatform ?? {});
  part('platforms').replaceChildren(...platforms.map((platform, i) => keyItem(PLATFORM_COLORS[i % PLATFORM_COLORS.length],
    label(drill, 'platforms', platform), String(opinion.byPlatform?.[platform] ?? 0))));
}

function describeEvent(event, drill) {
  const payload = event.payload || {};
  if (event.type === 'inject.fired') {
    const inject = drill.injects.find((i) => i.id === payload.injectId);
    return inject ? brief(inject, 'title') : payload.title || '';
  }
  if (event.type.startsWith('task.')) {
    for (const team of drill.teams) {
      const task = team.tasks.find((candidate) => candidate.id === payload.taskId);
      if (task) return `${short(team, 'name')} · ${brief(task, 'title')}`;
    }
    return '';
  }
  if (event.type === 'drill.ended') return t(`end_${payload.reason}`);
  if (event.type === 'drill.broadcast') return payload.text ?? '';
  if (event.type.startsWith('drill.')) return '';
  const text = payload.text ?? payload.title ?? payload.message;
  // Outside events can be anything a load tool sends: the wall shows their gist, the event list the whole.
  return typeof text === 'string' ? (text.length > 80 ? `${text.slice(0, 79)}…` : text) : '';
}

/**
 * A completed task's note or evidence in quotes, its lines joined and cut short: the wall shows its gist in about two
 * lines (a Chinese character is as wide as two Latin letters), the report shows it all.
 */
const NOTE_WIDTH = 40;
function doneNote(event) {
  const note = event.type === 'task.completed' ? event.payload?.note : null;
  if (typeof note !== 'string' || !note.trim()) return '';
  const characters = [...note.trim().replace(/\s+/g, ' ')];
  const width = (character) => (character.codePointAt(0) >= 0x2e80 ? 2 : 1);
  let used = 0;
  const fits = characters.findIndex((character) => (used += width(character)) > NOTE_WIDTH);
  return fits === -1 ? `“${characters.join('')}”` : `“${characters.slice(0, fits - 1).join('')}…”`;
}

function timelineKind(event) {
  const known = `ev_${event.type.replace(/\./g, '_')}`;
  return t(known) === known ? t('external') : t(known);
}

/** What players and injects did, newest first, as many as fit whole. */
function renderTimeline(drill) {
  const shown = live.timeline.filter((event) => !CONTROL_TYPES.has(event.type) && !event.type.startsWith('evaluation.'))
    .slice(-40).reverse();
  const list = $('timeline');
  list.replaceChildren(...shown.map((event) => {
    const item = el('li', { 'data-type': event.type, 'data-seq': String(event.seq) });
    const what = el('span', { class: 'what' }, describeEvent(event, drill));
    const note = doneNote(event);
    if (note) what.append(el('br'), el('span', { class: 'note muted' }, note));
    item.append(el('span', { class: 'when' }, hhmm(event.simTime)), el('span', { class: 'kind' }, timelineKind(event)),
      what);
    return item;
  }));
  while (list.children.length > 1 && overflows(list)) list.lastChild.remove();
}

/** The media feed's newest posts, as many as fit whole, in the timeline's place. */
function renderFeed(drill) {
  const list = $('wall-feed');
  list.replaceChildren(...newestFirst(live.feed).slice(0, 12).map((post) => postCard(drill, post)));
  while (list.children.length > 1 && overflows(list)) list.lastChild.remove();
}

// --- Before the first inject ---

function fact(name, value, note) {
  const item = el('div');
  const figure = el('dd', {}, value);
  if (note) figure.append(el('small', { 'data-note': 'true' }, note));
  item.append(el('dt', {}, name), figure);
  return item;
}

function nextScripted(drill) {
  return drill.injects.filter((inject) => inject.kind === 'timeline' && inject.firedAt === null)
    .sort((a, b) => a.at - b.at)[0];
}

/** How long in wall time until sim time {@code at}, at the drill's speed, from sim time {@code from}. */
function wallUntil(drill, at, from) {
  const seconds = Math.round(Math.max(0, (at - from) / drill.speed / 1000));
  // Under ten minutes the seconds matter: "1m 48s", not "1m".
  return seconds < 600 && seconds >= 60 ? `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s` : duration(seconds);
}

function renderPreview(drill) {
  const first = nextScripted(drill);
  const now = live.simNow() ?? drill.simTime;
  let firstNote = '';
  if (first && drill.state === 'created') {
    firstNote = first.at <= drill.clock.start ? t('firstInjectAtStart') : format('firstInjectAfter', wallUntil(drill, first.at, drill.clock.start));
  } else if (first) {
    firstNote = `${t('firstInjectIn')} ${wallUntil(drill, first.at, now)}`;
  }
  $('preview-facts').replaceChildren(
    fact(t('startsAt'), hhmm(drill.clock.start), `${t('endsAtTime')} ${hhmm(drill.clock.end)}`),
    fact(t('firstInject'), first ? hhmm(first.at) : '—', firstNote),
    fact(t('speed'), `${drill.speed}×`, format('wholeDrill', wallUntil(drill, drill.clock.end, drill.clock.start))),
  );
  // Before the start the wall previews the timeline: contingencies and held injects have no time to show.
  const injects = drill.injects.filter((inject) => inject.kind === 'timeline').sort((a, b) => a.at - b.at)
    .map((inject) => {
      const item = el('li', { 'data-inject': inject.id });
      item.append(el('span', { class: 'when' }, hhmm(inject.at)), el('span', {}, brief(inject, 'title')),
        el('span', { class: 'channel' }, label(drill, 'channels', inject.channel)));
      return item;
    });
  $('preview-injects').replaceChildren(...injects);
  while ($('preview-injects').children.length > 1 && overflows($('preview-injects'))) $('preview-injects').lastChild.remove();
  $('preview-teams').replaceChildren(...drill.teams.map((team) => {
    const item = el('li', { 'data-team': team.id });
    item.append(el('span', { class: 'name' }, short(team, 'name')), el('span', { class: 'figure' },
      team.tasks.length === 1 ? t('taskCountOne') : format('taskCount', team.tasks.length)));
    return item;
  }));
}

// --- After the last event ---

function renderSummary(drill) {
  const by = (status) => drill.criteria.filter((c) => c.status === status).length;
  const { kpis, opinion } = drill;
  const peak = opinion.peak ? format('peakAt', hhmm(opinion.peak.minute), opinion.peak.count) : t('noPosts');
  $('summary-figures').replaceChildren(
    kpiTile('met', t('criteriaMetCount'), String(by('met')), format('criteriaOpen', by('running') + by('pending')), 'good'),
    kpiTile('missed', t('criteriaMissedCount'), String(by('missed')), '', by('missed') > 0 ? 'bad' : null),
    kpiTile('done', t('kpiTasksDone'), `${kpis.done}/${kpis.tasks}`, format('overdueEver', overdueEver(drill))),
    kpiTile('posts', t('kpiPosts'), String(opinion.total), peak, opinion.total > 0 ? 'warn' : null),
    kpiTile('ended', t('endedHow'), hhmm(drill.simTime), drill.endReason ? t(`end_${drill.endReason}`) : ''),
  );
  renderOpinion(drill, 'summary-opinion');
  $('summary-latency').replaceChildren(...drill.teams.map((team) => {
    const latency = drill.latency[team.id];
    const row = el('tr', { 'data-team': team.id });
    // Late work says so in words, not in colour alone.
    const done = el('td', {}, `${latency.done}/${latency.tasks}${latency.overdue > 0 ? ` · ${format('lateTasks', latency.overdue)}` : ''}`);
    if (latency.done < latency.tasks || latency.overdue > 0) done.classList.add('late');
    row.append(el('td', {}, short(team, 'name')), el('td', {}, duration(latency.responseAvgSec)),
      el('td', {}, duration(latency.completionAvgSec)), done);
    return row;
  }));
  // After the table: the criteria take the height it leaves.
  renderCriteria(drill, $('summary-criteria'), $('summary-criteria-page'));
}

/** Tasks that ever went overdue, finished since or not: the summary's count, as in the report. */
function overdueEver(drill) {
  return drill.teams.reduce((n, team) => n + team.tasks.filter((task) => task.overdue).length, 0);
}

// --- The clock, between frames ---

function renderClock() {
  const drill = live?.drill;
  if (!drill) return;
  const now = live.simNow();
  showSimClock($('sim-clock'), now);
  $('clock-label').textContent = live.replay ? t('replay') : t('simClock');
  const state = $('drill-state');
  state.dataset.state = drill.state;
  state.textContent = replayState(drill) ?? t(`state_${drill.state}`);
  const next = nextScripted(drill);
  const speed = live.replay && drill.replay ? format('replayAt', drill.replay.speed) : `${drill.speed}×`;
  $('speed-line').textContent = next ? `${speed} · ${format('nextInject', hhmm(next.at))}` : speed;
  const since = document.querySelector('[data-kpi="since"] .value');
  if (since && drill.kpis.sinceFirstInjectSec !== null) {
    since.textContent = duration((now - (drill.simTime - drill.kpis.sinceFirstInjectSec * 1000)) / 1000);
  }
  const firstNote = document.querySelector('#preview-facts div:nth-child(2) small');
  if (firstNote && next && drill.state !== 'created') firstNote.textContent = `${t('firstInjectIn')} ${wallUntil(drill, next.at, now)}`;
  if (live.replay && drill.replay && !seeking) showReplayPosition(now);
}

// --- Replay ---

/** A replay paused or finished says so, whatever the drill was doing at that moment. */
function replayState(drill) {
  if (!live.replay || !drill.replay) return null;
  if (drill.replay.finished) return t('replayFinished');
  return drill.replay.paused ? t('replayPaused') : null;
}

function replayRange(drill) {
  return { from: drill.replay.firstSim ?? drill.clock.start, to: drill.replay.lastSim ?? drill.clock.end };
}

function renderReplay(drill) {
  const { replay } = drill;
  if (!live.replay || !replay) return;
  const bar = $('replay');
  bar.hidden = false;
  bar.dataset.seq = String(drill.seq);
  bar.dataset.paused = String(replay.paused);
  bar.dataset.finished = String(replay.finished);
  const toggle = $('replay-toggle');
  const action = replay.finished ? 'again' : replay.paused ? 'resume' : 'pause';
  toggle.dataset.action = action;
  toggle.textContent = { again: `↺ ${t('replayAgain')}`, resume: `▶ ${t('play')}`, pause: `❚❚ ${t('pause')}` }[action];
  const speed = $('replay-speed');
  const wanted = String(replay.speed);
  if (![...speed.options].some((option) => option.value === wanted)) speed.append(el('option', { value: wanted }, `${wanted}×`));
  if (document.activeElement !== speed) speed.value = wanted;
  speed.setAttribute('aria-label', t('replaySpeed'));
  const { from, to } = replayRange(drill);
  const slider = $('replay-seek');
  slider.min = String(from);
  slider.max = String(to);
  slider.title = t('replaySeek');
  slider.setAttribute('aria-label', t('replaySeek'));
  $('replay-from').textContent = hhmm(from);
  $('replay-to').textContent = hhmm(to);
  const span = Math.max(1, to - from);
  $('replay-ticks').replaceChildren(...drill.injects.map((inject) => inject.firedAt ?? inject.at)
    .filter((at) => at !== null && at >= from && at <= to).map((at) => {
      const tick = el('span', { class: 'tick', 'data-at': String(at) });
      tick.style.left = `${((at - from) / span) * 100}%`;
      return tick;
    }));
}

function showReplayPosition(sim) {
  const drill = live.drill;
  const { from, to } = replayRange(drill);
  const slider = $('replay-seek');
  if (!seeking) slider.value = String(sim);
  $('replay-position').textContent = `${hhmm(sim)} / ${hhmm(to)}${drill.replay.finished ? ` · ${t('replayFinished')}` : ''}`;
  slider.style.setProperty('--played', `${Math.round(((sim - from) / Math.max(1, to - from)) * 1000) / 10}%`);
}

function wireReplayControls() {
  $('replay-toggle').addEventListener('click', () => {
    const action = $('replay-toggle').dataset.action;
    if (action === 'pause') live.pause();
    else if (action === 'resume') live.resume();
    else {
      live.seek(1);
      live.resume();
    }
  });
  $('replay-speed').addEventListener('change', () => live.setSpeed(Number($('replay-speed').value)));
  const slider = $('replay-seek');
  slider.addEventListener('input', () => {
    seeking = true;
    showReplayPosition(Number(slider.value));
  });
  slider.addEventListener('change', () => {
    seeking = false;
    live.seekTo(Number(slider.value));
  });
}

/** ?replay=1 with an optional &speed= (1 to 3600) and &from= (a seq), or null to follow the drill live. */
function replayOptions(params) {
  if (params.get('replay') !== '1') return null;
  const speed = Number(params.get('speed'));
  const from = Number(params.get('from'));
  return {
    speed: Number.isFinite(speed) && speed >= 1 && speed <= 3600 ? speed : DEFAULT_REPLAY_SPEED,
    from: Number.isInteger(from) && from >= 1 ? from : 1,
  };
}

// --- Links that cannot work ---

function showProblem(kind, ...values) {
  problem = { kind, values };
  ['board', 'preview', 'summary', 'replay', 'picker'].forEach((id) => { $(id).hidden = true; });
  document.body.dataset.screen = 'problem';
  // Nothing is connected or about to be: a connection badge would only add a second, vaguer message.
  $('status').hidden = true;
  const box = $('problem');
  box.hidden = false;
  box.dataset.problem = kind;
  $('problem-title').textContent = t(`link${kind}Title`);
  $('problem-text').textContent = format(`link${kind}Text`, ...values);
  $('problem-link').hidden = !['Malformed', 'Unknown'].includes(kind);
}

function expiry(jwt) {
  const { exp } = claims(jwt);
  return typeof exp === 'number' ? exp * 1000 : null;
}

/**
 * Says why the server refused the link. Only a server that could not be reached is asked again, after a pause that
 * grows; {@code retry} does that.
 */
function refused(error, jwt, drillId, retry) {
  if (error instanceof ApiError && error.status < 500) {
    const expires = expiry(jwt);
    if (error.status === 401) showProblem(expires !== null && expires <= Date.now() ? 'Expired' : 'Invalid', when(expires));
    else if (error.status === 403) showProblem('Forbidden');
    else if (error.status === 404) showProblem('Unknown', drillId);
    else showProblem('Malformed');
    return;
  }
  retry.delay = Math.min((retry.delay ?? FIRST_RETRY_MS / 2) * 2, LAST_RETRY_MS);
  showProblem('Server', duration(retry.delay / 1000));
  setTimeout(retry, retry.delay);
}

async function showPicker(jwt) {
  try {
    const { drills } = await api('GET', '/drills');
    $('problem').hidden = true;
    // A list is not a stream: no connection badge.
    $('status').hidden = true;
    $('picker').hidden = false;
    const list = $('drill-list');
    list.replaceChildren();
    if (drills.length === 0) list.append(el('li', {}, t('noDrills')));
    for (const drill of [...drills].reverse()) {
      const item = el('li', { 'data-drill': drill.id });
      const link = el('a', { href: `/?drill=${encodeURIComponent(drill.id)}` }, pick(drill, 'title'));
      const meta = el('span', { class: 'muted' }, `${t(`state_${drill.state}`)} · ${when(drill.createdAt)}`);
      item.append(link, meta);
      if (drill.state === 'ended') {
        meta.append(' · ', el('a', { href: `/?drill=${encodeURIComponent(drill.id)}&replay=1`, class: 'replay-link',
          'data-action': 'replay' }, `▶ ${t('openReplay')}`));
      }
      list.append(item);
    }
  } catch (error) {
    refused(error, jwt, null, () => showPicker(jwt));
  }
}

// --- Start ---

/** Reads the drill once over HTTP, so that a bad link is told apart from a lost network before any stream opens. */
async function open(drillId, jwt, replay) {
  const retry = () => open(drillId, jwt, replay);
  try {
    await api('GET', `/drills/${encodeURIComponent(drillId)}`);
  } catch (error) {
    refused(error, jwt, drillId, retry);
    return;
  }
  problem = null;
  $('problem').hidden = true;
  $('status').hidden = false;
  follow(drillId, jwt, replay);
}

function follow(drillId, jwt, replay) {
  if (replay) {
    document.body.classList.add('replaying');
    $('replay-speed').value = String(REPLAY_SPEEDS.includes(replay.speed) ? replay.speed : DEFAULT_REPLAY_SPEED);
    wireReplayControls();
  }
  live = new LiveDrill(drillId, jwt, () => queueRender(), (status, since) => {
    setStatus(status, since);
    if (live?.drill) showEnded(live.drill);
  }, { replay, onRefused: (error) => refused(error, jwt, drillId, () => open(drillId, jwt, replay)) }).start();
  setInterval(() => live.drill && !problem && renderClock(), 250);
  // Criteria that need pages turn them even when no frame comes.
  setInterval(() => live.drill && !problem && queueRender(), CRITERIA_PAGE_MS);
  window.addEventListener('resize', () => {
    opinionCharts.forEach((chart) => chart.resize());
    queueRender();
  });
  // Wrapped text changes height once the web font's pieces arrive: fit the panels again.
  document.fonts?.addEventListener('loadingdone', () => queueRender());
}

function main() {
  translate();
  document.querySelector('[data-panel="timeline"]').hidden = SHOWS_FEED;
  document.querySelector('[data-panel="feed"]').hidden = !SHOWS_FEED;
  languageButton($('lang'));
  onLanguageChange(() => {
    refreshStatus();
    if (problem) showProblem(problem.kind, ...problem.values);
    render();
  });
  const jwt = token();
  const params = new URL(window.location.href).searchParams;
  const drillId = params.get('drill');
  if (!jwt) {
    showProblem('NoToken');
    return;
  }
  const expires = expiry(jwt);
  if (expires !== null && expires <= Date.now()) {
    showProblem('Expired', when(expires));
    return;
  }
  if (drillId === null) showPicker(jwt);
  else if (!DRILL_ID.test(drillId)) showProblem('Malformed');
  else open(drillId, jwt, replayOptions(params));
}

main();

// The observers' wallboard: one drill, live, on a 1920x1080 screen. Everything shown comes from the live stream;
// text from events is always set as text, never as HTML. With ?replay=1 (and optionally &speed=S&from=SEQ) it plays
// an ended drill back instead, with a bar to pause, change speed and seek.

import * as echarts from '/vendor/echarts.esm.min.js';
import { api, describe, token } from './api.js';
import { duration, hhmm, minutes } from './format.js';
import { languageButton, onLanguageChange, pick, t, translate, format } from './i18n.js';
import { LiveDrill } from './live.js';
import { $, el, showMessage, setStatus, onNextFrame } from './dom.js';
import { showClock } from './pages.js';

const queueRender = onNextFrame(() => render());

const SENTIMENT_COLORS = { negative: '#f0605d', neutral: '#8a97b1', positive: '#35c28a' };
const PLATFORM_COLORS = ['#4fa3ff', '#f5b342', '#c084fc', '#58c4dd', '#ff8fab'];
const HEADLINE_CRITERIA = 3;
const REPLAY_SPEEDS = [60, 300, 600, 1800, 3600];
const DEFAULT_REPLAY_SPEED = 600;

let live = null;
let latencyChart = null;
let opinionChart = null;
/** While the viewer drags the replay slider, frames do not move it. */
let seeking = false;

async function showPicker() {
  $('picker').hidden = false;
  const list = $('drill-list');
  try {
    const { drills } = await api('GET', '/drills');
    list.replaceChildren();
    if (drills.length === 0) list.append(el('li', {}, t('noDrills')));
    for (const drill of [...drills].reverse()) {
      const item = el('li', { 'data-drill': drill.id });
      const link = el('a', { href: `/?drill=${encodeURIComponent(drill.id)}` }, pick(drill, 'title'));
      const meta = el('span', { class: 'muted' }, `${t(`state_${drill.state}`)} · ${new Date(drill.createdAt).toLocaleString()}`);
      item.append(link, meta);
      if (drill.state === 'ended') {
        const replay = el('a', { href: `/?drill=${encodeURIComponent(drill.id)}&replay=1`, class: 'replay-link',
          'data-action': 'replay' }, `▶ ${t('openReplay')}`);
        meta.append(' · ', replay);
      }
      list.append(item);
    }
  } catch (error) {
    showMessage(describe(error));
  }
}

function render() {
  const drill = live?.drill;
  if (!drill) return;
  $('board').hidden = false;
  $('title').textContent = pick(drill, 'title');
  document.title = `${live.replay ? `${t('replay')} · ` : ''}${pick(drill, 'title')} · Drillboard`;
  renderReplay(drill);
  renderClock();
  renderKpis(drill);
  renderTeams(drill);
  renderTimeline(drill);
  renderLatency(drill);
  renderOpinion(drill);
}

function renderReplay(drill) {
  const replay = drill.replay;
  if (!live.replay || !replay) return;
  const panel = $('replay');
  panel.hidden = false;
  panel.dataset.seq = String(drill.seq);
  panel.dataset.paused = String(replay.paused);
  panel.dataset.finished = String(replay.finished);
  const toggle = $('replay-toggle');
  const action = replay.finished ? 'again' : replay.paused ? 'resume' : 'pause';
  toggle.dataset.action = action;
  toggle.textContent = { again: `↺ ${t('replayAgain')}`, resume: `▶ ${t('play')}`, pause: `❚❚ ${t('pause')}` }[action];
  const speed = $('replay-speed');
  const wanted = String(replay.speed);
  if (![...speed.options].some((option) => option.value === wanted)) {
    speed.append(el('option', { value: wanted }, `${wanted}×`));
  }
  if (document.activeElement !== speed) speed.value = wanted;
  const slider = $('replay-seek');
  slider.max = String(replay.lastSeq);
  slider.title = t('replaySeek');
  slider.setAttribute('aria-label', t('replaySeek'));
  if (!seeking) slider.value = String(drill.seq);
  renderReplayPosition(seeking ? Number(slider.value) : drill.seq, replay);
}

function renderReplayPosition(seq, replay) {
  const position = $('replay-position');
  position.textContent = `${format('replaySeq', seq, replay.lastSeq)}${replay.finished ? ` · ${t('replayFinished')}` : ''}`;
  // The played share of the slider, for its filled track.
  const share = replay.lastSeq > 1 ? (seq - 1) / (replay.lastSeq - 1) : 1;
  $('replay-seek').style.setProperty('--played', `${Math.round(share * 1000) / 10}%`);
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
    if (live.drill?.replay) renderReplayPosition(Number(slider.value), live.drill.replay);
  });
  slider.addEventListener('change', () => {
    seeking = false;
    live.seek(Number(slider.value));
  });
}

function renderClock() {
  const drill = live.drill;
  showClock(live);
  $('speed').textContent = drill.speed;
  const since = document.querySelector('[data-kpi="since"] .value');
  if (since && drill.kpis.sinceFirstInjectSec !== null) {
    const first = live.simNow() - (drill.simTime - drill.kpis.sinceFirstInjectSec * 1000);
    since.textContent = duration(first / 1000);
  }
}

function kpiTile(key, name, value, target, status) {
  const tile = el('div', { class: 'kpi', 'data-kpi': key });
  if (status) tile.dataset.status = status;
  tile.append(el('div', { class: 'name', title: name }, name), el('div', { class: 'value' }, value));
  tile.append(el('div', { class: 'target' }, target ?? ''));
  return tile;
}

function renderKpis(drill) {
  const tiles = [kpiTile('since', t('kpiSinceStart'), duration(drill.kpis.sinceFirstInjectSec), '')];
  drill.criteria.filter((c) => c.measure === 'interval').slice(0, HEADLINE_CRITERIA).forEach((c) => {
    tiles.push(kpiTile(`criterion-${c.id}`, pick(c, 'name'), duration(c.value),
      `${t('target')} ≤ ${duration(c.target)} · ${t(`status_${c.status}`)}`, c.status));
  });
  tiles.push(kpiTile('open', t('kpiOpen'), String(drill.kpis.open), `${t('kpiDone')} ${drill.kpis.done}/${drill.kpis.tasks}`));
  const overdue = kpiTile('overdue', t('kpiOverdue'), String(drill.kpis.overdue), '');
  if (drill.kpis.overdue > 0) overdue.classList.add('alert');
  tiles.push(overdue);
  $('kpis').replaceChildren(...tiles);
}

function renderTeams(drill) {
  const rows = drill.teams.map((team) => {
    const row = el('div', { class: 'team-row', 'data-team': team.id });
    const track = el('div', { class: 'progress-track' });
    const fill = el('div', { class: 'progress-fill' });
    fill.style.width = `${Math.round(team.progress * 100)}%`;
    track.append(fill);
    row.append(el('span', { class: 'team-name' }, pick(team, 'name')), track,
      el('span', { class: 'percent' }, `${Math.round(team.progress * 100)}%`));
    const chips = el('div', { class: 'chips' });
    team.tasks.forEach((task) => {
      const label = `${pick(task, 'title')}`;
      const chip = el('span', {
        class: 'chip', 'data-task': task.id, 'data-state': task.state, 'data-overdue': String(task.overdue),
        title: `${label} — ${t(`task_${task.state}`)}${task.overdue ? ` · ${t('overdue')}` : ''}`,
      }, `${t(`task_${task.state}`)} · ${label}`);
      chips.append(chip);
    });
    row.append(chips);
    return row;
  });
  $('teams').replaceChildren(...rows);
}

function describeEvent(event, drill) {
  const payload = event.payload || {};
  const tasks = new Map();
  drill.teams.forEach((team) => team.tasks.forEach((task) => tasks.set(task.id, { task, team })));
  if (event.type === 'inject.fired') return payload.title || payload.injectId;
  if (event.type.startsWith('task.')) {
    const found = tasks.get(payload.taskId);
    return found ? `${pick(found.team, 'name')}:${pick(found.task, 'title')}` : payload.taskId;
  }
  if (event.type === 'drill.speed_changed') return `${payload.speed}×`;
  if (event.type === 'evaluation.rated') {
    const found = payload.target === 'task' ? tasks.get(payload.targetId) : null;
    const target = found ? pick(found.task, 'title') : payload.targetId;
    return `${target} · ${payload.rating}${payload.note ? ` — ${payload.note}` : ''}`;
  }
  if (event.type === 'evaluation.action') return `${payload.text} · ${payload.owner} · ${payload.due}`;
  if (event.type === 'drill.ended') return t(`end_${payload.reason}`);
  if (event.type.startsWith('drill.')) return payload.by || '';
  const text = payload.text ?? payload.title ?? payload.message;
  return typeof text === 'string' ? text : JSON.stringify(payload).slice(0, 160);
}

function renderTimeline(drill) {
  const items = live.timeline.slice(-80).reverse().map((event) => {
    const known = `ev_${event.type.replace(/\./g, '_')}`;
    const kind = t(known) === known ? `${t('external')} · ${event.type}` : t(known);
    const item = el('li', { 'data-type': event.type, 'data-seq': String(event.seq) });
    item.append(el('span', { class: 'when' }, event.sim.slice(0, 8)), el('span', { class: 'kind' }, kind),
      el('span', { class: 'what' }, describeEvent(event, drill)));
    return item;
  });
  $('timeline').replaceChildren(...items);
}

const axisStyle = {
  axisLine: { lineStyle: { color: '#2d3d61' } },
  axisLabel: { color: '#8a97b1' },
  splitLine: { lineStyle: { color: '#1c2740' } },
};

function renderLatency(drill) {
  latencyChart ??= echarts.init($('latency-chart'), null, { renderer: 'canvas' });
  const names = drill.teams.map((team) => pick(team, 'name'));
  const latency = drill.teams.map((team) => drill.latency[team.id]);
  const targets = drill.teams.map((team) => {
    const deadlines = team.tasks.filter((task) => task.triggeredAt !== null)
      .map((task) => (task.deadline - task.triggeredAt) / 60000);
    return deadlines.length ? Math.round(deadlines.reduce((a, b) => a + b, 0) / deadlines.length) : null;
  });
  latencyChart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { textStyle: { color: '#e6ecf5' }, top: 0 },
    grid: { left: 50, right: 20, top: 34, bottom: 40 },
    xAxis: { type: 'category', data: names, ...axisStyle },
    yAxis: { type: 'value', ...axisStyle },
    series: [
      { name: t('response'), type: 'bar', data: latency.map((l) => minutes(l.responseAvgSec)), itemStyle: { color: '#4fa3ff' } },
      { name: t('completion'), type: 'bar', data: latency.map((l) => minutes(l.completionAvgSec)), itemStyle: { color: '#35c28a' } },
      { name: t('deadline'), type: 'scatter', symbol: 'rect', symbolSize: [46, 3], data: targets, itemStyle: { color: '#f0605d' } },
    ],
  }, true);
}

/** A trailing moving average, so that per-platform trends read clearly over the per-minute bars. */
function smooth(values, window) {
  return values.map((_, i) => {
    const slice = values.slice(Math.max(0, i - window + 1), i + 1);
    return Math.round((slice.reduce((a, b) => a + b, 0) / slice.length) * 10) / 10;
  });
}

function renderOpinion(drill) {
  opinionChart ??= echarts.init($('opinion-chart'), null, { renderer: 'canvas' });
  const series = drill.opinion.series;
  const times = series.map((point) => hhmm(point.minute));
  const platforms = Object.keys(drill.opinion.byPlatform || {}).sort();
  // Team actions that bend the curve (the public statement first of all) are marked where they happened.
  const marks = [];
  drill.teams.forEach((team) => team.tasks.filter((task) => task.effect && task.doneAt !== null).forEach((task) => {
    marks.push({
      xAxis: hhmm(Math.floor(task.doneAt / 60000) * 60000),
      label: { formatter: pick(task, 'title').slice(0, 14), color: '#e6ecf5', position: 'insideEndTop', fontSize: 12 },
    });
  }));
  const peak = drill.opinion.peak;
  const sentimentSeries = ['negative', 'neutral', 'positive'].map((sentiment, index) => ({
    name: t(sentiment), type: 'bar', stack: 'sentiment', barCategoryGap: '0%',
    itemStyle: { color: SENTIMENT_COLORS[sentiment] },
    data: series.map((point) => point.bySentiment[sentiment] || 0),
    markLine: index === 0 ? {
      symbol: 'none', silent: true, lineStyle: { color: '#f5b342', type: 'dashed', width: 1.5 }, data: marks,
    } : undefined,
    markPoint: index === 0 && peak ? {
      symbol: 'pin', symbolSize: 44, itemStyle: { color: '#f5b342' },
      data: [{ name: t('peak'), coord: [hhmm(peak.minute), peak.count], value: peak.count }],
    } : undefined,
  }));
  const platformSeries = platforms.map((platform, index) => ({
    name: platform, type: 'line', showSymbol: false, smooth: true,
    lineStyle: { width: 2, color: PLATFORM_COLORS[index % PLATFORM_COLORS.length] },
    itemStyle: { color: PLATFORM_COLORS[index % PLATFORM_COLORS.length] },
    data: smooth(series.map((point) => point.byPlatform[platform] || 0), 10),
  }));
  opinionChart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { textStyle: { color: '#e6ecf5' }, top: 0 },
    grid: { left: 50, right: 20, top: 34, bottom: 40 },
    xAxis: { type: 'category', data: times, ...axisStyle },
    yAxis: { type: 'value', ...axisStyle },
    series: [...sentimentSeries, ...platformSeries],
  }, true);
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

function follow(drillId, jwt, replay) {
  if (replay) {
    document.body.classList.add('replaying');
    $('replay-speed').value = String(REPLAY_SPEEDS.includes(replay.speed) ? replay.speed : DEFAULT_REPLAY_SPEED);
    wireReplayControls();
  }
  live = new LiveDrill(drillId, jwt, () => queueRender(), (status) => setStatus(status), { replay }).start();
  setInterval(() => live.drill && renderClock(), 250);
  window.addEventListener('resize', () => {
    latencyChart?.resize();
    opinionChart?.resize();
  });
}

function main() {
  translate();
  languageButton($('lang'));
  onLanguageChange(() => {
    setStatus($('status').dataset.status);
    render();
  });
  const jwt = token();
  if (!jwt) {
    showMessage(t('noToken'));
    return;
  }
  const params = new URL(window.location.href).searchParams;
  const drillId = params.get('drill');
  if (drillId) follow(drillId, jwt, replayOptions(params)); else showPicker();
}

main();

// The evaluators' page: a drill's criteria and its response and completion times per team and per task, live.
// Scoring and notes come later. Text from the server is always set as text, never as HTML.

import { api, claims, describe, token } from './api.js';
import { clock, duration, hhmm, minutes } from './format.js';
import { languageButton, onLanguageChange, pick, t, translate } from './i18n.js';
import { LiveDrill } from './live.js';

const ROLE_KEYS = {
  director: 'roleDirector', team: 'roleTeam', evaluator: 'roleEvaluator', observer: 'roleObserver', injector: 'roleInjector',
};

const $ = (id) => document.getElementById(id);
let jwt = null;
let live = null;
let renderQueued = false;

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Wall time as MM-DD HH:MM, for lists of drills. */
function when(epochMs) {
  const d = new Date(epochMs);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function format(key, ...values) {
  return values.reduce((text, value, i) => text.replace(`{${i}}`, value), t(key));
}

function showMessage(text) {
  $('message').textContent = text;
  $('message').hidden = false;
}

function setStatus(status) {
  const badge = $('status');
  badge.dataset.status = status;
  badge.textContent = t(status);
}

function row(cells) {
  const tr = el('tr');
  cells.forEach((cell) => tr.append(cell));
  return tr;
}

function td(text, className) {
  return el('td', className ? { class: className } : {}, text ?? '—');
}

async function showPicker() {
  $('picker').hidden = false;
  const list = $('drill-list');
  try {
    const { drills } = await api('GET', '/drills');
    list.replaceChildren();
    if (drills.length === 0) list.append(el('li', { class: 'empty' }, t('noDrills')));
    for (const drill of [...drills].reverse()) {
      const link = el('a', { href: `?drill=${encodeURIComponent(drill.id)}` });
      link.append(el('span', { class: 'drill-title' }, pick(drill, 'title')),
        el('span', { class: 'state-badge', 'data-state': drill.state }, t(`state_${drill.state}`)),
        el('span', { class: 'drill-meta muted' }, `${when(drill.createdAt)} · ${drill.speed}×`),
        el('span', { class: 'mono muted' }, drill.id));
      const item = el('li', { 'data-drill': drill.id });
      item.append(link);
      list.append(item);
    }
  } catch (error) {
    showMessage(describe(error));
  }
}

function queueRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

function render() {
  const drill = live?.drill;
  if (!drill) return;
  for (const id of ['summary', 'criteria-panel', 'latency-panel', 'scoring-panel']) $(id).hidden = false;
  $('title').textContent = pick(drill, 'title');
  document.title = `${t('pageEvaluate')} · ${pick(drill, 'title')}`;
  renderCounts(drill);
  renderCriteria(drill);
  renderTeamLatency(drill);
  renderTaskLatency(drill);
  renderClock();
}

function renderClock() {
  const drill = live?.drill;
  if (!drill) return;
  const now = live.simNow();
  $('sim-clock').textContent = clock(now);
  const state = $('drill-state');
  state.dataset.state = drill.state;
  state.textContent = t(`state_${drill.state}`);
  $('speed').textContent = drill.speed;
  // A running interval keeps counting between frames, from the value the last frame measured.
  document.querySelectorAll('#criteria [data-elapsed]').forEach((cell) => {
    const elapsed = Number(cell.dataset.elapsed) + (now - Number(cell.dataset.measuredAt)) / 1000;
    cell.textContent = duration(elapsed);
  });
}

function renderCounts(drill) {
  const by = (status) => drill.criteria.filter((c) => c.status === status).length;
  const tiles = [
    ['met', t('status_met'), by('met')],
    ['missed', t('status_missed'), by('missed')],
    ['open', t('status_running'), by('running') + by('pending')],
    ['done', t('kpiDone'), `${drill.kpis.done}/${drill.kpis.tasks}`],
    // Every task marked overdue, finished since or not, as in the tables below.
    ['overdue', t('kpiOverdue'), drill.teams.reduce((n, team) => n + team.tasks.filter((task) => task.overdue).length, 0)],
  ].map(([key, name, value]) => {
    const tile = el('div', { class: 'count', 'data-count': key });
    tile.append(el('div', { class: 'value' }, String(value)), el('div', { class: 'name' }, name));
    return tile;
  });
  $('counts').replaceChildren(...tiles);
}

/** The value and target of a criterion as text; interval values that still run are marked to keep counting. */
function criterionFigures(criterion) {
  const { measure, value, target } = criterion;
  if (measure === 'interval') {
    return { value: duration(value), target: target === null ? '—' : `≤ ${duration(target)}` };
  }
  if (measure === 'before-peak') {
    if (value === null) return { value: '—', target: t('measure_before-peak') };
    return {
      value: value > 0 ? format('beforePeak', duration(value)) : format('afterPeak', duration(-value)),
      target: t('measure_before-peak'),
    };
  }
  if (measure === 'tasks-on-time') {
    // This measure's value is a count of late tasks (unit "tasks"), not a duration.
    const late = value === null ? null : Math.round(value);
    return { value: late === null ? '—' : late === 0 ? t('noLateTasks') : format('lateTasks', late), target: t('noLateTasks') };
  }
  return { value: value === null ? '—' : String(value), target: target === null ? '—' : String(target) };
}

function renderCriteria(drill) {
  // Rows are kept and updated in place, so that a selection or a pointer on them survives the live updates.
  const tbody = $('criteria');
  const existing = new Map([...tbody.children].map((tr) => [tr.dataset.criterion, tr]));
  const rows = drill.criteria.map((criterion) => {
    const tr = existing.get(criterion.id) ?? createCriterionRow(criterion.id);
    updateCriterionRow(tr, criterion, drill);
    return tr;
  });
  const same = rows.length === tbody.children.length && rows.every((tr, i) => tbody.children[i] === tr);
  if (!same) tbody.replaceChildren(...rows);
}

function createCriterionRow(id) {
  const tr = el('tr', { 'data-criterion': id });
  const name = el('td', { class: 'criterion-name' });
  name.append(el('div'), el('div', { class: 'mono muted' }, id));
  const status = el('td');
  status.append(el('span', { class: 'pill' }));
  tr.append(name, el('td'), el('td', { class: 'num-text' }), el('td'), status, el('td', { class: 'center met' }));
  return tr;
}

function updateCriterionRow(tr, criterion, drill) {
  const figures = criterionFigures(criterion);
  const [name, measure, value, target, status, met] = tr.children;
  tr.dataset.status = criterion.status;
  name.firstChild.textContent = pick(criterion, 'name');
  const measureName = t(`measure_${criterion.measure}`);
  measure.textContent = measureName === `measure_${criterion.measure}` ? criterion.measure : measureName;
  value.textContent = figures.value;
  if (criterion.measure === 'interval' && criterion.status === 'running' && criterion.value !== null
      && drill.state === 'running') {
    value.dataset.elapsed = String(criterion.value);
    value.dataset.measuredAt = String(drill.simTime);
  } else {
    delete value.dataset.elapsed;
    delete value.dataset.measuredAt;
  }
  target.textContent = figures.target;
  status.firstChild.dataset.status = criterion.status;
  status.firstChild.textContent = t(`status_${criterion.status}`);
  met.textContent = criterion.met === null ? '—' : criterion.met ? `✓ ${t('yes')}` : `✗ ${t('no')}`;
  met.dataset.met = String(criterion.met);
}

function renderTeamLatency(drill) {
  $('team-latency').replaceChildren(...drill.teams.map((team) => {
    const l = drill.latency[team.id];
    const tr = row([
      td(pick(team, 'name'), 'team-name'),
      td(`${l.triggered}/${l.tasks}`, 'num'), td(String(l.acknowledged), 'num'), td(String(l.done), 'num'),
      td(String(l.overdue), l.overdue > 0 ? 'num late' : 'num'),
      td(minutes(l.responseAvgSec), 'num'), td(minutes(l.responseMaxSec), 'num'),
      td(minutes(l.completionAvgSec), 'num'), td(minutes(l.completionMaxSec), 'num'),
    ]);
    tr.dataset.team = team.id;
    return tr;
  }));
}

function renderTaskLatency(drill) {
  const rows = [];
  drill.teams.forEach((team) => team.tasks.forEach((task, index) => {
    const cells = [];
    if (index === 0) {
      const name = el('th', { class: 'team-name', scope: 'rowgroup', rowspan: String(team.tasks.length) }, pick(team, 'name'));
      cells.push(name);
    }
    const title = el('td', { class: 'task-title' }, pick(task, 'title'));
    title.title = pick(task, 'title');
    const state = el('td');
    state.append(el('span', { class: 'chip state-chip', 'data-state': task.state }, t(`task_${task.state}`)));
    const allowed = task.triggeredAt !== null && task.deadline !== null ? (task.deadline - task.triggeredAt) / 1000 : null;
    const late = (sec) => (sec !== null && allowed !== null && sec > allowed ? 'num late' : 'num');
    const overdue = td(task.overdue ? t('overdue') : task.state === 'done' ? t('onTime') : '—',
      task.overdue ? 'center late' : 'center');
    cells.push(title, state, td(hhmm(task.triggeredAt), 'time-col'),
      td(task.deadline === null ? '—' : `${hhmm(task.deadline)}${allowed !== null ? ` (${duration(allowed)})` : ''}`, 'time-col'),
      td(minutes(task.responseLatencySec), 'num'), td(minutes(task.completionLatencySec), late(task.completionLatencySec)),
      overdue);
    const tr = row(cells);
    tr.dataset.task = task.id;
    tr.dataset.state = task.state;
    tr.dataset.overdue = String(task.overdue);
    if (index === 0) tr.classList.add('group-start');
    rows.push(tr);
  }));
  $('task-latency').replaceChildren(...rows);
}

async function follow(drillId) {
  try {
    // Read it once over HTTP first: an unknown drill or a refused token is a message, not a silent reconnect loop.
    await api('GET', `/drills/${encodeURIComponent(drillId)}`);
    live = new LiveDrill(drillId, jwt, () => queueRender(), (status) => setStatus(status)).start();
    setInterval(() => live.drill && renderClock(), 250);
  } catch (error) {
    showMessage(describe(error));
    if (error.status === 404) showPicker();
  }
}

function showWho() {
  const who = claims(jwt);
  const role = ROLE_KEYS[who.role] ? t(ROLE_KEYS[who.role]) : who.role || '';
  $('who').textContent = [role, who.sub].filter(Boolean).join(' · ');
}

function main() {
  translate();
  languageButton($('lang'));
  onLanguageChange(() => {
    setStatus($('status').dataset.status);
    if (jwt) showWho();
    render();
  });
  $('message').addEventListener('click', () => { $('message').hidden = true; });
  jwt = token();
  if (!jwt) {
    showMessage(t('noToken'));
    return;
  }
  showWho();
  const drillId = new URL(window.location.href).searchParams.get('drill');
  if (drillId) follow(drillId); else showPicker();
}

main();

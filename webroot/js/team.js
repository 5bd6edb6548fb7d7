// The team desk: one team's tasks in one drill, live, with the buttons that move them one step at a time.
// The team is the token's "team" claim; a director (or a reader) chooses one. Every refusal of the API is shown in
// #message. Text from the server is always set as text, never as HTML.

import { api, claims, describe, token } from './api.js';
import { duration, hhmm, minutes } from './format.js';
import { languageButton, onLanguageChange, pick, t, translate, format } from './i18n.js';
import { showDrillPicker, showClock, followDrill, showIdentity } from './pages.js';
import { $, el, when, showMessage, clearMessage, onNextFrame, refreshStatus } from './dom.js';

const queueRender = onNextFrame(() => render());

/** Each step: the state it starts from, the API verb, and its label. */
const STEPS = [
  { action: 'ack', from: 'pending', label: 'ack' },
  { action: 'start', from: 'acknowledged', label: 'startTask' },
  { action: 'done', from: 'in_progress', label: 'done' },
];
let jwt = null;
let who = {};
let live = null;
let teamId = null;
let teamChosen = false;
let scenarioInjects = new Map();
const busy = new Set();

function param(name) {
  return new URL(window.location.href).searchParams.get(name);
}

// --- Without a drill: the picker -----------------------------------------------------------------------------

// --- The team ------------------------------------------------------------------------------------------------

/** Team tokens act for their own team; directors act for any; other roles only look. */
function mayAct() {
  return who.role === 'director' || (who.role === 'team' && who.team === teamId);
}

function chooseTeam(drill) {
  const teams = drill.teams;
  if (who.role === 'team') {
    teamId = who.team || null;
    if (!teamId) showMessage(t('noTeam'));
    else if (!teams.some((team) => team.id === teamId)) showMessage(format('unknownTeam', teamId));
    return;
  }
  const wanted = teamId ?? param('team');
  teamId = teams.some((team) => team.id === wanted) ? wanted : teams[0]?.id ?? null;
}

function renderTeamChoice(drill) {
  const canChoose = who.role !== 'team';
  $('team-choice').hidden = !canChoose;
  if (!canChoose) return;
  const select = $('team-select');
  select.replaceChildren(...drill.teams.map((team) => el('option', { value: team.id }, pick(team, 'name'))));
  if (teamId) select.value = teamId;
}

function selectTeam(id) {
  teamId = id;
  const url = new URL(window.location.href);
  url.searchParams.set('team', id);
  window.history.replaceState(null, '', url.pathname + url.search);
  $('tasks').replaceChildren();
  render();
}

// --- Live rendering ------------------------------------------------------------------------------------------

function currentTeam() {
  return live?.drill?.teams.find((team) => team.id === teamId) ?? null;
}

function render() {
  const drill = live?.drill;
  if (!drill) return;
  if (!teamChosen) {
    teamChosen = true;
    chooseTeam(drill);
    renderTeamChoice(drill);
  }
  const team = currentTeam();
  $('summary').hidden = false;
  $('briefing-panel').hidden = false;
  $('tasks-panel').hidden = !team;
  $('title').textContent = pick(drill, 'title');
  $('team-name').textContent = team ? pick(team, 'name') : '';
  document.title = `${team ? pick(team, 'name') : t('pageTeam')} · Drillboard`;
  $('run-hint').hidden = drill.state === 'running' || !mayAct();
  $('read-only').hidden = mayAct() || !team;
  renderClock();
  if (team) {
    renderCounts(team);
    renderTasks(drill, team);
  }
  renderBriefing(drill);
}

function renderClock() {
  const drill = live?.drill;
  if (!drill) return;
  const now = showClock(live);
  $('speed').textContent = drill.speed;
  document.querySelectorAll('#tasks [data-deadline]').forEach((cell) => {
    const deadline = Number(cell.dataset.deadline);
    const left = (deadline - now) / 1000;
    cell.textContent = left >= 0 ? format('timeLeft', duration(left)) : format('timeOver', duration(-left));
    cell.classList.toggle('late', left < 0);
  });
}

function renderCounts(team) {
  const count = (test) => team.tasks.filter(test).length;
  const tiles = [
    ['pending', t('task_pending'), count((task) => task.state === 'pending')],
    ['working', t('task_in_progress'), count((task) => task.state === 'acknowledged' || task.state === 'in_progress')],
    ['done', t('task_done'), `${count((task) => task.state === 'done')}/${team.tasks.length}`],
    ['overdue', t('overdue'), count((task) => task.overdue && task.state !== 'done')],
  ].map(([key, name, value]) => {
    const tile = el('div', { class: 'count', 'data-count': key });
    if (key === 'overdue' && value > 0) tile.classList.add('alert');
    tile.append(el('div', { class: 'value' }, String(value)), el('div', { class: 'name' }, name));
    return tile;
  });
  $('counts').replaceChildren(...tiles);
}

function renderTasks(drill, team) {
  const tbody = $('tasks');
  $('no-tasks').hidden = team.tasks.length > 0;
  const existing = new Map([...tbody.children].map((row) => [row.dataset.task, row]));
  const rows = team.tasks.map((task) => {
    const row = existing.get(task.id) ?? createTaskRow(task);
    updateTaskRow(row, task, drill);
    return row;
  });
  const same = rows.length === tbody.children.length && rows.every((row, i) => tbody.children[i] === row);
  if (!same) tbody.replaceChildren(...rows);
  renderClock();
}

function createTaskRow(task) {
  const row = el('tr', { 'data-task': task.id });
  const title = el('td', { class: 'task-title' });
  title.append(el('div', { class: 'title-text' }), el('div', { class: 'task-meta muted' }));
  const state = el('td', { class: 'state-col' });
  state.append(el('span', { class: 'chip state-chip' }), el('span', { class: 'chip overdue-chip' }));
  const deadline = el('td', { class: 'time-col' });
  deadline.append(el('div', { class: 'deadline-time' }), el('div', { class: 'deadline-left muted' }));
  const actions = el('td', { class: 'action' });
  const group = el('div', { class: 'steps' });
  for (const step of STEPS) {
    const button = el('button', { type: 'button', 'data-action': step.action });
    button.addEventListener('click', () => move(task.id, step.action));
    group.append(button);
  }
  actions.append(group);
  const times = el('td', { class: 'times' });
  for (const kind of ['response', 'completion']) {
    const line = el('div', { class: `latency ${kind}` });
    line.append(el('span', { class: 'muted' }), el('span', { class: 'minutes' }));
    times.append(line);
  }
  row.append(title, state, deadline, times, actions);
  return row;
}

function updateTaskRow(row, task, drill) {
  row.dataset.state = task.state;
  row.dataset.overdue = String(task.overdue);
  row.classList.toggle('critical', task.critical);
  const [title, state, deadline, times, actions] = row.children;
  title.firstChild.textContent = pick(task, 'title');
  const meta = [];
  if (task.critical) meta.push(t('critical'));
  if (task.triggeredAt !== null) meta.push(`${t('triggeredAt')} ${hhmm(task.triggeredAt)}`);
  title.lastChild.textContent = meta.join(' · ');
  const [stateChip, overdueChip] = state.children;
  stateChip.dataset.state = task.state;
  stateChip.textContent = t(`task_${task.state}`);
  overdueChip.textContent = t('overdue');
  overdueChip.hidden = !task.overdue;
  const [time, left] = deadline.children;
  time.textContent = task.deadline === null ? '—' : hhmm(task.deadline);
  if (task.deadline !== null && task.state !== 'done') {
    left.dataset.deadline = String(task.deadline);
  } else {
    delete left.dataset.deadline;
    left.classList.remove('late');
    left.textContent = task.state === 'done' && task.doneAt !== null ? `${t('done')} ${hhmm(task.doneAt)}` : '';
  }
  const [response, completion] = times.children;
  response.firstChild.textContent = t('response');
  response.lastChild.textContent = minutes(task.responseLatencySec) ?? '—';
  completion.firstChild.textContent = t('completion');
  completion.lastChild.textContent = minutes(task.completionLatencySec) ?? '—';
  const running = drill.state === 'running';
  for (const button of actions.querySelectorAll('button')) {
    const step = STEPS.find((s) => s.action === button.dataset.action);
    button.textContent = t(step.label);
    button.classList.toggle('primary', task.state === step.from);
    button.disabled = !(running && mayAct() && task.state === step.from) || busy.has(task.id);
  }
}

async function move(taskId, action) {
  if (busy.has(taskId)) return;
  busy.add(taskId);
  clearMessage();
  render();
  try {
    await api('POST', `/drills/${live.drillId}/tasks/${encodeURIComponent(taskId)}/${action}`);
  } catch (error) {
    showMessage(describe(error));
  } finally {
    busy.delete(taskId);
    render();
  }
}

function renderBriefing(drill) {
  const fired = live.timeline.filter((event) => event.type === 'inject.fired').reverse();
  $('no-briefing').hidden = fired.length > 0;
  const known = new Map(drill.injects.map((inject) => [inject.id, inject]));
  $('briefing').replaceChildren(...fired.map((event) => {
    const payload = event.payload || {};
    const script = scenarioInjects.get(payload.injectId) ?? known.get(payload.injectId) ?? {};
    const item = el('li', { 'data-inject': payload.injectId ?? '', 'data-channel': payload.channel ?? '' });
    const head = el('div', { class: 'briefing-head' });
    const channel = t(`channel_${payload.channel}`);
    head.append(el('span', { class: 'when' }, event.sim.slice(0, 5)),
      el('span', { class: 'tag' }, channel === `channel_${payload.channel}` ? payload.channel ?? '' : channel));
    if (payload.adHoc) head.append(el('span', { class: 'tag adhoc' }, t('adHoc')));
    const title = script.title ? pick(script, 'title') : payload.title;
    const text = script.text ? pick(script, 'text') : payload.text;
    item.append(head, el('div', { class: 'briefing-title' }, title ?? ''));
    if (text) item.append(el('p', { class: 'briefing-text' }, text));
    return item;
  }));
}

async function loadScenario(scenarioId) {
  try {
    const scenario = await api('GET', `/scenarios/${encodeURIComponent(scenarioId)}`);
    scenarioInjects = new Map((scenario.injects || []).map((inject) => [inject.id, inject]));
    queueRender();
  } catch (error) {
    showMessage(describe(error));
  }
}

async function follow(drillId) {
  live = await followDrill(drillId, jwt, {
    loaded: (drill) => loadScenario(drill.scenarioId), changed: () => queueRender(), tick: renderClock,
  });
}

function showWho() {
  showIdentity(who);
}

function main() {
  translate();
  languageButton($('lang'));
  onLanguageChange(() => {
    refreshStatus();
    showWho();
    if (live?.drill) renderTeamChoice(live.drill);
    render();
  });
  $('message').addEventListener('click', clearMessage);
  $('team-select').addEventListener('change', (event) => selectTeam(event.target.value));
  jwt = token();
  if (!jwt) {
    showMessage(t('noToken'));
    return;
  }
  who = claims(jwt);
  showWho();
  const drillId = param('drill');
  if (drillId) follow(drillId); else showDrillPicker();
}

main();

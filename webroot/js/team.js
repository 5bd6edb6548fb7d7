// The team desk: one team's tasks in one drill, live, with the buttons that move them one step at a time, on a desk
// or a phone. The team is the token's "team" claim; a director (or a reader) chooses one. Done asks first, and takes
// an optional note or evidence; a task that arrives while the page is open is highlighted (and chimes, if the member
// switched the sound on); tasks the autopilot plays are marked and their buttons are off. Every refusal of the API is
// shown in #message. Text from the server is always set as text, never as HTML.

import { api, claims, describe, token } from './api.js';
import { hhmm } from './format.js';
import { addWords, languageButton, onLanguageChange, pick, t, translate, format } from './i18n.js';
import { showDrillPicker, showClock, followDrill, showIdentity } from './pages.js';
import { $, el, when, showMessage, clearMessage, onNextFrame, refreshStatus } from './dom.js';

addWords({
  zh: {
    timeTaken: '用时', spanHours: '{0} 小时 {1} 分', spanMinutes: '{0} 分钟', spanSeconds: '{0} 秒',
    confirmDone: '确认完成', cancel: '取消', doneQuestion: '确认此任务已完成？完成后不能撤回。',
    noteLabel: '备注或证据（可选），如发布的声明全文', noteCount: '{0}/{1}', doneNote: '备注',
    newTask: '新任务', soundOn: '新任务提示音：开', soundOff: '新任务提示音：关',
    autopilotTask: '自动驾驶', autopilotTasksHint: '本演练开启了自动驾驶：标有“自动驾驶”的任务按脚本时间自动推进，其按钮已关闭。',
  },
  en: {
    timeTaken: 'Time taken', spanHours: '{0} h {1} min', spanMinutes: '{0} min', spanSeconds: '{0} s',
    confirmDone: 'Confirm done', cancel: 'Cancel', doneQuestion: 'Is this task done? This cannot be undone.',
    noteLabel: 'Note or evidence (optional), e.g. the text of the statement issued', noteCount: '{0}/{1}',
    doneNote: 'Note', newTask: 'New', soundOn: 'New-task sound: on', soundOff: 'New-task sound: off',
    autopilotTask: 'Autopilot',
    autopilotTasksHint: 'This drill runs on autopilot: the tasks marked "Autopilot" move at their scripted times, and their buttons are off.',
  },
});

const queueRender = onNextFrame(() => render());
/** The server takes at most 2000 characters; the browser counts UTF-16 units, which is never fewer. */
const MAX_NOTE = 2000;
const SOUND_KEY = 'drillboard.team.sound';

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
/** Ids of the tasks with a script, which the autopilot plays in an autopilot drill; null until the scenario is read. */
let scriptedTasks = null;
const busy = new Set();
/** The task whose done is being confirmed, or null. */
let confirming = null;
/** Each task's state at the last frame (all teams), to tell a task that has just arrived. */
let lastStates = null;
/** Tasks that arrived while the page was open and are still pending. */
const fresh = new Set();
let soundOn = localStorage.getItem(SOUND_KEY) === 'on';
let audio = null;

/** Seconds as hours and minutes ("1 h 05 min", "12 min"), or seconds under a minute, in the page's language. */
function span(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const whole = Math.round(Math.abs(seconds));
  const hours = Math.floor(whole / 3600);
  const mins = Math.floor((whole % 3600) / 60);
  if (hours > 0) return format('spanHours', hours, String(mins).padStart(2, '0'));
  if (mins > 0) return format('spanMinutes', mins);
  return format('spanSeconds', whole);
}

function param(name) {
  return new URL(window.location.href).searchParams.get(name);
}

// --- Without a drill: the picker -----------------------------------------------------------------------------

// --- The team ------------------------------------------------------------------------------------------------

/** Team tokens act for their own team; directors act for any; other roles only look. */
function mayAct() {
  return who.role === 'director' || (who.role === 'team' && who.team === teamId);
}

/** In an autopilot drill the autopilot plays every task with a script (all of them until the scenario is read). */
function autopilotPlays(drill, task) {
  return drill.autopilot && (scriptedTasks === null || scriptedTasks.has(task.id));
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
  confirming = null;
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
  $('run-hint').hidden = drill.actions.includes('task') || !mayAct();
  $('read-only').hidden = mayAct() || !team;
  $('autopilot-hint').hidden = !team || !team.tasks.some((task) => autopilotPlays(drill, task));
  renderSound();
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
    cell.textContent = left >= 0 ? format('timeLeft', span(left)) : format('timeOver', span(-left));
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
  const existing = new Map([...tbody.querySelectorAll('tr[data-task]')].map((row) => [row.dataset.task, row]));
  const confirmRow = tbody.querySelector('tr.confirm-row');
  if (confirming !== null && team.tasks.find((task) => task.id === confirming)?.state !== 'in_progress') {
    confirming = null;
  }
  const rows = team.tasks.flatMap((task) => {
    const row = existing.get(task.id) ?? createTaskRow(task);
    updateTaskRow(row, task, drill);
    if (task.id !== confirming) return [row];
    const confirm = confirmRow?.dataset.confirm === task.id ? confirmRow : createConfirmRow(task);
    updateConfirmRow(confirm);
    return [row, confirm];
  });
  const same = rows.length === tbody.children.length && rows.every((row, i) => tbody.children[i] === row);
  if (!same) tbody.replaceChildren(...rows);
  renderClock();
}

function createTaskRow(task) {
  const row = el('tr', { 'data-task': task.id });
  const title = el('td', { class: 'task-title' });
  const marks = el('div', { class: 'task-marks' });
  marks.append(el('span', { class: 'tag new-tag' }), el('span', { class: 'tag autopilot-tag' }));
  const note = el('div', { class: 'done-note' });
  note.append(el('span', { class: 'done-note-label' }), el('span', { class: 'done-note-text' }));
  title.append(el('div', { class: 'title-text' }), marks, el('div', { class: 'task-meta muted' }), note);
  const state = el('td', { class: 'state-col' });
  state.append(el('span', { class: 'chip state-chip' }), el('span', { class: 'chip overdue-chip' }));
  const deadline = el('td', { class: 'time-col' });
  deadline.append(el('div', { class: 'deadline-time' }), el('div', { class: 'deadline-left muted' }));
  const actions = el('td', { class: 'action' });
  const group = el('div', { class: 'steps' });
  for (const step of STEPS) {
    const button = el('button', { type: 'button', 'data-action': step.action });
    button.addEventListener('click', () => (step.action === 'done' ? askDone(task.id) : move(task.id, step.action)));
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
  const byAutopilot = autopilotPlays(drill, task);
  row.dataset.state = task.state;
  row.dataset.overdue = String(task.overdue);
  row.dataset.autopilot = String(byAutopilot);
  row.classList.toggle('critical', task.critical);
  row.classList.toggle('fresh', fresh.has(task.id));
  const [title, state, deadline, times, actions] = row.children;
  const [titleText, marks, metaLine, note] = title.children;
  titleText.textContent = pick(task, 'title');
  const [newTag, autopilotTag] = marks.children;
  newTag.textContent = t('newTask');
  newTag.hidden = !fresh.has(task.id);
  autopilotTag.textContent = t('autopilotTask');
  autopilotTag.hidden = !byAutopilot;
  marks.hidden = newTag.hidden && autopilotTag.hidden;
  const meta = [];
  if (task.critical) meta.push(t('critical'));
  if (task.triggeredAt !== null) meta.push(`${t('triggeredAt')} ${hhmm(task.triggeredAt)}`);
  metaLine.textContent = meta.join(' · ');
  note.hidden = !task.note;
  note.firstChild.textContent = t('doneNote');
  note.lastChild.textContent = task.note ?? '';
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
  response.lastChild.textContent = span(task.responseLatencySec);
  completion.firstChild.textContent = t('completion');
  completion.lastChild.textContent = span(task.completionLatencySec);
  const mayMove = drill.actions.includes('task') && mayAct() && !byAutopilot && !busy.has(task.id);
  for (const button of actions.querySelectorAll('button')) {
    const step = STEPS.find((s) => s.action === button.dataset.action);
    button.textContent = t(step.label);
    button.classList.toggle('primary', task.state === step.from && !byAutopilot);
    button.disabled = !(mayMove && task.state === step.from) || confirming === task.id;
  }
}

/** The question under a task whose done was asked for: an optional note, then confirm or cancel. */
function createConfirmRow(task) {
  const row = el('tr', { class: 'confirm-row', 'data-confirm': task.id });
  const cell = el('td', { colspan: '5' });
  const form = el('form', { class: 'confirm-done' });
  const noteId = `note-${task.id}`;
  const label = el('label', { for: noteId, class: 'note-label' });
  const note = el('textarea', { id: noteId, class: 'note-input', rows: '4', maxlength: String(MAX_NOTE) });
  const count = el('span', { class: 'note-count muted' });
  note.addEventListener('input', () => updateConfirmRow(row));
  const buttons = el('div', { class: 'confirm-buttons' });
  const yes = el('button', { type: 'submit', class: 'primary', 'data-action': 'confirm-done' });
  const no = el('button', { type: 'button', 'data-action': 'cancel-done' });
  no.addEventListener('click', cancelDone);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    move(task.id, 'done', note.value.trim());
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancelDone();
  });
  buttons.append(yes, no);
  form.append(el('p', { class: 'confirm-question' }), label, note, count, buttons);
  cell.append(form);
  row.append(cell);
  return row;
}

function updateConfirmRow(row) {
  const note = row.querySelector('.note-input');
  row.querySelector('.confirm-question').textContent = t('doneQuestion');
  row.querySelector('.note-label').textContent = t('noteLabel');
  row.querySelector('.note-count').textContent = format('noteCount', note.value.length, MAX_NOTE);
  const yes = row.querySelector('[data-action=confirm-done]');
  yes.textContent = t('confirmDone');
  yes.disabled = busy.has(row.dataset.confirm);
  row.querySelector('[data-action=cancel-done]').textContent = t('cancel');
}

function askDone(taskId) {
  confirming = taskId;
  clearMessage();
  render();
  document.querySelector(`tr[data-confirm="${CSS.escape(taskId)}"] .note-input`)?.focus();
}

function cancelDone() {
  const asked = confirming;
  confirming = null;
  render();
  document.querySelector(`tr[data-task="${CSS.escape(asked)}"] [data-action=done]`)?.focus();
}

/** Moves a task one step; done carries the note when there is one. The confirmation stays open if it is refused. */
async function move(taskId, action, note = '') {
  if (busy.has(taskId)) return;
  busy.add(taskId);
  clearMessage();
  render();
  try {
    await api('POST', `/drills/${live.drillId}/tasks/${encodeURIComponent(taskId)}/${action}`,
      note ? { note } : undefined);
    if (action === 'done') confirming = null;
  } catch (error) {
    showMessage(describe(error));
  } finally {
    busy.delete(taskId);
    render();
  }
}

// --- New tasks: highlight and chime ----------------------------------------------------------------------------

/**
 * Marks the tasks that became pending since the last frame (not those already pending when the page opened), and
 * chimes once if one of them is this team's. A task stays marked until it leaves pending.
 */
function noticeArrivals(drill) {
  const states = new Map(drill.teams.flatMap((team) => team.tasks.map((task) => [task.id, task.state])));
  let arrived = false;
  for (const [id, state] of states) {
    if (state !== 'pending') fresh.delete(id);
    else if (lastStates !== null && lastStates.get(id) !== 'pending' && !fresh.has(id)) {
      fresh.add(id);
      arrived ||= currentTeam()?.tasks.some((task) => task.id === id) ?? false;
    }
  }
  lastStates = states;
  if (arrived && soundOn) chime();
}

/** Two short rising tones from the Web Audio API: no sound file to load. */
function chime() {
  if (typeof AudioContext !== 'function') return; // a browser without Web Audio keeps the highlight alone
  audio ??= new AudioContext();
  if (audio.state === 'suspended') audio.resume();
  const start = audio.currentTime + 0.02;
  [880, 1320].forEach((frequency, i) => {
    const at = start + i * 0.18;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.18);
  });
}

function renderSound() {
  const button = $('sound');
  button.setAttribute('aria-pressed', String(soundOn));
  button.textContent = t(soundOn ? 'soundOn' : 'soundOff');
}

/** The member's choice is kept in this browser; switching on plays the chime once, so they know what to listen for. */
function toggleSound() {
  soundOn = !soundOn;
  localStorage.setItem(SOUND_KEY, soundOn ? 'on' : 'off');
  renderSound();
  if (soundOn) chime();
}

/** The director's message to every team, in the briefing with the injects, marked as such. */
function broadcastItem(event) {
  const item = el('li', { class: 'broadcast', 'data-seq': String(event.seq) });
  const head = el('div', { class: 'briefing-head' });
  head.append(el('span', { class: 'when' }, hhmm(event.simTime)), el('span', { class: 'tag broadcast' }, t('broadcastTag')));
  item.append(head, el('p', { class: 'briefing-text' }, event.payload?.text ?? ''));
  return item;
}

function renderBriefing(drill) {
  const fired = live.timeline.filter((event) => event.type === 'inject.fired' || event.type === 'drill.broadcast')
    .reverse();
  $('no-briefing').hidden = fired.length > 0;
  const known = new Map(drill.injects.map((inject) => [inject.id, inject]));
  $('briefing').replaceChildren(...fired.map((event) => {
    if (event.type === 'drill.broadcast') return broadcastItem(event);
    const payload = event.payload || {};
    const script = scenarioInjects.get(payload.injectId) ?? known.get(payload.injectId) ?? {};
    const item = el('li', { 'data-inject': payload.injectId ?? '', 'data-channel': payload.channel ?? '' });
    const head = el('div', { class: 'briefing-head' });
    const channel = t(`channel_${payload.channel}`);
    head.append(el('span', { class: 'when' }, hhmm(event.simTime)),
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
    scriptedTasks = new Set((scenario.teams || []).flatMap((team) => team.tasks || [])
      .filter((task) => task.script).map((task) => task.id));
    queueRender();
  } catch (error) {
    showMessage(describe(error));
  }
}

async function follow(drillId) {
  live = await followDrill(drillId, jwt, {
    loaded: (drill) => loadScenario(drill.scenarioId),
    // Arrivals are noticed frame by frame, not at the next paint, so a phone with the page in the background chimes.
    changed: (drill) => {
      noticeArrivals(drill);
      queueRender();
    },
    tick: renderClock,
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
  $('sound').addEventListener('click', toggleSound);
  // A remembered "on" needs a gesture before the browser lets a page make sound: the first touch unlocks it.
  document.addEventListener('pointerdown', () => {
    if (soundOn && audio === null) audio = new AudioContext();
    else audio?.resume();
  }, { once: true });
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

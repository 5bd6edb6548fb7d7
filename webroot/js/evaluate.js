// The evaluators' page: a drill's criteria (with their evidence) and its response and completion times per team and
// per task, live; and the evaluation itself: HSEEP ratings of objectives and critical tasks, notes pinned to moments,
// lessons learned and corrective actions, during the drill or after it; with links to the after-action report, the
// replay and the comparison of runs. Text from the server is always set as text, never as HTML.

import { api, claims, describe, token } from './api.js';
import { openReport } from './report-link.js';
import { clock, duration, hhmm, minutes } from './format.js';
import { languageButton, lang, onLanguageChange, pick, t, translate, format } from './i18n.js';
import { criterionFigures } from './criteria.js';
import { userActions, showDrillPicker, showClock, followDrill, showIdentity } from './pages.js';
import { $, el, when, showMessage, onNextFrame, refreshStatus, labelColumns } from './dom.js';

const queueRender = onNextFrame(() => render());

const GRADES = ['P', 'S', 'M', 'U'];
const ASSESSORS = ['evaluator', 'director'];

let jwt = null;
let live = null;
let drillId = null;
/** The scenario's objectives ({id, text, textEn}), read once. */
let objectives = null;
let canAssess = false;
/** The assessment a POST answered with, until the live frames carry one as new. */
let posted = null;
/** What the assessment lists show, as JSON, so that they are rebuilt only when it changes. */
let shownAssessment = null;
/** Per rating target ("task:id"): the grade chosen in its editor and whether the evaluator has touched it. */
const editors = new Map();
const { act, busy } = userActions(() => render());

function row(cells) {
  const tr = el('tr');
  cells.forEach((cell) => tr.append(cell));
  return tr;
}

function td(text, className) {
  return el('td', className ? { class: className } : {}, text ?? '—');
}

function render() {
  const drill = live?.drill;
  if (!drill) return;
  for (const id of ['summary', 'criteria-panel', 'latency-panel', 'scoring-panel', 'assess-grid', 'actions-panel']) {
    $(id).hidden = false;
  }
  $('title').textContent = pick(drill, 'title');
  document.title = `${t('pageEvaluate')} · ${pick(drill, 'title')}`;
  renderCounts(drill);
  renderLinks(drill);
  renderCriteria(drill);
  renderTeamLatency(drill);
  renderTaskLatency(drill);
  renderRatings(drill);
  renderAssessment(drill);
  renderForms(drill);
  renderClock();
  // On a phone each row is a card, each value under its column's name (in the page's language).
  document.querySelectorAll('table.stacked').forEach(labelColumns);
}

function renderClock() {
  const drill = live?.drill;
  if (!drill) return;
  const now = showClock(live);
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
  tr.append(name, el('td'), el('td', { class: 'num-text' }), el('td'), status, el('td', { class: 'center met' }),
    el('td', { class: 'evidence' }));
  return tr;
}

/**
 * The replay of this drill from a seq. No token in the address: the links open with rel="opener", which gives the new
 * tab a copy of this tab's session, the token with it.
 */
function replayUrl(from) {
  const params = new URLSearchParams({ drill: drillId, replay: '1' });
  if (from) params.set('from', String(from));
  return `/?${params}`;
}

/** A piece of evidence as a reader needs it: when, in sim time, and what happened; the seq if the page has not seen it. */
function describeEvidence(seq, criterion, drill) {
  const event = live.timeline.find((candidate) => candidate.seq === seq);
  if (!event) {
    // Opinion samples stay out of the timeline: the one a before-peak criterion cites is the peak.
    const peak = drill.opinion?.peak;
    return criterion.measure === 'before-peak' && peak ? `${hhmm(peak.minute)} ${t('opinionPeak')}` : `#${seq}`;
  }
  const payload = event.payload || {};
  const kind = t(`ev_${event.type.replace(/\./g, '_')}`);
  const task = drill.teams.flatMap((team) => team.tasks).find((candidate) => candidate.id === payload.taskId);
  const inject = drill.injects.find((candidate) => candidate.id === payload.injectId);
  const what = task ? pick(task, 'title') : inject ? pick(inject, 'title') : payload.title || '';
  return `${hhmm(event.simTime)} ${kind}${what ? `：${what}` : ''}`;
}

function renderEvidence(cell, criterion, drill) {
  const seqs = criterion.evidence || [];
  const key = `${seqs.join(',')}|${live.timeline.length}`;
  if (cell.dataset.seqs === key) return;
  cell.dataset.seqs = key;
  cell.replaceChildren(...seqs.map((seq) => {
    const link = el('a', {
      href: replayUrl(seq), target: '_blank', rel: 'opener', class: 'moment', 'data-seq': String(seq),
    }, describeEvidence(seq, criterion, drill));
    link.title = t('evidenceHint');
    return link;
  }));
  if (seqs.length === 0) cell.textContent = '—';
}

function updateCriterionRow(tr, criterion, drill) {
  const figures = criterionFigures(criterion);
  const [name, measure, value, target, status, met, evidence] = tr.children;
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
  renderEvidence(evidence, criterion, drill);
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


// --- Links: the after-action report, the replay and the comparison of runs ----------------------------------

function reportPath(format, lang) {
  const params = new URLSearchParams({ format });
  if (lang) params.set('lang', lang);
  return `/drills/${encodeURIComponent(drillId)}/report?${params}`;
}

/** The report as a file: fetched with the token in a header, then saved from memory, so no address carries it. */
async function download(format, lang, name) {
  const response = await fetch(`/api/v1${reportPath(format, lang)}`, { headers: { Authorization: `Bearer ${jwt}` } });
  if (!response.ok) throw new Error(`${response.status}`);
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function wireReportLinks() {
  const files = { 'report-json': ['json', null, 'json'], 'report-csv': ['csv', null, 'events.csv'],
    'report-docx': ['docx', 'zh', 'report-zh.docx'], 'report-docx-en': ['docx', 'en', 'report-en.docx'] };
  for (const [id, [format, lang, suffix]] of Object.entries(files)) {
    $(id).addEventListener('click', (event) => {
      event.preventDefault();
      act(`download:${id}`, () => download(format, lang, `${drillId}-${suffix}`));
    });
  }
  for (const [id, lang] of [['report-html', 'zh'], ['report-html-en', 'en']]) {
    $(id).addEventListener('click', (event) => {
      event.preventDefault();
      act(`open:${id}`, () => openReport(drillId, lang));
    });
  }
}

function renderLinks(drill) {
  const links = { 'compare-link': `/compare.html?pick=${encodeURIComponent(drillId)}` };
  for (const [id, href] of Object.entries(links)) {
    if ($(id).getAttribute('href') !== href) $(id).setAttribute('href', href);
  }
  const replay = $('replay-link');
  replay.hidden = drill.state !== 'ended';
  if (!replay.hidden && replay.getAttribute('href') !== replayUrl()) replay.setAttribute('href', replayUrl());
}

// --- Ratings (HSEEP P/S/M/U) of the objectives and the critical tasks -------------------------------------------

function renderLegend() {
  const items = GRADES.flatMap((grade) => [
    el('dt', { class: 'grade-badge', 'data-rating': grade }, grade), el('dd', {}, t(`grade_${grade}`)),
  ]);
  $('hseep-legend').replaceChildren(...items);
}

/** The latest assessment: the one a POST answered with, or the live one once it is as new. */
function assessmentOf(drill) {
  const newest = (a) => (a ? Math.max(0, ...['ratings', 'notes', 'lessons', 'actions']
    .flatMap((list) => (a[list] || []).map((entry) => entry.seq))) : -1);
  const own = drill.assessment || { ratings: [], notes: [], lessons: [], actions: [] };
  return posted && newest(posted) > newest(own) ? posted : own;
}

function ratingTargets(drill) {
  const targets = (objectives || []).map((objective) => ({
    kind: 'objective', id: objective.id, title: pick(objective, 'text'), detail: objective.id,
  }));
  drill.teams.forEach((team) => team.tasks.filter((task) => task.critical).forEach((task) => targets.push({
    kind: 'task', id: task.id, title: pick(task, 'title'), detail: `${pick(team, 'name')} · ${task.id}`,
  })));
  return targets;
}

function createRatingRow(target) {
  const key = `${target.kind}:${target.id}`;
  const tr = el('tr', { 'data-rating-row': key });
  const name = el('td', { class: 'target-name' });
  name.append(el('div', { class: 'target-title' }), el('div', { class: 'mono muted' }));
  const current = el('td', { class: 'current-col' });
  current.append(el('span', { class: 'grade-badge', 'data-rating-target': key }),
    el('div', { class: 'rating-note' }), el('div', { class: 'rating-by muted' }));
  const choice = el('td', { class: 'grade-col' });
  const group = el('div', { class: 'grade-buttons', role: 'group' });
  GRADES.forEach((grade) => {
    const button = el('button', { type: 'button', class: 'grade', 'data-grade': grade, 'aria-pressed': 'false' }, grade);
    button.addEventListener('click', () => {
      editors.set(key, { grade, dirty: true });
      updateEditor(tr, key, null);
    });
    group.append(button);
  });
  choice.append(group);
  const noteCell = el('td', { class: 'note-col' });
  const note = el('input', { type: 'text', class: 'rating-note-input', maxlength: '4000' });
  note.addEventListener('input', () => {
    const editor = editors.get(key) || { grade: null };
    editors.set(key, { ...editor, dirty: true });
    updateEditor(tr, key, null);
  });
  note.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') tr.querySelector('[data-action=rate]').click();
  });
  noteCell.append(note);
  const actionCell = el('td', { class: 'action-col' });
  const save = el('button', { type: 'button', class: 'primary small', 'data-action': 'rate' });
  save.addEventListener('click', () => rate(target.kind, target.id, tr));
  actionCell.append(save);
  tr.append(name, current, choice, noteCell, actionCell);
  return tr;
}

async function rate(kind, id, tr) {
  const key = `${kind}:${id}`;
  const editor = editors.get(key);
  if (!editor?.grade) return;
  const body = { target: kind, targetId: id, rating: editor.grade };
  const note = tr.querySelector('.rating-note-input').value.trim();
  if (note) body.note = note;
  const assessment = await act(`rate:${key}`, () => api('POST', `/drills/${encodeURIComponent(drillId)}/ratings`, body));
  if (!assessment) return;
  editors.set(key, { grade: null, dirty: false });
  posted = assessment;
  render();
}

/** The editor follows the current rating until the evaluator touches it. */
function updateEditor(tr, key, current) {
  let editor = editors.get(key);
  const note = tr.querySelector('.rating-note-input');
  if (!editor?.dirty) {
    editor = { grade: current?.rating ?? null, dirty: false };
    editors.set(key, editor);
    if (document.activeElement !== note) note.value = current?.note ?? '';
  }
  tr.querySelectorAll('button.grade').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.grade === editor.grade));
    button.title = t(`grade_${button.dataset.grade}`);
    button.disabled = !canAssess;
  });
  note.disabled = !canAssess;
  note.placeholder = t('notePlaceholder');
  const save = tr.querySelector('[data-action=rate]');
  const saving = busy.has(`rate:${key}`);
  save.textContent = saving ? t('saving') : t('save');
  save.disabled = !canAssess || saving || !editor.grade || !editor.dirty;
  tr.dataset.dirty = String(editor.dirty);
}

function renderRatings(drill) {
  const ratings = new Map(assessmentOf(drill).ratings.map((r) => [`${r.target}:${r.targetId}`, r]));
  for (const [kind, tbody] of [['objective', $('objective-ratings')], ['task', $('task-ratings')]]) {
    const targets = ratingTargets(drill).filter((target) => target.kind === kind);
    const existing = new Map([...tbody.children].map((tr) => [tr.dataset.ratingRow, tr]));
    const rows = targets.map((target) => {
      const key = `${kind}:${target.id}`;
      const tr = existing.get(key) ?? createRatingRow(target);
      const [name, current] = tr.children;
      name.firstChild.textContent = target.title;
      name.lastChild.textContent = target.detail;
      const rating = ratings.get(key);
      const badge = current.querySelector('[data-rating-target]');
      if (rating) {
        badge.dataset.rating = rating.rating;
        badge.textContent = rating.rating;
        badge.title = t(`grade_${rating.rating}`);
      } else {
        delete badge.dataset.rating;
        badge.textContent = t('notRated');
        badge.title = '';
      }
      current.querySelector('.rating-note').textContent = rating?.note ?? '';
      current.querySelector('.rating-by').textContent = rating ? `${rating.by} · #${rating.seq}` : '';
      tr.dataset.rating = rating?.rating ?? '';
      updateEditor(tr, key, rating);
      return tr;
    });
    const same = rows.length === tbody.children.length && rows.every((tr, i) => tbody.children[i] === tr);
    if (!same) tbody.replaceChildren(...rows);
    if (rows.length === 0) {
      tbody.replaceChildren(row([el('td', { colspan: '5', class: 'empty' }, objectives === null ? t('loading') : '—')]));
    }
  }
}

// --- Notes, lessons learned and corrective actions ---------------------------------------------------------------

/** "HH:MM", or "HH:MM:SS" when the seconds matter. */
/** A note's sim time, its seconds only when it has some. */
function shortTime(simMs) {
  if (simMs === null || simMs === undefined) return '--:--';
  const time = clock(simMs);
  return time.endsWith(':00') ? time.slice(0, -3) : time;
}

function renderAssessment(drill) {
  const assessment = assessmentOf(drill);
  const key = JSON.stringify([assessment.notes, assessment.lessons, assessment.actions, t('noNotes'), canAssess]);
  if (key === shownAssessment) return;
  shownAssessment = key;

  const notes = [...assessment.notes].sort((a, b) => a.at - b.at || a.seq - b.seq);
  $('notes').replaceChildren(...notes.map((note) => {
    const item = el('li', { 'data-seq': String(note.seq), 'data-at': note.sim });
    item.append(el('span', { class: 'when' }, shortTime(note.at)), el('span', { class: 'text' }, note.text),
      el('span', { class: 'by muted' }, note.by), retractButton(note.seq));
    return item;
  }));
  if (notes.length === 0) $('notes').append(el('li', { class: 'empty' }, t('noNotes')));

  for (const [kind, list] of [['strength', $('strengths')], ['improvement', $('improvements')]]) {
    const lessons = assessment.lessons.filter((lesson) => lesson.kind === kind);
    list.replaceChildren(...lessons.map((lesson) => {
      const item = el('li', { 'data-seq': String(lesson.seq), 'data-kind': kind });
      item.append(el('span', { class: 'text' }, lesson.text), el('span', { class: 'by muted' }, lesson.by),
        retractButton(lesson.seq));
      return item;
    }));
    if (lessons.length === 0) list.append(el('li', { class: 'empty' }, t('noLessons')));
  }

  $('actions').replaceChildren(...assessment.actions.map((action, index) => {
    const state = el('td');
    state.append(actionStateSelect(action));
    const withdraw = el('td');
    withdraw.append(retractButton(action.seq));
    const tr = row([td(String(index + 1), 'num'), td(action.text, 'action-text'), td(action.owner),
      td(action.due, 'time-col'), state, td(action.by, 'muted'), withdraw]);
    tr.dataset.seq = String(action.seq);
    tr.dataset.state = action.state;
    return tr;
  }));
  if (assessment.actions.length === 0) {
    $('actions').append(row([el('td', { colspan: '7', class: 'empty' }, t('noActions'))]));
  }
}

// --- Corrections: an entry is superseded or withdrawn by a new event; the old one stays in the log ---------------

const ACTION_STATES = ['open', 'in-progress', 'done', 'dropped'];

/** Moving an action on is a correction of it: the same action with its new state. */
function actionStateSelect(action) {
  const select = el('select', { class: 'action-state', 'aria-label': t('actionState'), 'data-seq': String(action.seq) });
  select.append(...ACTION_STATES.map((state) => el('option', { value: state }, t(`actionState_${state}`))));
  select.value = action.state;
  select.disabled = !canAssess;
  select.addEventListener('change', () => post(`state:${action.seq}`, 'actions', {
    text: action.text, owner: action.owner, due: action.due, state: select.value, replaces: action.seq,
  }, () => {}));
  return select;
}

/** Withdraws an entry after asking why; the reason goes into the record. */
function retractButton(seq) {
  const button = el('button', { type: 'button', class: 'link retract', 'data-retract': String(seq) }, t('retract'));
  button.hidden = !canAssess;
  button.addEventListener('click', () => {
    const reason = window.prompt(t('retractWhy'));
    if (reason === null || !reason.trim()) return;
    post(`retract:${seq}`, 'retractions', { seq, reason: reason.trim() }, () => {});
  });
  return button;
}

const FORMS = {
  'note-form': { key: 'note', button: 'note-add', label: 'addNote' },
  'lesson-form': { key: 'lesson', button: 'lesson-add', label: 'addLesson' },
  'action-form': { key: 'action', button: 'action-add', label: 'addAction' },
};

function renderForms(drill) {
  $('read-only').hidden = canAssess;
  $('ended-note').hidden = !(canAssess && drill.state === 'ended');
  for (const [formId, form] of Object.entries(FORMS)) {
    $(formId).querySelectorAll('input, select, button').forEach((control) => { control.disabled = !canAssess; });
    const button = $(form.button);
    button.disabled = !canAssess || busy.has(form.key);
    button.textContent = busy.has(form.key) ? t('saving') : t(form.label);
  }
}

function wireForms() {
  $('note-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { text: $('note-text').value.trim() };
    if ($('note-at').value) body.at = $('note-at').value;
    await post('note', 'notes', body, () => { $('note-text').value = ''; $('note-at').value = ''; });
  });
  $('lesson-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { kind: $('lesson-kind').value, text: $('lesson-text').value.trim() };
    await post('lesson', 'lessons', body, () => { $('lesson-text').value = ''; });
  });
  $('action-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { text: $('action-text').value.trim(), owner: $('action-owner').value.trim(), due: $('action-due').value };
    await post('action', 'actions', body, () => {
      $('action-text').value = '';
      $('action-owner').value = '';
      $('action-due').value = '';
    });
  });
}

async function post(key, path, body, reset) {
  const assessment = await act(key, () => api('POST', `/drills/${encodeURIComponent(drillId)}/${path}`, body));
  if (!assessment) return;
  posted = assessment;
  reset();
  render();
}

/** The scenario's objectives: from the scenario, or (should it have gone since) from the drill's own report. */
async function loadObjectives(scenarioId) {
  try {
    ({ objectives } = await api('GET', `/scenarios/${encodeURIComponent(scenarioId)}`));
  } catch {
    try {
      objectives = (await api('GET', `/drills/${encodeURIComponent(drillId)}/report?format=json`)).scenario.objectives;
    } catch (error) {
      objectives = [];
      showMessage(describe(error));
    }
  }
  queueRender();
}

async function follow(id) {
  drillId = id;
  live = await followDrill(drillId, jwt, {
    loaded: (first) => { loadObjectives(first.scenarioId); loadEarlierActions(); },
    changed: () => queueRender(), tick: renderClock,
  });
}

// --- The improvement plan carried over: earlier drills' open actions, closed here with a note ---------------------

async function loadEarlierActions() {
  try {
    const { actions } = await api('GET', `/drills/${encodeURIComponent(drillId)}/earlier-actions`);
    renderEarlierActions(actions);
  } catch (error) {
    showMessage(describe(error));
  }
}

function renderEarlierActions(actions) {
  const list = $('earlier-actions');
  list.replaceChildren(...actions.map((action) => {
    const item = el('li', { 'data-drill': action.drillId, 'data-seq': String(action.seq) });
    const from = action.drillName || new Date(action.drillCreatedAt).toLocaleDateString(lang() === 'zh' ? 'zh-CN' : 'en');
    item.append(el('span', { class: 'text' }, action.text),
      el('span', { class: 'muted' }, `${action.owner} · ${action.due} · ${from}`));
    if (canAssess) {
      const close = el('button', { type: 'button', class: 'link close-earlier' }, t('closeEarlier'));
      close.addEventListener('click', async () => {
        const note = window.prompt(t('closeEarlierWhy'));
        if (note === null || !note.trim()) return;
        const assessment = await act(`close:${action.drillId}:${action.seq}`, () => api('POST',
          `/drills/${encodeURIComponent(drillId)}/earlier-actions/close`,
          { drillId: action.drillId, seq: action.seq, note: note.trim() }));
        if (assessment) loadEarlierActions();
      });
      item.append(close);
    }
    return item;
  }));
  if (actions.length === 0) list.append(el('li', { class: 'empty' }, t('noEarlierActions')));
}

function showWho() {
  const who = claims(jwt);
  showIdentity(who);
}

function main() {
  translate();
  languageButton($('lang'));
  onLanguageChange(() => {
    refreshStatus();
    if (jwt) showWho();
    renderLegend();
    shownAssessment = null;
    document.querySelectorAll('#criteria td.evidence').forEach((cell) => { delete cell.dataset.seqs; });
    render();
  });
  $('message').addEventListener('click', () => { $('message').hidden = true; });
  jwt = token();
  if (!jwt) {
    showMessage(t('noToken'));
    return;
  }
  showWho();
  canAssess = ASSESSORS.includes(claims(jwt).role);
  renderLegend();
  wireForms();
  wireReportLinks();
  const id = new URL(window.location.href).searchParams.get('drill');
  if (id) follow(id); else showDrillPicker();
}

main();

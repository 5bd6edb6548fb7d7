// Runs of one scenario side by side: /compare.html?drills=a,b[,c] shows each criterion and each team's average
// response and completion across the runs, with the change from the first run to the last (green: better).
// Without ?drills it lists the drills by scenario to choose from. Text from the server is always set as text.

import { api, claims, describe, token } from './api.js';
import { duration, minutes } from './format.js';
import { languageButton, onLanguageChange, pick, t, translate, format } from './i18n.js';
import { $, el, when, showMessage } from './dom.js';
import { showIdentity } from './pages.js';

const MAX_RUNS = 10;
let jwt = null;
let drills = [];
let comparison = null;
let scenario = null;

function showWho() {
  const who = claims(jwt);
  showIdentity(who);
}

// --- Choosing the drills -------------------------------------------------------------------------------------

async function showPicker(preselected) {
  $('picker').hidden = false;
  $('title').textContent = '';
  try {
    ({ drills } = await api('GET', '/drills'));
    renderPicker(new Set(preselected ? [preselected] : []));
  } catch (error) {
    showMessage(describe(error));
  }
}

function checkedIds() {
  return [...document.querySelectorAll('#groups input[type=checkbox]:checked')].map((box) => box.value);
}

function renderPicker(checked = new Set(checkedIds())) {
  const groups = new Map();
  for (const drill of drills) {
    if (!groups.has(drill.scenarioId)) groups.set(drill.scenarioId, []);
    groups.get(drill.scenarioId).push(drill);
  }
  if (groups.size === 0) {
    $('groups').replaceChildren(el('p', { class: 'empty' }, t('noDrills')));
    updatePickHint();
    return;
  }
  $('groups').replaceChildren(...[...groups.entries()].map(([scenarioId, runs]) => {
    const group = el('fieldset', { class: 'scenario-group', 'data-scenario': scenarioId });
    const legend = el('legend');
    legend.append(el('span', { class: 'scenario-title' }, pick(runs[0], 'title')),
      el('span', { class: 'mono muted' }, scenarioId));
    group.append(legend);
    const list = el('ul', { class: 'run-choices' });
    for (const drill of [...runs].reverse()) {
      const item = el('li', { 'data-drill': drill.id });
      const label = el('label', { class: 'run-choice' });
      const box = el('input', { type: 'checkbox', value: drill.id, 'data-scenario': scenarioId });
      box.checked = checked.has(drill.id);
      box.addEventListener('change', () => {
        // One scenario at a time: choosing a run of another scenario starts a new choice.
        if (box.checked) {
          document.querySelectorAll('#groups input[type=checkbox]:checked').forEach((other) => {
            if (other.dataset.scenario !== scenarioId) other.checked = false;
          });
        }
        updatePickHint();
      });
      label.append(box, el('span', { class: 'state-badge', 'data-state': drill.state }, t(`state_${drill.state}`)),
        el('span', { class: 'run-when' }, when(drill.createdAt)),
        el('span', { class: 'muted' }, `${drill.speed}×${drill.autopilot ? ` · ${t('autopilot')}` : ''}`),
        el('span', { class: 'mono muted' }, drill.id));
      item.append(label);
      list.append(item);
    }
    group.append(list);
    return group;
  }));
  updatePickHint();
}

function updatePickHint() {
  const ids = checkedIds();
  const ok = ids.length >= 2 && ids.length <= MAX_RUNS;
  $('compare').disabled = !ok;
  $('pick-hint').textContent = ids.length > MAX_RUNS ? t('tooManyRuns')
    : ids.length >= 2 ? format('selectedRuns', ids.length) : t('chooseRuns');
}

function compareChosen(event) {
  event.preventDefault();
  const byId = new Map(drills.map((drill) => [drill.id, drill]));
  // Oldest first, so that the change reads from the first run to the last.
  const ids = checkedIds().sort((a, b) => (byId.get(a)?.createdAt ?? 0) - (byId.get(b)?.createdAt ?? 0));
  if (ids.length < 2) return;
  window.location.href = `/compare.html?drills=${ids.map(encodeURIComponent).join(',')}`;
}

// --- The comparison ------------------------------------------------------------------------------------------

async function showComparison(ids) {
  try {
    comparison = await api('GET', `/compare?drills=${ids.map(encodeURIComponent).join(',')}`);
  } catch (error) {
    showMessage(describe(error));
    $('runs-panel').hidden = false;
    return;
  }
  try {
    // The scenario tells each criterion's measure (which way is better); without it, shorter counts as better.
    scenario = await api('GET', `/scenarios/${encodeURIComponent(comparison.scenarioId)}`);
  } catch {
    scenario = null;
  }
  for (const id of ['runs-panel', 'criteria-panel', 'teams-panel']) $(id).hidden = false;
  renderComparison();
}

function renderComparison() {
  if (!comparison) return;
  const title = scenario ? pick(scenario, 'title') : comparison.scenarioId;
  $('title').textContent = title;
  document.title = `${t('pageCompare')} · ${title}`;
  renderRuns();
  renderCriteria();
  renderTeams();
}

function runHeader(run, index) {
  const th = el('th', { class: 'run-col', 'data-drill': run.id, scope: 'col' });
  th.append(el('div', {}, format('run', index + 1)), el('div', { class: 'muted run-when' }, when(run.createdAt)));
  return th;
}

function renderRuns() {
  $('runs').replaceChildren(...comparison.drills.map((run, index) => {
    const item = el('li', { class: 'run-card', 'data-drill': run.id });
    const link = el('a', { href: `/evaluate.html?drill=${encodeURIComponent(run.id)}`, class: 'mono' }, run.id);
    item.append(el('div', { class: 'run-name' }, format('run', index + 1)),
      el('div', { class: 'muted' }, when(run.createdAt)), link,
      el('div', { class: 'run-meta' }, [
        t(`state_${run.state}`), run.autopilot ? t('autopilot') : t('autopilotOff'), `${t('seed')} ${run.seed}`,
      ].join(' · ')));
    return item;
  }));
}

function measureOf(criterionId) {
  return scenario?.criteria?.find((c) => c.id === criterionId)?.measure ?? 'interval';
}

/** Late tasks of a tasks-on-time criterion: its values are counts (unit "tasks"). */
function lateCount(value) {
  return Math.round(value);
}

function criterionValue(measure, value) {
  if (value === null || value === undefined) return '—';
  if (measure === 'before-peak') {
    return value > 0 ? format('beforePeak', duration(value)) : format('afterPeak', duration(-value));
  }
  if (measure === 'tasks-on-time') {
    const late = lateCount(value);
    return late === 0 ? t('noLateTasks') : format('lateTasks', late);
  }
  return duration(value);
}

/** The change cell: signed, and green when the last run did better (shorter, or earlier before the peak). */
function changeCell(change, text, higherIsBetter) {
  const cell = el('td', { class: 'change num' });
  if (change === null || change === undefined) {
    cell.textContent = '—';
    return cell;
  }
  const direction = change === 0 ? 'unchanged' : (change > 0) === higherIsBetter ? 'better' : 'worse';
  cell.dataset.change = direction;
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '＝';
  cell.append(el('span', { class: 'delta' }, `${arrow} ${text}`), el('span', { class: 'verdict' }, t(direction)));
  return cell;
}

function signed(text, value) {
  return value > 0 ? `+${text}` : text;
}

function renderCriteria() {
  const head = [el('th', { scope: 'col' }, t('criteriaAcross'))];
  comparison.drills.forEach((run, index) => head.push(runHeader(run, index)));
  head.push(el('th', { class: 'num', scope: 'col' }, t('change')));
  $('criteria-head').replaceChildren(...head);
  $('criteria').replaceChildren(...comparison.criteria.map((criterion) => {
    const measure = measureOf(criterion.id);
    const tr = el('tr', { 'data-criterion': criterion.id, 'data-measure': measure });
    const name = el('th', { class: 'criterion-name', scope: 'row' });
    name.append(el('div', {}, pick(criterion, 'name')), el('div', { class: 'mono muted' }, criterion.id));
    tr.append(name);
    criterion.values.forEach((value, index) => {
      const met = criterion.met[index];
      const cell = el('td', { class: 'value', 'data-drill': comparison.drills[index].id, 'data-met': String(met) });
      cell.append(el('span', { class: 'figure' }, criterionValue(measure, value)));
      if (met !== null) cell.append(el('span', { class: 'met-mark' }, met ? `✓ ${t('status_met')}` : `✗ ${t('status_missed')}`));
      tr.append(cell);
    });
    let change = criterion.change;
    let text = '';
    if (change !== null && change !== undefined) {
      if (measure === 'tasks-on-time') {
        change = lateCount(criterion.values[criterion.values.length - 1]) - lateCount(criterion.values[0]);
        text = signed(String(change), change);
      } else {
        text = signed(duration(change), change);
      }
    }
    tr.append(changeCell(change, text, measure === 'before-peak'));
    return tr;
  }));
}

function renderTeams() {
  const head = [el('th', { scope: 'col' }, t('team')), el('th', { scope: 'col' }, t('measureCol'))];
  comparison.drills.forEach((run, index) => head.push(runHeader(run, index)));
  head.push(el('th', { class: 'num', scope: 'col' }, t('change')));
  $('teams-head').replaceChildren(...head);
  const rows = [];
  for (const team of comparison.teams) {
    for (const [measure, values, change] of [
      ['response', team.responseAvgSec, team.responseChange],
      ['completion', team.completionAvgSec, team.completionChange],
    ]) {
      const tr = el('tr', { 'data-team': team.id, 'data-measure': measure });
      if (measure === 'response') {
        tr.classList.add('group-start');
        tr.append(el('th', { class: 'team-name', scope: 'rowgroup', rowspan: '2' }, pick(team, 'name')));
      }
      tr.append(el('td', { class: 'muted' }, t(measure)));
      values.forEach((value, index) => {
        tr.append(el('td', { class: 'num', 'data-drill': comparison.drills[index].id }, minutes(value) ?? '—'));
      });
      const text = change === null || change === undefined ? '' : signed(String(minutes(change)).replace('-', '−'), change);
      tr.append(changeCell(change, text, false));
      rows.push(tr);
    }
  }
  $('teams').replaceChildren(...rows);
}

function main() {
  translate();
  languageButton($('lang'));
  onLanguageChange(() => {
    if (jwt) showWho();
    if (comparison) renderComparison();
    else if (drills.length) renderPicker();
  });
  $('message').addEventListener('click', () => { $('message').hidden = true; });
  $('pick-form').addEventListener('submit', compareChosen);
  jwt = token();
  if (!jwt) {
    showMessage(t('noToken'));
    return;
  }
  showWho();
  const params = new URL(window.location.href).searchParams;
  const ids = (params.get('drills') || '').split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length > 0) showComparison(ids); else showPicker(params.get('pick'));
}

main();

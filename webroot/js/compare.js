// Runs of one scenario side by side: /compare.html?drills=a,b[,c] shows each run by name (or scenario title and start
// time), each criterion, each team's work done and times, the evaluators' ratings and the corrective actions, with a
// verdict from the first run to the last. The verdicts come from the server, which counts unfinished work as not
// done: a run that did less is never shown as better for the shorter times of what it did. Without ?drills, or with
// only one, the page lists the drills by scenario to choose from (that one ticked). Text from the server is always
// set as text.

import { api, claims, describe, token } from './api.js';
import { duration } from './format.js';
import { addWords, languageButton, onLanguageChange, pick, short, t, translate, format } from './i18n.js';
import { $, el, when, showMessage } from './dom.js';
import { showIdentity } from './pages.js';

addWords({
  zh: {
    cmpHowToRead: '未完成的任务计为未完成。结论先看做成了多少(完成的任务、达标的指标),再看时长;'
      + '时长前的“≥”表示其中有演练结束时仍未完成的任务,实际只会更长。',
    cmpTeams: '各小组任务完成情况与平均时长',
    cmpTeamsHint: '响应:任务下达至确认;完成:任务下达至完成。',
    cmpCriteriaHint: '先比是否达标,再比数值。',
    cmpRatings: '评定(HSEEP)',
    cmpRatingsHint: '每个目标和关键任务;评估员意见不一时取最差。P 顺利完成 · S 遇到一些问题 · M 遇到重大问题 · U 未能完成',
    cmpActionsHint: '每次演练提出的整改措施;前几次已提出过的措施会标出。',
    cmpClosedEarlier: '落实以往措施 {0} 项',
    unclear: '无法判断', cmpUnfinished: '有未完成的任务',
    cmpDoneOf: '完成 {0}/{1}', cmpAckOf: '响应 {0}/{1}',
    cmpMoreDone: '多完成 {0} 项', cmpFewerDone: '少完成 {0} 项',
    cmpMoreAck: '多响应 {0} 项', cmpFewerAck: '少响应 {0} 项',
    cmpNowMet: '转为达标', cmpNowMissed: '转为未达标',
    cmpCriticalUndone: '关键任务未完成:{0}', cmpNoneDue: '未下达', cmpNotAllDone: '任务未全部完成',
    cmpAtLeastTitle: '含演练结束时仍未完成的任务,实际更长',
    cmpTasksDone: '任务完成 {0}/{1}', cmpCriticalDone: '关键任务完成 {0}/{1}',
    cmpStoppedAt: '于 {0} 手动结束', cmpRanTo: '演练至 {0}',
    cmpActionCount: '整改措施 {0} 项', cmpNoActions: '未提出整改措施。',
    cmpAlsoIn: '第 {0} 次也提出过',
    cmpObjective: '目标', cmpCriticalTask: '关键任务', cmpTask: '任务', cmpTarget: '评定对象',
    cmpEvaluators: '{0} 位评估员:{1}', cmpOwnerIs: '责任人:{0}', cmpDueIs: '期限:{0}',
    cmpOpenEvaluate: '评估页', cmpStarted: '开始于 {0}', cmpCreated: '创建于 {0}',
  },
  en: {
    cmpHowToRead: 'Unfinished tasks count as not done. A verdict weighs what was done first (tasks done, criteria '
      + 'met), then the times; "≥" before a time means it includes tasks still open when the drill ended, so the real '
      + 'time can only be longer.',
    cmpTeams: 'Work done and average times per team',
    cmpTeamsHint: 'Response: from a task coming due to its acknowledgement; completion: to done.',
    cmpCriteriaHint: 'Met or missed counts before the value.',
    cmpRatings: 'Ratings (HSEEP)',
    cmpRatingsHint: 'Every objective and critical task; where evaluators differ, the worst counts. P without '
      + 'challenges · S some challenges · M major challenges · U unable to perform',
    cmpActionsHint: 'The corrective actions of each run; those raised in an earlier run too are marked.',
    cmpClosedEarlier: 'Earlier actions closed: {0}',
    unclear: 'unclear', cmpUnfinished: 'unfinished work',
    cmpDoneOf: '{0}/{1} done', cmpAckOf: '{0}/{1} acknowledged',
    cmpMoreDone: '{0} more done', cmpFewerDone: '{0} fewer done',
    cmpMoreAck: '{0} more acknowledged', cmpFewerAck: '{0} fewer acknowledged',
    cmpNowMet: 'now met', cmpNowMissed: 'now missed',
    cmpCriticalUndone: 'Critical task not done: {0}', cmpNoneDue: 'none came due', cmpNotAllDone: 'not all tasks done',
    cmpAtLeastTitle: 'Includes tasks still open when the drill ended: the real time is longer',
    cmpTasksDone: 'Tasks done {0}/{1}', cmpCriticalDone: 'Critical tasks done {0}/{1}',
    cmpStoppedAt: 'stopped at {0}', cmpRanTo: 'ran to {0}',
    cmpActionCount: 'Corrective actions: {0}', cmpNoActions: 'No corrective actions.',
    cmpAlsoIn: 'Also raised in run {0}',
    cmpObjective: 'Objective', cmpCriticalTask: 'Critical task', cmpTask: 'Task', cmpTarget: 'Rated',
    cmpEvaluators: '{0} evaluators: {1}', cmpOwnerIs: 'Owner: {0}', cmpDueIs: 'Due {0}',
    cmpOpenEvaluate: 'Evaluation', cmpStarted: 'started {0}', cmpCreated: 'created {0}',
  },
});

const MAX_RUNS = 10;
const GRADES = ['P', 'S', 'M', 'U'];
let jwt = null;
let drills = [];
let comparison = null;
/** Drill names from the drill list, where it carries them. */
let namesById = new Map();

function showWho() {
  showIdentity(claims(jwt));
}

/** Wall time as MM-DD HH:MM, with seconds where minutes alone would not tell runs apart. */
function stamp(epochMs, withSeconds) {
  const text = when(epochMs);
  return withSeconds ? `${text}:${String(new Date(epochMs).getSeconds()).padStart(2, '0')}` : text;
}

function stamps(runs, moment) {
  const minutes = runs.map((run) => when(moment(run)));
  const clash = new Set(minutes).size < minutes.length;
  return runs.map((run) => stamp(moment(run), clash));
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
    legend.append(el('span', { class: 'scenario-title' }, pick(runs[0], 'title')));
    group.append(legend);
    const list = el('ul', { class: 'run-choices' });
    const created = stamps(runs, (run) => run.createdAt);
    runs.forEach((drill, index) => {
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
        el('span', { class: 'run-when' }, created[index]),
        el('span', { class: 'muted' }, `${drill.speed}×${drill.autopilot ? ` · ${t('autopilot')}` : ''}`),
        el('span', { class: 'run-choice-name' }, drill.name ?? ''));
      item.append(label);
      list.prepend(item);
    });
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

const PANELS = ['runs-panel', 'criteria-panel', 'teams-panel', 'ratings-panel', 'actions-panel'];

async function showComparison(ids) {
  const list = api('GET', '/drills').catch(() => ({ drills: [] }));
  try {
    comparison = await api('GET', `/compare?drills=${ids.map(encodeURIComponent).join(',')}`);
  } catch (error) {
    showMessage(describe(error));
    $('runs-panel').hidden = false;
    return;
  }
  namesById = new Map((await list).drills.filter((drill) => drill.name).map((drill) => [drill.id, drill.name]));
  for (const id of PANELS) $(id).hidden = false;
  renderComparison();
}

/** Each run's display: its name where the drill has one, else the scenario title and when it started. */
function runLabels() {
  const title = pick(comparison, 'title');
  const times = stamps(comparison.drills, (run) => run.startedAt ?? run.createdAt);
  return comparison.drills.map((run, index) => {
    const name = run.name ?? namesById.get(run.id);
    return { run, index, number: format('run', index + 1), time: times[index], own: name ?? null,
      name: name ?? `${title} ${times[index]}` };
  });
}

function renderComparison() {
  if (!comparison) return;
  const title = pick(comparison, 'title');
  $('title').textContent = title;
  document.title = `${t('pageCompare')} · ${title}`;
  const labels = runLabels();
  renderRuns(labels);
  renderCriteria(labels);
  renderTeams(labels);
  renderRatings(labels);
  renderActions(labels);
}

/** The run's state; an ended run says whether it was stopped early, and when. */
function stateText(run) {
  if (run.state !== 'ended') return t(`state_${run.state}`);
  return format(run.endReason === 'stopped' ? 'cmpStoppedAt' : 'cmpRanTo', run.simEnd.slice(0, 5));
}

function runHeader(label) {
  const th = el('th', { class: 'run-col', 'data-drill': label.run.id, scope: 'col' });
  th.append(el('div', {}, label.number), el('div', { class: 'run-when' }, label.own ?? label.time),
    el('div', { class: 'run-state', 'data-state': label.run.state, 'data-end': label.run.endReason ?? '' },
      stateText(label.run)));
  return th;
}

function headRow(rowId, labels, ...first) {
  $(rowId).replaceChildren(...first, ...labels.map(runHeader),
    el('th', { class: 'num', scope: 'col' }, t('change')));
}

function renderRuns(labels) {
  $('runs').replaceChildren(...labels.map(({ run, number, name }) => {
    const item = el('li', { class: 'run-card', 'data-drill': run.id, 'data-state': run.state });
    const started = run.startedAt ? format('cmpStarted', when(run.startedAt))
      : format('cmpCreated', when(run.createdAt));
    const work = el('div', { class: 'run-work' });
    const tasks = el('span', { 'data-complete': String(run.tasksDone === run.tasks) },
      format('cmpTasksDone', run.tasksDone, run.tasks));
    const critical = el('span', { 'data-complete': String(run.criticalDone === run.criticalTasks) },
      format('cmpCriticalDone', run.criticalDone, run.criticalTasks));
    work.append(tasks, critical, el('span', {}, format('cmpActionCount', run.actions.length)));
    item.append(el('div', { class: 'run-number' }, number), el('div', { class: 'run-name' }, name),
      el('div', { class: 'run-meta' }, [t(`state_${run.state}`), stateText(run), started,
        run.autopilot ? t('autopilot') : t('autopilotOff')].join(' · ')),
      work, el('a', { href: `/evaluate.html?drill=${encodeURIComponent(run.id)}` }, t('cmpOpenEvaluate')));
    return item;
  }));
}

/** The change cell: the server's verdict, with what it rests on. */
function changeCell(verdict, reason) {
  const cell = el('td', { class: 'change num' });
  if (!verdict) {
    cell.textContent = '—';
    return cell;
  }
  cell.dataset.change = verdict;
  if (reason) cell.append(el('span', { class: 'delta' }, reason));
  cell.append(el('span', { class: 'verdict' }, t(verdict)));
  return cell;
}

/** A difference from the first run to the last, with its direction: "▲ +3m", "▼ −2", "＝". */
function signed(difference, text) {
  if (difference > 0) return `▲ +${text}`;
  return difference < 0 ? `▼ ${text}` : '＝';
}

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

/** A criterion's figure: none late so far, with tasks left undone, says so rather than "≥ none late". */
function criterionFigure(measure, value, atLeast) {
  if (measure === 'tasks-on-time' && atLeast && lateCount(value) === 0) return figure(t('cmpNotAllDone'), false);
  return figure(criterionValue(measure, value), atLeast);
}

/** "≥ " before a value that is only a lower bound, with why in the title. */
function figure(text, atLeast) {
  const span = el('span', { class: 'figure', 'data-at-least': String(Boolean(atLeast)) },
    atLeast ? `≥ ${text}` : text);
  if (atLeast) span.title = t('cmpAtLeastTitle');
  return span;
}

function unclearOr(verdict, text) {
  return verdict === 'unclear' ? t('cmpUnfinished') : text;
}

function criterionReason(criterion) {
  if (criterion.verdictBy === 'met') {
    return criterion.met[criterion.met.length - 1] ? t('cmpNowMet') : t('cmpNowMissed');
  }
  if (criterion.change === null || criterion.change === undefined) return '';
  if (criterion.measure === 'tasks-on-time') {
    const change = lateCount(criterion.change);
    return unclearOr(criterion.verdict, signed(change, String(change).replace('-', '−')));
  }
  return unclearOr(criterion.verdict, signed(criterion.change, duration(criterion.change)));
}

function renderCriteria(labels) {
  headRow('criteria-head', labels, el('th', { scope: 'col' }, t('criteriaAcross')));
  $('criteria').replaceChildren(...comparison.criteria.map((criterion) => {
    const tr = el('tr', { 'data-criterion': criterion.id, 'data-measure': criterion.measure });
    tr.append(el('th', { class: 'criterion-name', scope: 'row' }, pick(criterion, 'name')));
    criterion.values.forEach((value, index) => {
      const met = criterion.met[index];
      const cell = el('td', { class: 'value', 'data-drill': comparison.drills[index].id, 'data-met': String(met) });
      cell.append(criterionFigure(criterion.measure, value, criterion.atLeast[index]));
      if (met !== null) {
        cell.append(el('span', { class: 'met-mark' }, met ? `✓ ${t('status_met')}` : `✗ ${t('status_missed')}`));
      }
      tr.append(cell);
    });
    tr.append(changeCell(criterion.verdict, criterionReason(criterion)));
    return tr;
  }));
}

/** Why a team's row changed: more or fewer tasks through the step, else the time. */
function teamReason(counts, change, verdict, more, fewer) {
  const difference = counts[counts.length - 1] - counts[0];
  if (difference !== 0) return format(difference > 0 ? more : fewer, Math.abs(difference));
  if (change === null || change === undefined) return '';
  return unclearOr(verdict, signed(change, duration(change)));
}

function teamCell(run, value, atLeast, count, total, countKey) {
  const cell = el('td', { class: 'value team-value', 'data-drill': run.id,
    'data-complete': String(count === total) });
  cell.append(figure(value === null ? t('cmpNoneDue') : duration(value), atLeast),
    el('span', { class: 'work' }, format(countKey, count, total)));
  return cell;
}

function renderTeams(labels) {
  headRow('teams-head', labels, el('th', { scope: 'col' }, t('team')), el('th', { scope: 'col' }, t('measureCol')));
  const rows = [];
  for (const team of comparison.teams) {
    const measures = [
      { key: 'response', values: team.responseAvgSec, bounds: team.responseAtLeast, counts: team.acknowledged,
        countKey: 'cmpAckOf', verdict: team.responseVerdict, change: team.responseChange,
        more: 'cmpMoreAck', fewer: 'cmpFewerAck' },
      { key: 'completion', values: team.completionAvgSec, bounds: team.completionAtLeast, counts: team.done,
        countKey: 'cmpDoneOf', verdict: team.completionVerdict, change: team.completionChange,
        more: 'cmpMoreDone', fewer: 'cmpFewerDone' },
    ];
    for (const measure of measures) {
      const tr = el('tr', { 'data-team': team.id, 'data-measure': measure.key });
      if (measure.key === 'response') {
        tr.classList.add('group-start');
        tr.append(el('th', { class: 'team-name', scope: 'rowgroup', rowspan: '2' }, pick(team, 'name')));
      }
      tr.append(el('td', { class: 'muted' }, t(measure.key)));
      comparison.drills.forEach((run, index) => {
        const cell = teamCell(run, measure.values[index], measure.bounds[index], measure.counts[index], team.tasks,
          measure.countKey);
        if (measure.key === 'completion') {
          team.criticalUndone[index].forEach((task) => {
            const line = el('span', { class: 'critical-undone', 'data-task': task.id },
              format('cmpCriticalUndone', short(task, 'title')));
            line.title = pick(task, 'title');
            cell.append(line);
          });
        }
        tr.append(cell);
      });
      tr.append(changeCell(measure.verdict,
        teamReason(measure.counts, measure.change, measure.verdict, measure.more, measure.fewer)));
      rows.push(tr);
    }
  }
  $('teams').replaceChildren(...rows);
}

function ratingCell(run, grade) {
  const cell = el('td', { class: 'value rating-value', 'data-drill': run.id, 'data-rating': grade?.rating ?? '' });
  if (!grade) {
    cell.append(el('span', { class: 'muted' }, t('notRated')));
    return cell;
  }
  const badge = el('span', { class: 'grade-badge', 'data-rating': grade.rating }, grade.rating);
  badge.title = t(`grade_${grade.rating}`);
  cell.append(badge);
  const given = [...new Set(grade.evaluators.map((evaluator) => evaluator.rating))];
  if (grade.evaluators.length > 1) {
    const sorted = given.sort((a, b) => GRADES.indexOf(a) - GRADES.indexOf(b));
    const who = el('span', { class: 'evaluators' },
      format('cmpEvaluators', grade.evaluators.length, sorted.join(' / ')));
    who.title = grade.evaluators.map((evaluator) => `${evaluator.by}: ${evaluator.rating}`).join('\n');
    cell.append(who);
  }
  return cell;
}

function renderRatings(labels) {
  headRow('ratings-head', labels, el('th', { scope: 'col' }, t('cmpTarget')));
  $('ratings').replaceChildren(...comparison.ratings.map((row) => {
    const tr = el('tr', { 'data-rating-row': `${row.target}:${row.id}` });
    const kind = row.target === 'objective' ? 'cmpObjective' : row.critical ? 'cmpCriticalTask' : 'cmpTask';
    const name = el('th', { class: 'criterion-name', scope: 'row' });
    name.append(el('span', { class: 'tag', 'data-kind': kind }, t(kind)), ' ', pick(row, 'name'));
    tr.append(name);
    row.grades.forEach((grade, index) => tr.append(ratingCell(comparison.drills[index], grade)));
    const first = row.grades[0]?.rating;
    const last = row.grades[row.grades.length - 1]?.rating;
    tr.append(changeCell(row.verdict, row.verdict ? `${first} → ${last}` : ''));
    return tr;
  }));
}

/** Same action, small differences of spacing and punctuation aside. */
function actionKey(text) {
  return text.replace(/[\s,，。.;；、]/g, '').toLowerCase();
}

function renderActions(labels) {
  const firstRaised = new Map();
  $('actions').replaceChildren(...labels.map(({ run, index, number, name }) => {
    const column = el('section', { class: 'action-run', 'data-drill': run.id });
    const head = el('header');
    head.append(el('div', { class: 'run-number' }, number), el('div', { class: 'run-name' }, name),
      el('div', { class: 'action-count', 'data-count': String(run.actions.length) },
        run.actions.length ? format('cmpActionCount', run.actions.length) : t('cmpNoActions')));
    column.append(head);
    const list = el('ol', { class: 'action-list' });
    for (const action of run.actions) {
      const key = actionKey(action.text);
      const item = el('li', { 'data-seq': String(action.seq) });
      item.append(el('div', { class: 'action-text' }, action.text));
      const meta = el('div', { class: 'action-meta' });
      meta.append(el('span', { class: 'owner' }, format('cmpOwnerIs', action.owner)),
        el('span', { class: 'due' }, format('cmpDueIs', action.due)));
      item.append(meta);
      if (firstRaised.has(key) && firstRaised.get(key) !== index) {
        item.append(el('div', { class: 'also-in' }, format('cmpAlsoIn', firstRaised.get(key) + 1)));
      } else {
        firstRaised.set(key, index);
      }
      list.append(item);
    }
    column.append(list);
    // The improvement plan across runs: the earlier runs' actions this run showed done.
    const closed = run.closedEarlier || [];
    if (closed.length) {
      column.append(el('div', { class: 'action-count closed-earlier', 'data-count': String(closed.length) },
        format('cmpClosedEarlier', closed.length)));
      const done = el('ul', { class: 'action-list closed-earlier-list' });
      closed.forEach((c) => done.append(el('li', {}, `${c.text} — ${c.note}`)));
      column.append(done);
    }
    return column;
  }));
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
  const ids = [...new Set((params.get('drills') || '').split(',').map((id) => id.trim()).filter(Boolean))];
  if (ids.length > 1) {
    showComparison(ids);
  } else {
    // A link to one drill offers the choice with it ticked; the choice's hint says a second one is needed.
    showPicker(ids[0] ?? params.get('pick'));
  }
}

main();

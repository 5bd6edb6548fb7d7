// The director console: create drills, pick one, steer its clock, fire and add injects, and hand out links with
// tokens. The current drill is followed live; every refusal of the API is shown in #message, never swallowed.
// Text from the server is always set as text, never as HTML.

import { api, claims, describe, download, token, upload } from './api.js';
import { clock, duration, hhmm } from './format.js';
import { contingencyStatus } from './contingency.js';
import { openReport } from './report-link.js';
import { qrCode } from './qr.js';
import { label, languageButton, lang, onLanguageChange, pick, t, translate, format } from './i18n.js';
import { LiveDrill } from './live.js';
import { userActions, showClock, showIdentity } from './pages.js';
import { $, el, when, showMessage, clearMessage, setStatus, onNextFrame, refreshStatus, labelColumns } from './dom.js';

const queueRender = onNextFrame(() => render());

/** The control buttons; the drill says which of them its state allows (drill.actions). */
const CONTROLS = ['start', 'pause', 'resume', 'stop'];
const DEFAULT_PLATFORMS = ['wechat', 'weibo', 'douyin'];
let jwt = null;
let live = null;
let drillId = null;
let drills = [];
let drillsLoaded = false;
let scenarios = [];
let platforms = DEFAULT_PLATFORMS;
let links = new Map();
let linksFor = null;
let shownSpeed = null;
const { act, busy } = userActions(() => renderBusy());

function renderBusy() {
  $('create').disabled = busy.has('create') || scenarios.length === 0;
  $('create').textContent = busy.has('create') ? t('creating') : t('create');
  $('export-workbook').disabled = busy.has('export-workbook') || scenarios.length === 0;
  $('import-workbook').disabled = busy.has('import-workbook');
  render();
}

// --- Scenarios and the create form ---------------------------------------------------------------------------

async function loadScenarios() {
  try {
    ({ scenarios } = await api('GET', '/scenarios'));
    renderScenarios();
    renderBusy();
  } catch (error) {
    showMessage(describe(error));
  }
}

function renderScenarios() {
  const select = $('scenario');
  const chosen = select.value;
  select.replaceChildren(...scenarios.map((s) => el('option', { value: s.id }, pick(s, 'title'))));
  if (scenarios.length === 0) select.append(el('option', { value: '' }, t('noScenarios')));
  if (chosen) select.value = chosen;
  renderScenarioInfo();
}

function renderScenarioInfo() {
  const s = scenarios.find((scenario) => scenario.id === $('scenario').value);
  $('scenario-info').textContent = s
    ? format('scenarioInfo', withoutSeconds(s.start), withoutSeconds(s.end), s.teams, s.injects, s.tasks) : '';
}

// --- The scenario as a spreadsheet ----------------------------------------------------------------------------

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads the chosen scenario's workbook (the API wants the token in a header, so not a plain link). */
async function exportWorkbook() {
  const id = $('scenario').value;
  if (!id) return;
  const file = `${id}.xlsx`;
  const saved = await submitHere('export-workbook', $('workbook-status'), async () => {
    const blob = await download(`/scenarios/${encodeURIComponent(id)}.xlsx`, XLSX);
    const link = el('a', { href: URL.createObjectURL(blob), download: file });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    return true;
  }, format('workbookExported', file));
  if (saved) $('workbook-errors').replaceChildren();
}

/** Posts the picked workbook; a refusal lists every problem with its cell, as the planner must fix them all. */
async function importWorkbook() {
  const input = $('workbook-file');
  const file = input.files[0];
  input.value = '';
  if (!file) return;
  $('workbook-errors').replaceChildren();
  $('workbook-status').textContent = t('importing');
  delete $('workbook-status').dataset.kind;
  const outcome = await act('import-workbook', async () => {
    try {
      return { imported: await upload('/scenarios', file, XLSX) };
    } catch (error) {
      return { error };
    }
  });
  if (!outcome) return;
  const { imported, error } = outcome;
  if (error) {
    const problems = error.problem?.errors ?? [];
    $('workbook-status').textContent = problems.length ? format('workbookRefused', problems.length)
      : describe(error);
    $('workbook-status').dataset.kind = 'error';
    $('workbook-errors').replaceChildren(...problems.map((problem) => el('li', {}, problem)));
    return;
  }
  await loadScenarios();
  $('scenario').value = imported.id;
  renderScenarioInfo();
  $('workbook-status').textContent = format('workbookImported', pick(imported, 'title'));
  $('workbook-status').dataset.kind = 'ok';
}

async function createDrill(event) {
  event.preventDefault();
  const body = {
    scenarioId: $('scenario').value,
    speed: Number($('create-speed').value),
    autopilot: $('autopilot').checked,
  };
  if ($('seed').value.trim() !== '') body.seed = Number($('seed').value);
  for (const [field, id] of [['name', 'drill-name'], ['place', 'drill-place']]) {
    if ($(id).value.trim() !== '') body[field] = $(id).value.trim();
  }
  const drill = await submitHere('create', $('create-status'), () => api('POST', '/drills', body), t('drillCreated'));
  if (!drill) return;
  drills = drills.filter((d) => d.id !== drill.id).concat([summary(drill)]);
  renderDrills();
  select(drill.id);
}

// --- The drill list ------------------------------------------------------------------------------------------

function summary(drill) {
  return {
    id: drill.id, name: drill.name, place: drill.place, scenarioId: drill.scenarioId, title: drill.title,
    titleEn: drill.titleEn, state: drill.state, speed: drill.speed, autopilot: drill.autopilot, createdAt: drill.createdAt,
  };
}

/** The list shows the drills in use, or (the archive button pressed) the archived ones. */
let showingArchived = false;

async function loadDrills() {
  try {
    ({ drills } = await api('GET', showingArchived ? '/drills?archived=true' : '/drills'));
    drillsLoaded = true;
    renderDrills();
  } catch (error) {
    showMessage(describe(error));
  }
}

function renderDrills() {
  const list = $('drill-list');
  if (drills.length === 0) {
    list.replaceChildren(el('li', { class: 'empty' }, drillsLoaded ? t('noDrills') : t('loading')));
    return;
  }
  list.replaceChildren(...[...drills].reverse().map((drill) => {
    const item = el('li', { 'data-drill': drill.id });
    if (drill.id === drillId) item.setAttribute('aria-current', 'true');
    const link = el('a', { href: `?drill=${encodeURIComponent(drill.id)}` });
    const state = el('span', { class: 'state-badge', 'data-state': drill.state }, t(`state_${drill.state}`));
    // A drill goes by the name its director gave it; unnamed ones by their scenario and creation time.
    link.append(el('span', { class: 'drill-title' }, drill.name || pick(drill, 'title')), state);
    const meta = el('span', { class: 'drill-meta muted' }, [drill.name ? pick(drill, 'title') : null, drill.place,
      when(drill.createdAt), `${drill.speed}×`, drill.autopilot ? t('autopilot') : null].filter(Boolean).join(' · '));
    link.append(meta);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      select(drill.id);
    });
    item.append(link);
    return item;
  }));
}

// --- The current drill ---------------------------------------------------------------------------------------

function select(id, push = true) {
  if (push && id !== drillId) {
    const url = new URL(window.location.href);
    url.searchParams.set('drill', id);
    window.history.pushState(null, '', url.pathname + url.search);
  }
  follow(id);
}

async function follow(id) {
  live?.stop();
  live = null;
  drillId = id;
  shownSpeed = null;
  renderDrills();
  showPanels(false);
  setStatus('offline');
  if (!id) {
    $('title').textContent = '';
    return;
  }
  try {
    // Read it once over HTTP first: an unknown drill or a refused token is a message, not a silent reconnect loop.
    const drill = await api('GET', `/drills/${encodeURIComponent(id)}`);
    if (drillId !== id) return;
    loadPlatforms(drill.scenarioId);
    live = new LiveDrill(id, jwt, () => queueRender(), (status) => setStatus(status)).start();
  } catch (error) {
    showMessage(describe(error));
    showPanels(false);
  }
}

async function loadPlatforms(scenarioId) {
  try {
    const scenario = await api('GET', `/scenarios/${encodeURIComponent(scenarioId)}`);
    const named = Object.keys(scenario.opinion?.platforms || {});
    platforms = named.length ? named : DEFAULT_PLATFORMS;
  } catch (error) {
    platforms = DEFAULT_PLATFORMS;
    showMessage(describe(error));
  }
  renderPlatforms();
}

function renderPlatforms() {
  const select = $('adhoc-platform');
  const chosen = select.value;
  select.replaceChildren(...platforms.map((p) => {
    const label = t(`platform_${p}`);
    return el('option', { value: p }, label === `platform_${p}` ? p : label);
  }));
  if (platforms.includes(chosen)) select.value = chosen;
}

function showPanels(shown) {
  $('no-drill').hidden = shown;
  $('no-drill').textContent = drillId && !shown && !$('message').textContent ? t('loading') : t('noDrillSelected');
  $('control').hidden = !shown;
  $('injects-panel').hidden = !shown;
  $('board-panel').hidden = !shown;
  $('tokens-panel').hidden = !shown;
}

function render() {
  const drill = live?.drill;
  if (!drill || drill.id !== drillId) return;
  showPanels(true);
  $('title').textContent = pick(drill, 'title');
  document.title = `${t('pageConsole')} · ${pick(drill, 'title')}`;
  const listed = drills.find((d) => d.id === drill.id);
  if (listed && (listed.state !== drill.state || listed.speed !== drill.speed)) {
    Object.assign(listed, { state: drill.state, speed: drill.speed });
    renderDrills();
  }
  renderClock();
  renderControls(drill);
  renderInjects(drill);
  renderChannels(drill);
  renderBoard(drill);
  renderLinks(drill);
}

function renderClock() {
  const drill = live?.drill;
  if (!drill) return;
  const now = showClock(live);
  $('speed-now').textContent = drill.speed;
  $('autopilot-now').textContent = drill.autopilot ? t('autopilotOn') : t('autopilotOff');
  const { start, end } = drill.clock;
  const share = end > start ? Math.min(1, Math.max(0, (now - start) / (end - start))) : 0;
  $('day-fill').style.width = `${(share * 100).toFixed(1)}%`;
  $('day-start').textContent = hhmm(start);
  $('day-end').textContent = `${t('endsAt')} ${hhmm(end)}`;
}

function renderControls(drill) {
  const allows = (action) => drill.actions.includes(action);
  for (const command of CONTROLS) {
    $(command).disabled = !allows(command) || busy.has('command');
  }
  const input = $('speed');
  if (drill.speed !== shownSpeed && document.activeElement !== input) {
    input.value = drill.speed;
    shownSpeed = drill.speed;
  }
  input.disabled = !allows('speed');
  $('apply-speed').disabled = !allows('speed') || busy.has('speed');
  const archived = drills.find((d) => d.id === drill.id)?.archived === true;
  $('archive').hidden = archived || !allows('archive');
  $('unarchive').hidden = !archived;
  $('broadcast-send').disabled = !allows('broadcast') || busy.has('broadcast');
  $('broadcast-text').disabled = !allows('broadcast');
}

async function archive(archived) {
  const done = await submitHere('archive', $('control-status'),
    () => api('POST', `/drills/${drillId}/${archived ? 'archive' : 'unarchive'}`), t(archived ? 'archived' : 'unarchived'));
  if (done) loadDrills();
}

/** A message to every team; said sent (or refused) beside the form, where the director is looking. */
async function sendBroadcast(event) {
  event.preventDefault();
  const text = $('broadcast-text').value.trim();
  if (!text) return;
  const sent = await submitHere('broadcast', $('broadcast-status'),
    () => api('POST', `/drills/${drillId}/broadcasts`, { text }), t('broadcastSent'));
  if (sent) $('broadcast-text').value = '';
}

async function command(name) {
  if (name === 'stop' && !window.confirm(t('confirmStop'))) return;
  await submitHere('command', $('control-status'), () => api('POST', `/drills/${drillId}/${name}`),
    t(`done_${name}`));
}

async function applySpeed(event) {
  event.preventDefault();
  const speed = Number($('speed').value);
  const drill = await submitHere('speed', $('control-status'), () => api('PUT', `/drills/${drillId}/speed`, { speed }),
    format('speedSet', speed));
  if (drill) shownSpeed = null;
}

// --- The task board: every team's tasks, overdue first, the next injects and any fired out of order -----------

/** Overdue first (not done), then the open tasks, then those not yet set, then the done; each by due time. */
function boardTasks(drill, now) {
  const late = (task) => task.state !== 'done' && (task.overdue || (task.deadline !== null && now > task.deadline));
  const rank = ({ task, isLate }) => (isLate ? 0 : task.state === 'done' ? 3 : task.state === 'waiting' ? 2 : 1);
  return drill.teams.flatMap((team) => team.tasks.map((task) => ({ team, task, isLate: late(task) })))
    .sort((a, b) => rank(a) - rank(b) || (a.task.deadline ?? Infinity) - (b.task.deadline ?? Infinity));
}

function renderBoard(drill) {
  const now = live.simNow() ?? drill.simTime;
  $('board').replaceChildren(...boardTasks(drill, now).map(({ team, task, isLate: late }) => {
    const tr = el('tr', { 'data-task': task.id, 'data-state': task.state, 'data-late': String(late) });
    const left = task.deadline === null || task.state === 'done' ? '—'
      : late ? format('overdueBy', duration((now - task.deadline) / 1000)) : duration((task.deadline - now) / 1000);
    const state = el('td');
    const stateText = late ? t('overdue') : t(`task_${task.state}`);
    state.append(el('span', { class: 'task-state', 'data-state': task.state }, stateText));
    tr.append(el('td', {}, pick(team, 'name')), el('td', { class: 'task-title' }, pick(task, 'title')), state,
      el('td', { class: 'time' }, task.deadline === null ? '—' : hhmm(task.deadline)),
      el('td', { class: 'time' }, left));
    return tr;
  }));
  // On a phone each row is a card, each value under its column's name; the board is rebuilt every second on its own.
  labelColumns($('board').closest('table'));
  renderNextInjects(drill, now);
  renderOrderWarning(drill);
}

/** The next scripted injects with the sim time left until each. */
function renderNextInjects(drill, now) {
  const next = drill.injects.filter((i) => i.kind === 'timeline' && i.firedAt === null).sort((a, b) => a.at - b.at)
    .slice(0, 3);
  $('next-injects').replaceChildren(...next.map((inject) => el('li', { 'data-inject': inject.id },
    format('nextInjectIn', hhmm(inject.at), pick(inject, 'title'), duration(Math.max(0, inject.at - now) / 1000)))));
}

/** An inject fired while one scripted before it had not: the room is off the script. */
function renderOrderWarning(drill) {
  const scripted = drill.injects.filter((i) => i.kind === 'timeline');
  const early = scripted.filter((fired) => fired.firedAt !== null)
    .map((fired) => ({ fired, skipped: scripted.filter((o) => o.firedAt === null && o.at < fired.at) }))
    .filter(({ skipped }) => skipped.length > 0);
  const warning = $('order-warning');
  warning.hidden = early.length === 0;
  warning.textContent = early.map(({ fired, skipped }) => format('firedOutOfOrder', pick(fired, 'title'),
    skipped.map((o) => pick(o, 'title')).join('、'))).join(' ');
}

// --- Injects -------------------------------------------------------------------------------------------------

/** Keeps one row per key in a tbody, updating rows in place so that buttons survive live updates. */
function keyedRows(tbody, items, keyOf, create, update) {
  const existing = new Map([...tbody.children].map((row) => [row.dataset.key, row]));
  const rows = items.map((item) => {
    const key = keyOf(item);
    let row = existing.get(key);
    if (!row) {
      row = create(item);
      row.dataset.key = key;
    }
    update(row, item);
    return row;
  });
  const same = rows.length === tbody.children.length && rows.every((row, i) => tbody.children[i] === row);
  if (!same) tbody.replaceChildren(...rows);
}

/** The scenario's name for a channel; for one it does not label (an ad-hoc inject's), the console's own. */
/** A scenario's time as the API gives it ("09:30:00", "D2 12:00:00") without its seconds. */
function withoutSeconds(time) {
  return time.replace(/:\d\d(\.\d+)?$/, '');
}

function channelName(drill, channel) {
  if (drill.labels?.channels?.[channel]) return label(drill, 'channels', channel);
  const own = t(`channel_${channel}`);
  return own === `channel_${channel}` ? channel : own;
}

function renderInjects(drill) {
  const injectable = drill.actions.includes('inject');
  $('injects-when').hidden = injectable || drill.state === 'ended';
  keyedRows($('injects'), drill.injects, (inject) => inject.id, (inject) => {
    const row = el('tr', { 'data-inject': inject.id });
    const fire = el('button', { type: 'button', class: 'small', 'data-action': 'fire' });
    fire.addEventListener('click', () => submitHere(`fire:${inject.id}`, $('injects-status'),
      () => api('POST', `/drills/${drillId}/injects/${encodeURIComponent(inject.id)}/fire`),
      format('injectFiredNow', pick(inject, 'title'))));
    const action = el('td', { class: 'action' });
    action.append(fire);
    const title = el('td', { class: 'inject-title' });
    title.append(el('span', { class: 'title-text' }), el('div', { class: 'inject-status muted' }));
    row.append(el('td', { class: 'time' }), el('td', { class: 'time fired' }), el('td', { class: 'channel' }), title,
      action);
    return row;
  }, (row, inject) => {
    const fired = inject.firedAt !== null;
    row.dataset.fired = String(fired);
    const [at, firedAt, channel, title, action] = row.children;
    row.dataset.kind = inject.kind;
    if (inject.kind === 'timeline') {
      at.textContent = hhmm(inject.at);
    } else {
      // Ad-hoc, contingency and held injects have no time of their own to show: a tag says what they are.
      const tag = { adHoc: 'adHoc', contingency: 'contingency', held: 'held' }[inject.kind];
      at.replaceChildren(el('span', { class: `tag ${inject.kind.toLowerCase()}` }, t(tag)));
    }
    firedAt.textContent = fired ? clock(inject.firedAt) : t('notFired');
    firedAt.classList.toggle('muted', !fired);
    channel.textContent = channelName(drill, inject.channel);
    title.firstChild.textContent = pick(inject, 'title');
    const status = inject.kind === 'contingency' ? contingencyStatus(drill, inject)
      : inject.kind === 'held' && !fired ? t('heldHint') : '';
    title.lastChild.textContent = status;
    title.lastChild.hidden = status === '';
    const button = action.firstChild;
    button.textContent = t('fireNow');
    button.hidden = fired;
    button.disabled = fired || !injectable || busy.has(`fire:${inject.id}`);
  });
  labelColumns($('injects').closest('table'));
  $('adhoc-send').disabled = !injectable || busy.has('adhoc');
}

/**
 * Runs a form's call and says how it went beside the form, in the page's language: a refusal where its cause is,
 * not in a banner far above; a success confirmed.
 */
async function submitHere(key, status, call, confirmation) {
  status.textContent = '';
  delete status.dataset.kind;
  const result = await act(key, async () => {
    try {
      return await call();
    } catch (error) {
      status.textContent = describe(error);
      status.dataset.kind = 'error';
      return undefined;
    }
  });
  if (result) {
    status.textContent = confirmation;
    status.dataset.kind = 'ok';
  }
  return result;
}

/** The channels the scenario labels (its own and the built-in ones), picked by name rather than typed as ids. */
function renderChannels(drill) {
  const select = $('adhoc-channel');
  const ids = Object.keys(drill.labels?.channels ?? {});
  const key = `${lang()}|${ids.join(',')}`;
  if (select.dataset.key === key) return;
  select.dataset.key = key;
  const chosen = select.value || 'notice';
  select.replaceChildren(...ids.map((id) => el('option', { value: id }, label(drill, 'channels', id))));
  select.value = ids.includes(chosen) ? chosen : ids[0] ?? '';
}

async function sendAdHoc(event) {
  event.preventDefault();
  const body = { title: $('adhoc-title').value.trim() };
  const text = $('adhoc-text').value.trim();
  if (text) body.text = text;
  if ($('adhoc-channel').value) body.channel = $('adhoc-channel').value;
  if ($('adhoc-posts').value.trim() !== '') {
    body.opinion = { posts: Number($('adhoc-posts').value), platform: $('adhoc-platform').value };
    if ($('adhoc-spread').value) body.opinion.spread = $('adhoc-spread').value;
  }
  const drill = await submitHere('adhoc', $('adhoc-status'),
    () => api('POST', `/drills/${drillId}/injects`, body), t('injectSent'));
  if (drill) {
    for (const id of ['adhoc-title', 'adhoc-text', 'adhoc-posts']) $(id).value = '';
  }
}

// --- Links with tokens ---------------------------------------------------------------------------------------

function linkTargets(drill) {
  return [
    ...drill.teams.map((team) => ({ key: `team:${team.id}`, role: 'team', team: team.id, label: pick(team, 'name') })),
    { key: 'observer', role: 'observer', label: t('observerLink') },
    { key: 'feed', role: 'observer', page: '/feed.html', label: t('feedLink') },
    { key: 'evaluator', role: 'evaluator', label: t('evaluatorLink') },
  ];
}

function linkUrl(target, issued) {
  const drill = encodeURIComponent(drillId);
  const tokenParam = encodeURIComponent(issued.token);
  if (target.role === 'team') return `${window.location.origin}${issued.link}&drill=${drill}`;
  if (target.role === 'evaluator') return `${window.location.origin}/evaluate.html?drill=${drill}&token=${tokenParam}`;
  return `${window.location.origin}${target.page ?? '/'}?drill=${drill}&token=${tokenParam}`;
}

function renderLinks(drill) {
  if (linksFor !== drill.id) {
    links = new Map();
    linksFor = drill.id;
  }
  keyedRows($('links'), linkTargets(drill), (target) => target.key, (target) => {
    const row = el('tr', { 'data-link': target.key });
    const issue = el('button', { type: 'button', class: 'small', 'data-action': 'issue' });
    // Whom the link is for: a person (the report names evaluators) or a screen; asked beside the button.
    const name = el('input', { type: 'text', class: 'link-name', maxlength: '40', 'aria-label': t('linkName') });
    issue.addEventListener('click', () => issueLink(target, name.value.trim()));
    const button = el('td', { class: 'action' });
    button.append(name, issue);
    row.append(el('th', { class: 'who-for', scope: 'row' }), button, el('td', { class: 'link-cell' }));
    return row;
  }, (row, target) => {
    const [name, button, cell] = row.children;
    const holder = links.get(target.key)?.named;
    name.textContent = holder ? `${target.label} · ${holder}` : target.label;
    const [nameInput, issue] = button.children;
    nameInput.placeholder = t(target.role === 'observer' ? 'linkScreenName' : 'linkName');
    issue.textContent = t('issueLink');
    issue.disabled = busy.has(`link:${target.key}`);
    const issued = links.get(target.key);
    if (!issued) {
      delete cell.dataset.url;
      cell.replaceChildren(el('span', { class: 'muted' }, t('notIssued')));
    } else if (cell.dataset.url !== issued.url) {
      cell.dataset.url = issued.url;
      const anchor = el('a', { href: issued.url, target: '_blank', rel: 'noopener noreferrer', class: 'mono link-url',
        title: issued.url }, issued.url);
      const copy = el('button', { type: 'button', class: 'small', 'data-action': 'copy' }, t('copy'));
      copy.addEventListener('click', () => copyLink(copy, anchor, issued.url));
      const tools = el('span', { class: 'link-tools' });
      tools.append(copy, el('span', { class: 'muted expiry' }, `${t('validUntil')} ${when(Date.parse(issued.expiresAt))}`));
      const box = el('div', { class: 'link-box' });
      box.append(anchor, tools);
      // Scanned from the screen or the printed sheet, on the phone that will use it.
      cell.replaceChildren(box, qrCode(issued.url, `${target.label} QR`));
    } else {
      cell.querySelector('[data-action=copy]').textContent = t('copy');
      cell.querySelector('.expiry').textContent = `${t('validUntil')} ${when(Date.parse(issued.expiresAt))}`;
    }
  });
}

async function issueLink(target, name) {
  const body = { role: target.role, ttl: $('ttl').value };
  if (target.team) body.team = target.team;
  if (name) body.name = name;
  const forDrill = drillId;
  const issued = await submitHere(`link:${target.key}`, $('links-status'), () => api('POST', '/tokens', body),
    format('linkIssued', target.label));
  if (!issued || forDrill !== drillId) return;
  links.set(target.key, { ...issued, url: linkUrl(target, issued), named: name || null });
  render();
}

/** Every link at once, each for the name typed beside it (if any). */
async function issueAll() {
  const drill = live?.drill;
  if (!drill) return;
  for (const target of linkTargets(drill)) {
    const name = document.querySelector(`#links tr[data-link="${target.key}"] input.link-name`)?.value.trim();
    await issueLink(target, name);
  }
}

/** The sheet to print: the drill's name above the links, their QR codes beside them (console.css, @media print). */
function printLinks() {
  const drill = live?.drill;
  $('sheet-title').textContent = drill ? `${drill.name || pick(drill, 'title')} · ${t('linkSheet')}` : '';
  window.print();
}

async function copyLink(button, anchor, url) {
  try {
    if (!navigator.clipboard) throw new Error('clipboard unavailable');
    await navigator.clipboard.writeText(url);
    button.textContent = t('copied');
    setTimeout(() => { button.textContent = t('copy'); }, 1500);
  } catch {
    // Without clipboard access (plain http off localhost), select the link so that Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(anchor);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
  }
}

// --- Start-up ------------------------------------------------------------------------------------------------

function showWho() {
  const who = claims(jwt);
  showIdentity(who);
  $('role-notice').hidden = who.role === 'director';
}

function main() {
  translate();
  languageButton($('lang'));
  onLanguageChange(() => {
    refreshStatus();
    showWho();
    renderScenarios();
    renderPlatforms();
    renderDrills();
    renderBusy();
  });
  $('message').addEventListener('click', clearMessage);
  jwt = token();
  if (!jwt) {
    showMessage(t('noToken'));
    $('create').disabled = true;
    return;
  }
  showWho();
  renderPlatforms();
  $('create-form').addEventListener('submit', createDrill);
  $('scenario').addEventListener('change', renderScenarioInfo);
  $('export-workbook').addEventListener('click', exportWorkbook);
  $('import-workbook').addEventListener('click', () => $('workbook-file').click());
  $('workbook-file').addEventListener('change', importWorkbook);
  $('refresh').addEventListener('click', () => { clearMessage(); loadDrills(); });
  for (const name of CONTROLS) $(name).addEventListener('click', () => command(name));
  $('speed-form').addEventListener('submit', applySpeed);
  $('adhoc-form').addEventListener('submit', sendAdHoc);
  $('broadcast-form').addEventListener('submit', sendBroadcast);
  $('issue-all').addEventListener('click', issueAll);
  $('print-links').addEventListener('click', printLinks);
  $('archive').addEventListener('click', () => archive(true));
  $('unarchive').addEventListener('click', () => archive(false));
  $('show-archived').addEventListener('click', () => {
    showingArchived = !showingArchived;
    $('show-archived').setAttribute('aria-pressed', String(showingArchived));
    loadDrills();
  });
  window.addEventListener('popstate', () => follow(new URL(window.location.href).searchParams.get('drill')));
  setInterval(() => live?.drill && renderClock(), 250);
  // The board's countdowns move with the clock, not only with frames.
  setInterval(() => live?.drill && renderBoard(live.drill), 1000);
  $('report-open').addEventListener('click', (event) => {
    event.preventDefault();
    act('report', () => openReport(drillId, lang()));
  });
  loadScenarios();
  loadDrills();
  follow(new URL(window.location.href).searchParams.get('drill'));
}

main();

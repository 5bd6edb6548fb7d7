// Pieces the working pages (console, team desk, evaluator) share: running a user's API call, and the drill picker.

import { api, describe } from './api.js';
import { dayLabel, timeOfDay } from './format.js';
import { pick, t } from './i18n.js';
import { LiveDrill } from './live.js';
import { $, clearMessage, el, setStatus, showMessage, when } from './dom.js';

/**
 * Runs API calls for user actions: while one runs its key is busy (so its controls can show it and refuse a second
 * click), and a refusal goes to #message, never swallowed. {@code refresh} redraws the controls.
 */
export function userActions(refresh) {
  const busy = new Set();
  async function act(key, call) {
    if (busy.has(key)) return undefined;
    busy.add(key);
    clearMessage();
    refresh();
    try {
      return await call();
    } catch (error) {
      showMessage(describe(error));
      return undefined;
    } finally {
      busy.delete(key);
      refresh();
    }
  }
  return { act, busy };
}

const ROLE_KEYS = {
  director: 'roleDirector', team: 'roleTeam', evaluator: 'roleEvaluator', observer: 'roleObserver', injector: 'roleInjector',
};

/** Names the token's holder in the header's #who: its role, in the page's language, and its subject. */
export function showIdentity(who) {
  const role = ROLE_KEYS[who.role] ? t(ROLE_KEYS[who.role]) : who.role || '';
  $('who').textContent = [role, who.sub].filter(Boolean).join(' · ');
}

/** Lists the drills, newest first, in #drill-list; each links to this page with ?drill=ID. */
export async function showDrillPicker() {
  $('picker').hidden = false;
  const list = $('drill-list');
  try {
    const { drills } = await api('GET', '/drills');
    list.replaceChildren();
    if (drills.length === 0) list.append(el('li', { class: 'empty' }, t('noDrills')));
    for (const drill of [...drills].reverse()) {
      const url = new URL(window.location.href);
      url.searchParams.set('drill', drill.id);
      const link = el('a', { href: url.pathname + url.search });
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

/** A big sim clock: the time of day, led by a smaller day in a drill across days. */
export function showSimClock(target, simMs) {
  const day = dayLabel(simMs);
  target.replaceChildren(...(day ? [el('span', { class: 'clock-day' }, day), ' '] : []), timeOfDay(simMs));
}

/** The drill's sim clock (#sim-clock) and state badge (#drill-state); returns the sim time shown. */
export function showClock(live) {
  const now = live.simNow();
  showSimClock($('sim-clock'), now);
  const state = $('drill-state');
  state.dataset.state = live.drill.state;
  state.textContent = t(`state_${live.drill.state}`);
  return now;
}

/**
 * Reads the drill once over HTTP, so that an unknown drill or a refused token becomes a message rather than a silent
 * reconnect loop, then follows it live: {@code loaded} gets the first snapshot, {@code changed} every frame, and
 * {@code tick} runs four times a second to move the clock between frames.
 */
export async function followDrill(drillId, jwt, { loaded, changed, tick }) {
  try {
    const first = await api('GET', `/drills/${encodeURIComponent(drillId)}`);
    loaded(first);
    const live = new LiveDrill(drillId, jwt, changed, setStatus).start();
    setInterval(() => live.drill && tick(), 250);
    return live;
  } catch (error) {
    showMessage(describe(error));
    if (error.status === 404) showDrillPicker();
    return null;
  }
}

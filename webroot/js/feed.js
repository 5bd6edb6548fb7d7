// The simulated media feed of one drill: its posts, newest first, styled after each platform, in zh or en.

import { token } from './api.js';
import { clock } from './format.js';
import { label, languageButton, onLanguageChange, pick, t, translate } from './i18n.js';
import { followDrill, showDrillPicker } from './pages.js';
import { postCard, newestFirst } from './feed-view.js';
import { $, el, clearMessage, showMessage, onNextFrame, refreshStatus } from './dom.js';

/** How many posts the page keeps on screen: the newest. */
const SHOWN = 100;
const queueRender = onNextFrame(() => render());
let live = null;
let platform = null;

function render() {
  const drill = live?.drill;
  if (!drill) return;
  $('title').textContent = pick(drill, 'title');
  renderTabs(drill);
  const posts = newestFirst(live.feed, platform).slice(0, SHOWN);
  const empty = $('feed-empty');
  empty.hidden = posts.length > 0;
  empty.textContent = live.feed.length === 0 ? t('feedEmpty') : t('feedEmptyHere');
  const list = $('feed');
  const same = list.children.length === posts.length
    && [...list.children].every((card, i) => card.dataset.post === posts[i].id);
  if (!same) list.replaceChildren(...posts.map((post) => postCard(drill, post)));
}

/** One tab for all platforms and one for each platform the drill's opinion model uses. */
function renderTabs(drill) {
  const platforms = [null, ...Object.keys(drill.labels?.platforms || {})];
  const tabs = $('platforms');
  tabs.replaceChildren(...platforms.map((id) => {
    const tab = el('button', { type: 'button', 'data-platform': id ?? 'all', 'aria-pressed': String(id === platform) },
      id === null ? t('allPlatformsTab') : label(drill, 'platforms', id));
    tab.addEventListener('click', () => {
      platform = id;
      render();
    });
    return tab;
  }));
}

async function follow(drillId, jwt) {
  live = await followDrill(drillId, jwt, {
    loaded: () => { $('feed-panel').hidden = false; },
    changed: () => queueRender(),
    tick: () => { $('sim-clock').textContent = clock(live.simNow()); },
  });
}

function main() {
  translate();
  languageButton($('lang'));
  onLanguageChange(() => {
    refreshStatus();
    render();
  });
  $('message').addEventListener('click', clearMessage);
  const jwt = token();
  if (!jwt) {
    showMessage(t('noToken'));
    return;
  }
  const drillId = new URL(window.location.href).searchParams.get('drill');
  if (drillId) follow(drillId, jwt); else showDrillPicker();
}

main();

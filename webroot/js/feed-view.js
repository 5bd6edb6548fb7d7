// The simulated media feed's posts as cards styled after their platform: the feed page and the wall's feed panel.

import { hhmm } from './format.js';
import { format, label, pick, t } from './i18n.js';
import { el } from './dom.js';

/** Platforms with a look of their own; any other is shown plainly. */
const STYLED = new Set(['wechat', 'weibo', 'douyin', 'news']);

/** One post: who, where and when, what it answers, and its text in the page's language. */
export function postCard(drill, post) {
  const official = post.kind === 'statement';
  const card = el('li', {
    class: `post${official ? ' official' : ''}`, 'data-post': post.id, 'data-kind': post.kind,
    'data-sentiment': post.sentiment, 'data-platform': STYLED.has(post.platform) ? post.platform : 'other',
  });
  const head = el('div', { class: 'post-head' });
  head.append(el('span', { class: 'platform' }, label(drill, 'platforms', post.platform)),
    el('span', { class: 'author' }, post.author));
  if (official) head.append(el('span', { class: 'badge' }, t('officialBadge')));
  head.append(el('span', { class: 'when' }, hhmm(post.at)));
  card.append(head);
  if (post.parentAuthor) {
    card.append(el('div', { class: 'answers' }, format(post.kind === 'repost' ? 'repostOf' : 'replyTo', post.parentAuthor)));
  }
  card.append(el('p', { class: 'text' }, pick(post, 'text')));
  return card;
}

/** The newest posts first, on one platform or all (null). */
export function newestFirst(posts, platform = null) {
  return posts.filter((post) => platform === null || post.platform === platform).slice().reverse();
}

// The list of stored articles, newest first as the API returns them.

import { api } from '../api.js';
import { h, num, route, table, pageHead, empty, articleHref } from '../dom.js';

const PAGE = 50;

export async function articles({ params }) {
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const r = await api('articles', { limit: PAGE, offset });
  const list = r.articles || [];
  const at = (o) => route('articles', { offset: o || null });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('a', { class: 'button secondary', href: at(Math.max(0, offset - PAGE)), 'aria-disabled': offset === 0 ? 'true' : null }, '← Previous'),
    h('span', { class: 'muted' }, r.total ? `${num(offset + 1)}–${num(Math.min(r.total, offset + PAGE))} of ${num(r.total)}` : '0 articles'),
    h('a', { class: 'button secondary', href: at(offset + PAGE), 'aria-disabled': offset + PAGE >= r.total ? 'true' : null }, 'Next →'));
  const rows = list.map((a) => h('tr', { 'data-testid': 'article-row' },
    h('td', { class: 'nowrap' }, a.date || '–'),
    h('td', null, h('a', { href: articleHref(a.doc) }, a.title || a.doc),
      a.duplicate_of ? h('span', { class: 'badge', title: `duplicate of ${a.duplicate_of}` }, 'duplicate') : null),
    h('td', null, a.outlet || '–'),
    h('td', { class: 'small' }, h('a', { href: route('events', { doc: a.doc }) }, 'events'))));
  const node = h('div', { 'data-testid': 'articles' },
    pageHead('Articles', `${num(r.total)} stored`), pager,
    rows.length ? table(['Date', 'Title', 'Outlet', ''], rows) : empty('No articles stored.'));
  return { title: 'Articles', node };
}

// Full-text search over sentences and quotes, with the matched words marked.

import { api, actorList } from '../api.js';
import { h, num, route, pageHead, field, filterForm, empty, articleHref, actorChip } from '../dom.js';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The snippet as [{text, hit}] parts: from the API's parts when it sends them, else read
 * from snippet_html (escaped text whose only tags are <mark>), decoded to plain text, so
 * nothing is ever parsed as HTML.
 */
export function snippetParts(hit) {
  const given = hit.snippet_parts || hit.parts;
  if (Array.isArray(given)) return given.map((p) => ({ text: String(p.text), hit: Boolean(p.hit) }));
  const html = hit.snippet_html;
  if (typeof html !== 'string') return [{ text: hit.snippet || hit.text || '', hit: false }];
  const parts = [];
  let marked = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ text: piece.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]), hit: marked });
  }
  return parts;
}

function snippet(hit) {
  return h('p', { class: 'snippet', 'data-testid': 'snippet' },
    snippetParts(hit).map((p) => (p.hit ? h('mark', null, p.text) : p.text)));
}

function hitItem(hit) {
  const events = hit.events || [];
  return h('li', { 'data-testid': 'search-hit', 'data-kind': hit.kind },
    h('div', { class: 'hit-meta' },
      h('span', { class: 'badge' }, hit.kind === 'quote' ? 'quote' : 'sentence'),
      hit.speaker ? h('span', null, 'said by ', actorChip(hit.speaker)) : null,
      h('a', { href: articleHref(hit.doc, { s: hit.sentence }), 'data-testid': 'hit-article' }, hit.doc, ` · sentence ${hit.sentence + 1}`),
      hit.article_date ? h('span', null, hit.article_date) : null),
    snippet(hit),
    events.length ? h('div', { class: 'hit-meta' }, 'Events: ', events.map((e, i) => [i ? ' · ' : '',
      h('a', { href: route('events', { doc: hit.doc, cameo: e.cameo }) }, h('code', null, e.cameo), ` ${e.cameo_name}`),
      ` (${e.source || '?'} → ${e.target || '?'}${e.date ? `, ${e.date}` : ''})`])) : null);
}

export async function search({ params }) {
  const q = {
    q: params.get('q') || '', scope: params.get('scope') || 'all', actor: params.get('actor') || '',
    cameo: params.get('cameo') || '', from: params.get('from') || '', to: params.get('to') || '',
    limit: params.get('limit') || '',
  };
  const actors = await actorList();
  const form = filterForm('search', [
    field('q', 'Words', q.q, { wide: true, placeholder: 'nuclear talks, "cease-fire"', required: true }),
    field('scope', 'In', q.scope, { options: [['all', 'Sentences and quotes'], ['sentences', 'Sentences'], ['quotes', 'Quotes']] }),
    field('actor', 'Actor', q.actor, { list: 'search-actors' }),
    field('cameo', 'CAMEO', q.cameo),
    field('from', 'From', q.from, { type: 'date' }),
    field('to', 'To', q.to, { type: 'date' }),
    field('limit', 'Results', q.limit, { options: [['20', '20'], ['50', '50'], ['100', '100']], default: '20' }),
  ], 'Search', 'search-form');
  const datalist = h('datalist', { id: 'search-actors' }, actors.map((a) => h('option', { value: a.code }, a.name || a.code)));
  if (!q.q.trim()) {
    return { title: 'Search', node: h('div', { 'data-testid': 'search' }, pageHead('Search', 'Words in sentences and quotes; "quotes" for a phrase.'), form, datalist) };
  }
  let results;
  try {
    const r = await api('search', q);
    const hits = r.hits || [];
    results = hits.length
      ? [h('p', { class: 'muted', 'data-testid': 'hit-count' }, `${num(hits.length)} best matches`),
        h('ol', { class: 'hits', 'data-testid': 'hits' }, hits.map(hitItem))]
      : empty(`Nothing matches “${q.q}”.`);
  } catch (err) {
    if (err.status !== 400) throw err;
    results = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, err.message);
  }
  const node = h('div', { 'data-testid': 'search' }, pageHead('Search', `“${q.q}”`), form, datalist, results);
  return { title: `Search: ${q.q}`, node };
}

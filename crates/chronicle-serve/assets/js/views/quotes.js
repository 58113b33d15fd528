// Quotes: who said what and when, filtered by speaker, actor, words and dates.

import { api, actorList } from '../api.js';
import { h, num, pageHead, field, filterForm, table, empty, articleHref, actorChip } from '../dom.js';

export async function quotes({ params }) {
  const q = {
    speaker: params.get('speaker') || '', actor: params.get('actor') || '', q: params.get('q') || '',
    from: params.get('from') || '', to: params.get('to') || '', limit: params.get('limit') || '100',
  };
  const actors = await actorList();
  const form = filterForm('quotes', [
    field('speaker', 'Speaker', q.speaker, { placeholder: 'name as written' }),
    field('actor', 'Actor', q.actor, { list: 'quote-actors', placeholder: 'USA' }),
    field('q', 'Words', q.q, { wide: true }),
    field('from', 'From', q.from, { type: 'date' }),
    field('to', 'To', q.to, { type: 'date' }),
    field('limit', 'Rows', q.limit, { options: [['50', '50'], ['100', '100'], ['500', '500']] }),
  ], 'Filter', 'quote-filters');
  const datalist = h('datalist', { id: 'quote-actors' }, actors.map((a) => h('option', { value: a.code }, a.name || a.code)));
  let body;
  try {
    const r = await api('quotes', q);
    const list = r.quotes || [];
    body = list.length
      ? [h('p', { class: 'muted', 'data-testid': 'quote-count' }, `${num(list.length)} quotes`),
        table(['Said', 'Speaker', 'Words', 'Cue', 'Article'], list.map((x) => h('tr', { 'data-testid': 'quote-row' },
          h('td', { class: 'nowrap' }, x.date || h('span', { class: 'muted' }, '–'),
            x.date && x.date_source && x.date_source !== 'article' ? h('div', { class: 'small muted' }, `from ${x.date_source}`) : null),
          h('td', null, x.speaker ? actorChip(x.speaker) : null, ' ', x.speaker_text || (x.speaker ? x.speaker.text : h('span', { class: 'muted' }, 'unknown'))),
          h('td', { class: 'sentence' }, `“${x.content}” `, x.kind ? h('span', { class: 'badge', title: 'quote kind' }, x.kind) : null),
          h('td', null, x.cue || ''),
          h('td', { class: 'small' }, h('a', { href: articleHref(x.doc, { s: x.sentence }) }, x.doc)))), { 'data-testid': 'quotes-table' })]
      : empty('No quotes match these filters.');
  } catch (err) {
    if (err.status !== 400) throw err;
    body = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, err.message);
  }
  const node = h('div', { 'data-testid': 'quotes' }, pageHead('Quotes', 'Direct and reported speech, with the speaker when it was found.'), form, datalist, body);
  return { title: 'Quotes', node };
}

// Timeline: the most important dates of an actor, a dyad or a topic, each with the
// sentences that best tell what happened, linked to their articles.

import { api, actorList } from '../api.js';
import { h, plural, signed, route, pageHead, field, filterForm, empty, articleHref } from '../dom.js';

function entry(e, subject) {
  const eventsHref = route('events', { ...subject, from: e.date, to: e.date });
  return h('li', { 'data-testid': 'timeline-entry' },
    h('div', null, h('span', { class: 'tl-date' }, e.date), ' ',
      h('span', { class: 'muted small' },
        h('a', { href: eventsHref }, plural(e.events, 'event')), ` · ${plural(e.articles, 'article')} · ${plural(e.outlets, 'outlet')} · score ${e.score.toFixed(1)}`)),
    (e.sentences || []).map((s) => h('blockquote', null,
      h('a', { href: articleHref(s.doc, { s: s.sentence_index }), 'data-testid': 'timeline-sentence' }, s.text),
      h('div', { class: 'small muted' },
        h('code', null, s.cameo), ` ${s.cameo_name} · ${s.source || '?'} → ${s.target || '?'} · Goldstein ${signed(s.goldstein)}`,
        s.outlet || s.title ? ` · ${[s.outlet, s.title].filter(Boolean).join(', ')}` : ''))));
}

export async function timeline({ params }) {
  const q = {
    actor: params.get('actor') || '', source: params.get('source') || '', target: params.get('target') || '',
    query: params.get('query') || '', from: params.get('from') || '', to: params.get('to') || '',
    max_dates: params.get('max_dates') || '10',
  };
  const actors = await actorList();
  const form = filterForm('timeline', [
    field('actor', 'Actor', q.actor, { list: 'tl-actors', placeholder: 'USA' }),
    field('source', 'or source', q.source, { list: 'tl-actors' }),
    field('target', 'and target', q.target, { list: 'tl-actors' }),
    field('query', 'or words', q.query, { wide: true, placeholder: 'ceasefire talks' }),
    field('from', 'From', q.from, { type: 'date' }),
    field('to', 'To', q.to, { type: 'date' }),
    field('max_dates', 'Dates', q.max_dates, { type: 'number', min: 1, max: 100 }),
  ], 'Show', 'timeline-form');
  const datalist = h('datalist', { id: 'tl-actors' }, actors.map((a) => h('option', { value: a.code }, a.name || a.code)));
  const subject = {};
  if (q.source && q.target) Object.assign(subject, { source: q.source, target: q.target });
  else if (q.actor) subject.actor = q.actor;
  const asked = q.actor || (q.source && q.target) || q.query;
  let body = null;
  let subtitle = 'An actor, a dyad (source and target) or words: the dates that mattered most.';
  if (asked) {
    try {
      const t = await api('timeline', q);
      subtitle = t.subject;
      body = (t.entries || []).length
        ? h('ol', { class: 'timeline', 'data-testid': 'timeline' }, t.entries.map((e) => entry(e, subject)))
        : empty('No dated events for this.');
    } catch (err) {
      if (err.status !== 400) throw err;
      body = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, err.message);
    }
  }
  const node = h('div', { 'data-testid': 'timeline-view' }, pageHead('Timeline', subtitle), form, datalist, body);
  return { title: 'Timeline', node };
}

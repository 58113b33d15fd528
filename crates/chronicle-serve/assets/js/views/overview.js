// Overview: what the database holds, the busiest actors and dyads. Every count links to
// the records behind it.

import { api } from '../api.js';
import { h, num, route, table, pageHead, empty } from '../dom.js';

function stat(label, value, href, testid) {
  const shown = h('span', { class: 'value', 'data-testid': `${testid}-value` }, num(value));
  return h('div', { class: 'stat', 'data-testid': testid },
    href ? h('a', { href, 'aria-label': `${num(value)} ${label}` }, shown) : shown,
    h('span', { class: 'label' }, label));
}

function actorsTable(actors) {
  if (!actors.length) return empty('No actors coded yet.');
  return table(['Actor', 'Name', ['Events', 'num'], ''], actors.map((a) => h('tr', { 'data-testid': 'top-actor' },
    h('td', null, h('a', { href: route('events', { actor: a.code }), class: 'actor-code' }, a.code)),
    h('td', null, a.name || h('span', { class: 'muted' }, '–')),
    h('td', { class: 'num' }, h('a', { href: route('events', { actor: a.code }), 'data-testid': 'actor-events' }, num(a.events))),
    h('td', { class: 'small' }, h('a', { href: route('timeline', { actor: a.code }) }, 'timeline')))),
  { 'data-testid': 'top-actors' });
}

function dyadsTable(dyads) {
  if (!dyads.length) return empty('No events with both a source and a target yet.');
  return table(['Dyad', ['Events', 'num'], ''], dyads.map((d) => h('tr', {
    'data-testid': 'top-dyad', 'data-source': d.source, 'data-target': d.target,
  },
  h('td', null, h('a', { href: route('dyad', { source: d.source, target: d.target }), 'data-testid': 'dyad-link' },
    h('span', { class: 'actor-code' }, d.source), ' → ', h('span', { class: 'actor-code' }, d.target))),
  h('td', { class: 'num' }, h('a', {
    href: route('events', { source: d.source, target: d.target }), 'data-testid': 'dyad-events',
  }, num(d.events))),
  h('td', { class: 'small' }, h('a', { href: route('timeline', { source: d.source, target: d.target }) }, 'timeline')))),
  { 'data-testid': 'top-dyads' });
}

export async function overview() {
  const o = await api('overview');
  const s = o.stats || {};
  const range = o.first_date
    ? h('span', null, 'Events dated ',
      h('a', { href: route('events', { from: o.first_date, to: o.first_date }) }, o.first_date), ' to ',
      h('a', { href: route('events', { from: o.last_date, to: o.last_date }) }, o.last_date))
    : 'No dated events yet.';
  const node = h('div', { 'data-testid': 'overview' },
    pageHead('Overview', range),
    h('div', { class: 'stats' },
      stat('Articles', s.articles, route('articles'), 'stat-articles'),
      stat('Events', s.events, route('events'), 'stat-events'),
      stat('Quotes', s.quotes, route('quotes'), 'stat-quotes'),
      stat('Sentences', s.sentences, null, 'stat-sentences'),
      stat('Actor mentions', s.mentions, null, 'stat-mentions'),
      stat('Duplicate articles', s.duplicates, null, 'stat-duplicates')),
    h('div', { class: 'grid2' },
      h('section', { class: 'panel', 'aria-labelledby': 'h-actors' },
        h('h2', { id: 'h-actors' }, 'Top actors'), actorsTable(o.top_actors || [])),
      h('section', { class: 'panel', 'aria-labelledby': 'h-dyads' },
        h('h2', { id: 'h-dyads' }, 'Top dyads'),
        h('p', { class: 'small muted' }, 'Source → target. Open a dyad for its cooperation–conflict chart.'),
        dyadsTable(o.top_dyads || []))));
  return { title: 'Overview', node };
}

// Events list: filters taken from the URL, paging through /api/events.

import { api, actorList } from '../api.js';
import {
  h, num, signed, route, table, pageHead, field, filterForm, empty, quadBadge, actorChip, articleHref, eventHref,
} from '../dom.js';

const PAGE = 50;
const FILTERS = ['actor', 'source', 'target', 'cameo', 'plover', 'doc', 'from', 'to'];

/** A table of EventRecords (shared by the events list and the article view). */
export function eventsTable(events, { showArticle = true } = {}) {
  const headers = ['Date', 'Source', 'Event', 'Target', ['Goldstein', 'num'], 'Quad class', 'Trigger'];
  if (showArticle) headers.push('Article');
  return table(headers, events.map((e) => h('tr', { 'data-testid': 'event-row', 'data-id': e.id },
    h('td', { class: 'nowrap' }, e.date || h('span', { class: 'muted', title: 'undated' }, '–')),
    h('td', null, actorChip(e.source)),
    h('td', null,
      e.id !== undefined && e.id !== null
        ? h('a', { href: eventHref(e.id), 'data-testid': 'event-link' }, h('code', null, e.cameo), ' ', e.cameo_name)
        : [h('code', null, e.cameo), ' ', e.cameo_name],
      e.negated ? h('span', { class: 'badge', title: 'negated' }, ' not') : null,
      e.modality && e.modality !== 'asserted' ? [' ', h('span', { class: 'badge' }, e.modality)] : null),
    h('td', null, actorChip(e.target)),
    h('td', { class: ['num', e.goldstein > 0 ? 'pos' : e.goldstein < 0 ? 'neg' : null] }, signed(e.goldstein)),
    h('td', null, quadBadge(e.quad_class)),
    h('td', null, e.trigger),
    showArticle ? h('td', { class: 'small' },
      h('a', { href: articleHref(e.doc, { s: e.sentence && e.sentence.index, e: e.id }) }, e.doc)) : null)),
  { 'data-testid': 'events-table' });
}

function describe(params) {
  const parts = [];
  if (params.source && params.target) parts.push(`${params.source} → ${params.target}`);
  else if (params.actor) parts.push(`actor ${params.actor}`);
  if (params.cameo) parts.push(`CAMEO ${params.cameo}`);
  if (params.plover) parts.push(`PLOVER ${params.plover}`);
  if (params.doc) parts.push(`article ${params.doc}`);
  if (params.from || params.to) parts.push(`${params.from || '…'} to ${params.to || '…'}`);
  return parts.length ? parts.join(', ') : 'All events';
}

function pager(params, offset, limit, total) {
  const prev = Math.max(0, offset - limit);
  const next = offset + limit;
  const at = (o) => route('events', { ...params, limit: limit === PAGE ? null : limit, offset: o || null });
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('a', { class: 'button secondary', href: at(prev), 'aria-disabled': offset === 0 ? 'true' : null, 'data-testid': 'prev-page' }, '← Previous'),
    h('span', { class: 'muted', 'data-testid': 'page-range' },
      total ? `${num(offset + 1)}–${num(Math.min(total, offset + limit))} of ${num(total)}` : '0 events'),
    h('a', { class: 'button secondary', href: at(next), 'aria-disabled': next >= total ? 'true' : null, 'data-testid': 'next-page' }, 'Next →'));
}

export async function events({ params: urlParams }) {
  const params = {};
  for (const k of FILTERS) if (urlParams.get(k)) params[k] = urlParams.get(k);
  const offset = Math.max(0, parseInt(urlParams.get('offset') || '0', 10) || 0);
  const limit = Math.min(1000, Math.max(1, parseInt(urlParams.get('limit') || `${PAGE}`, 10) || PAGE));
  const actors = await actorList();
  const form = filterForm('events', [
    field('actor', 'Actor', params.actor, { list: 'actor-codes', placeholder: 'USA' }),
    field('source', 'Source', params.source, { list: 'actor-codes' }),
    field('target', 'Target', params.target, { list: 'actor-codes' }),
    field('cameo', 'CAMEO', params.cameo, { placeholder: '19 or 190' }),
    field('plover', 'PLOVER', params.plover, { placeholder: 'ACCUSE' }),
    field('doc', 'Article', params.doc),
    field('from', 'From', params.from, { type: 'date' }),
    field('to', 'To', params.to, { type: 'date' }),
  ], 'Filter', 'event-filters');
  const datalist = h('datalist', { id: 'actor-codes' }, actors.map((a) => h('option', { value: a.code }, a.name || a.code)));
  let body;
  try {
    const r = await api('events', { ...params, limit, offset });
    body = [
      pager(params, offset, limit, r.total),
      r.events.length ? eventsTable(r.events) : empty('No events match these filters.'),
      r.events.length > 20 ? pager(params, offset, limit, r.total) : null,
    ];
  } catch (err) {
    if (err.status !== 400) throw err;
    body = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, err.message);
  }
    const json = `/api/events?${new URLSearchParams({ ...params, limit, offset })}`;
  const node = h('div', { 'data-testid': 'events' },
    pageHead('Events', describe(params), h('a', { href: json, class: 'small', title: 'These events as the API returns them' }, 'JSON')),
    form, datalist, body);
  return { title: `Events: ${describe(params)}`, node };
}

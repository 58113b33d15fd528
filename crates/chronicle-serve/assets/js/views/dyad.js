// Dyad view: pick a source, a target and a period; see how they cooperated and clashed
// over time, then open the events of any period.

import { api, actorList } from '../api.js';
import { h, num, plural, signed, route, table, pageHead, field, filterForm, empty, articleHref } from '../dom.js';
import { dyadChart } from '../chart.js';

const PERIODS = [['', 'Automatic'], ['day', 'Day'], ['week', 'Week'], ['month', 'Month'], ['year', 'Year']];

/**
 * The series by the asked period, or, when none is asked, by months unless that shows too
 * little (one or two months: by day) or too much (over ten years: by year).
 */
async function fetchSeries(q) {
  if (q.by) return api('dyad', q);
  const monthly = await api('dyad', { ...q, by: 'month' });
  const n = monthly.periods.length;
  if (n > 0 && n <= 2) {
    const daily = await api('dyad', { ...q, by: 'day' });
    return daily.periods.length <= 180 ? daily : monthly;
  }
  return n > 120 ? api('dyad', { ...q, by: 'year' }) : monthly;
}

function periodEventsHref(series, p) {
  return route('events', { source: series.source, target: series.target, from: p.start, to: p.end });
}

function totals(periods) {
  const sum = (f) => periods.reduce((acc, p) => acc + f(p), 0);
  const events = sum((p) => p.events);
  const gs = sum((p) => p.goldstein_sum);
  return {
    events,
    coop: sum((p) => p.verbal_cooperation + p.material_cooperation),
    conf: sum((p) => p.verbal_conflict + p.material_conflict),
    mean: events ? gs / events : null,
  };
}

function periodsTable(series) {
  const rows = series.periods.filter((p) => p.events > 0).map((p) => h('tr', { 'data-testid': 'dyad-row' },
    h('td', { class: 'nowrap' }, p.label),
    h('td', { class: 'num' }, h('a', { href: periodEventsHref(series, p) }, num(p.events))),
    h('td', { class: 'num' }, num(p.verbal_cooperation)),
    h('td', { class: 'num' }, num(p.material_cooperation)),
    h('td', { class: 'num' }, num(p.verbal_conflict)),
    h('td', { class: 'num' }, num(p.material_conflict)),
    h('td', { class: ['num', p.goldstein_mean > 0 ? 'pos' : p.goldstein_mean < 0 ? 'neg' : null] }, signed(p.goldstein_mean)),
    h('td', { class: 'small' }, (p.top_codes || []).map((c, i) => [i ? ', ' : '',
      h('a', { href: route('events', { source: series.source, target: series.target, cameo: c.cameo, from: p.start, to: p.end }), title: c.name },
        h('code', null, c.cameo)), ` ${c.name} (${num(c.count)})`])),
    h('td', { class: 'sentence small' }, p.evidence
      ? h('a', { href: articleHref(p.evidence.doc, { s: p.evidence.sentence_index }) }, p.evidence.sentence)
      : null)));
  return table(['Period', ['Events', 'num'], ['Verb. coop.', 'num'], ['Mat. coop.', 'num'], ['Verb. confl.', 'num'],
    ['Mat. confl.', 'num'], ['Goldstein', 'num'], 'Top event types', 'Most reported'], rows, { 'data-testid': 'dyad-table' });
}

function chartFigure(series) {
  const params = { source: series.source, target: series.target, by: series.by, from: series.from, to: series.to };
  const svgHref = `/api/dyad/chart.svg?${new URLSearchParams(Object.entries(params).filter(([, v]) => v))}`;
  return h('figure', { class: 'chart', 'data-testid': 'dyad-chart' },
    dyadChart(series, (p) => periodEventsHref(series, p)),
    h('figcaption', null,
      h('span', { class: 'key' }, h('i', { class: 'k-mc' }), 'material cooperation'),
      h('span', { class: 'key' }, h('i', { class: 'k-vc' }), 'verbal cooperation'),
      h('span', { class: 'key' }, h('i', { class: 'k-vf' }), 'verbal conflict'),
      h('span', { class: 'key' }, h('i', { class: 'k-mf' }), 'material conflict'),
      h('span', { class: 'key' }, h('i', { class: 'k-gs' }), 'mean Goldstein (right scale)'),
      h('span', null, 'Select a period to list its events. ', h('a', { href: svgHref }, 'SVG for print'))));
}

export async function dyad({ params }) {
  const q = {
    source: params.get('source') || '', target: params.get('target') || '',
    by: params.get('by') || '', from: params.get('from') || '', to: params.get('to') || '',
  };
  const actors = await actorList();
  const form = filterForm('dyad', [
    field('source', 'Source actor', q.source, { list: 'dyad-actors', placeholder: 'USA', required: true }),
    field('target', 'Target actor', q.target, { list: 'dyad-actors', placeholder: 'CHN', required: true }),
    field('by', 'Period', q.by, { options: PERIODS }),
    field('from', 'From', q.from, { type: 'date' }),
    field('to', 'To', q.to, { type: 'date' }),
  ], 'Show', 'dyad-form');
  const datalist = h('datalist', { id: 'dyad-actors' }, actors.map((a) => h('option', { value: a.code }, a.name || a.code)));
  if (!q.source || !q.target) {
    const busiest = (await api('overview')).top_dyads || [];
    const picks = busiest.length
      ? h('section', { class: 'panel', 'aria-labelledby': 'h-picks' }, h('h2', { id: 'h-picks' }, 'Busiest dyads'),
        h('ul', { class: 'picks' }, busiest.map((d) => h('li', null,
          h('a', { href: route('dyad', { source: d.source, target: d.target }), 'data-testid': 'dyad-pick' },
            h('span', { class: 'actor-code' }, d.source), ' → ', h('span', { class: 'actor-code' }, d.target)),
          h('span', { class: 'muted small' }, ` ${plural(d.events, 'event')}`)))))
      : null;
    const node = h('div', { 'data-testid': 'dyad' }, pageHead('Dyad', 'Choose a source and a target actor (codes are prefixes: USA matches USAGOV).'),
      form, datalist, picks);
    return { title: 'Dyad', node };
  }
  const series = await fetchSeries(q);
  const t = totals(series.periods || []);
  const arrow = series.undirected ? '↔' : '→';
  const summary = `${plural(t.events, 'event')} · ${num(t.coop)} cooperation · ${num(t.conf)} conflict · mean Goldstein ${signed(t.mean)}`;
  const node = h('div', { 'data-testid': 'dyad' },
    pageHead(`${series.source} ${arrow} ${series.target}`, `by ${series.by} · ${summary}`,
      h('a', { href: route('events', { source: series.source, target: series.target, from: q.from, to: q.to }), 'data-testid': 'dyad-all-events' }, 'all events'),
      h('span', null, ' · '),
      h('a', { href: route('timeline', { source: series.source, target: series.target, from: q.from, to: q.to }) }, 'timeline')),
    form, datalist,
    t.events ? [chartFigure(series), h('h2', null, 'Periods with events'), periodsTable(series)]
      : empty(`No events from ${series.source} to ${series.target}${q.from || q.to ? ' in these dates' : ''}.`));
  return { title: `${series.source} ${arrow} ${series.target}`, node };
}

// One event: its coding, its dates and counts, and the sentence it was read from with the
// trigger, source and target marked.

import { api } from '../api.js';
import { h, num, signed, route, pageHead, quadBadge, actorChip, articleHref, QUAD_NAMES } from '../dom.js';
import { highlight } from '../highlight.js';

/** The event's sentence with its evidence spans (article character offsets). */
export function evidenceSentence(e) {
  const ev = e.evidence || {};
  const base = ev.sentence ? ev.sentence[0] : 0;
  const spans = [];
  if (ev.source) spans.push({ start: ev.source[0], end: ev.source[1], cls: 'hl-source', title: `source: ${e.source ? e.source.code : ''}` });
  if (ev.target) spans.push({ start: ev.target[0], end: ev.target[1], cls: 'hl-target', title: `target: ${e.target ? e.target.code : ''}` });
  if (ev.timex) spans.push({ start: ev.timex[0], end: ev.timex[1], cls: 'hl-timex', title: 'time expression' });
  if (ev.trigger) spans.push({ start: ev.trigger[0], end: ev.trigger[1], cls: 'hl-trigger', title: `trigger: ${e.cameo} ${e.cameo_name}` });
  return highlight(e.sentence ? e.sentence.text : '', spans, base);
}

function actorDetail(actor) {
  if (!actor) return h('span', { class: 'muted' }, 'none');
  return h('span', null, actorChip(actor), ' ', `“${actor.text}”`,
    actor.country ? h('span', { class: 'muted small' }, ` country ${actor.country}`) : null,
    actor.agent ? h('span', { class: 'muted small' }, ` agent ${actor.agent}`) : null,
    ' · ', h('a', { href: route('events', { actor: actor.code }), class: 'small' }, 'all events'));
}

function row(label, ...value) {
  return [h('dt', null, label), h('dd', null, value)];
}

export async function eventView({ arg }) {
  const r = await api(`events/${encodeURIComponent(arg || '')}`);
  const e = r.event;
  const a = r.article || {};
  const plover = e.plover || {};
  const story = e.story;
  const dyad = e.source && e.target
    ? h('a', { href: route('dyad', { source: e.source.code, target: e.target.code }) }, 'dyad chart')
    : null;
  const fields = h('dl', { class: 'fields', 'data-testid': 'event-fields' },
    row('Date', e.date || 'unknown', h('span', { class: 'muted small' }, ` (${e.date_precision || '?'} precision, from ${e.date_source || '?'})`)),
    row('Article date', e.article_date || 'unknown'),
    row('Source', actorDetail(e.source)),
    row('Target', actorDetail(e.target)),
    row('CAMEO', h('code', null, e.cameo), ` ${e.cameo_name} `,
      h('a', { href: route('events', { cameo: e.cameo }), class: 'small' }, 'same code')),
    row('Goldstein', h('span', { class: e.goldstein > 0 ? 'pos' : e.goldstein < 0 ? 'neg' : null, 'data-testid': 'goldstein' }, signed(e.goldstein)),
      h('span', { class: 'muted small' }, ' (−10 conflict … +10 cooperation)')),
    row('Quad class', quadBadge(e.quad_class), ` ${e.quad_class} · ${QUAD_NAMES[e.quad_class] || ''}`),
    row('PLOVER', plover.event || h('span', { class: 'muted' }, 'none'),
      plover.mode ? ` · mode ${plover.mode}` : null, plover.context ? ` · context ${plover.context}` : null),
    row('Modality', e.modality || 'asserted', e.negated ? h('strong', null, ' · negated') : null),
    row('Trigger', `“${e.trigger}”`),
    row('Time expression', e.timex ? `“${e.timex}”` : h('span', { class: 'muted' }, 'none')),
    row('Reports in article', num(e.reports)),
    row('Story', story
      ? h('span', { 'data-testid': 'story' }, `${num(story.mentions)} mentions · ${num(story.sources)} sources · ${num(story.articles)} articles`)
      : h('span', { class: 'muted' }, 'not grouped')),
    row('Pattern', h('code', null, e.pattern || '')));
  const articleLink = h('a', {
    href: articleHref(e.doc, { s: e.sentence ? e.sentence.index : null, e: e.id }), 'data-testid': 'article-link',
  }, a.title || e.doc);
  const node = h('div', { 'data-testid': 'event-view' },
    pageHead(`${e.cameo} ${e.cameo_name}`,
      h('span', null, e.source ? e.source.code : '?', ' → ', e.target ? e.target.code : '?', e.date ? ` · ${e.date}` : '', ' · ', quadBadge(e.quad_class)),
      dyad),
    h('section', { 'aria-labelledby': 'h-sentence' },
      h('h2', { id: 'h-sentence' }, `Sentence ${e.sentence ? e.sentence.index + 1 : ''}`),
      h('p', { class: 'evidence', 'data-testid': 'event-sentence' }, evidenceSentence(e)),
      h('p', { class: 'small' }, h('a', {
        href: articleHref(e.doc, { s: e.sentence ? e.sentence.index : null, e: e.id }), 'data-testid': 'read-in-article',
      }, 'Read it in the article →')),
      h('p', { class: 'legend small' },
        h('span', { class: 'hl hl-trigger swatch' }, 'trigger'), h('span', { class: 'hl hl-source swatch' }, 'source'),
        h('span', { class: 'hl hl-target swatch' }, 'target'), h('span', { class: 'hl hl-timex swatch' }, 'time'))),
    h('div', { class: 'grid2' },
      h('section', { class: 'panel', 'aria-labelledby': 'h-coding' }, h('h2', { id: 'h-coding' }, 'Coding'), fields),
      h('section', { class: 'panel', 'aria-labelledby': 'h-article' }, h('h2', { id: 'h-article' }, 'Article'),
        h('dl', { class: 'fields' },
          row('Title', articleLink),
          row('Outlet', a.outlet || h('span', { class: 'muted' }, 'unknown')),
          row('Date', a.date || h('span', { class: 'muted' }, 'unknown')),
          row('Document', h('code', null, e.doc)),
          row('Events', h('a', { href: route('events', { doc: e.doc }) }, 'all events of this article')),
          a.url ? row('Source page', h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, a.url)) : null))));
  return { title: `${e.cameo} ${e.cameo_name}`, node };
}

// One article: its text with actors, event triggers, time expressions and quotes marked
// (each layer can be switched off), and the lists of each.

import { api } from '../api.js';
import { h, num, route, table, pageHead, empty, actorChip, articleHref, eventHref } from '../dom.js';
import { highlight } from '../highlight.js';
import { eventsTable } from './events.js';

const LAYERS = [
  ['actor', 'Actors'],
  ['trigger', 'Event triggers'],
  ['timex', 'Time expressions'],
  ['quote', 'Quotes'],
];

function spansOf(r, focusSentence, focusEvent) {
  const spans = [];
  for (const q of r.quotes || []) {
    const who = q.speaker ? q.speaker.code : q.speaker_text || 'unknown speaker';
    spans.push({ start: q.evidence[0], end: q.evidence[1], cls: 'hl-quote', title: `quote: ${who}` });
  }
  for (const m of r.mentions || []) {
    spans.push({ start: m.start, end: m.end, cls: 'hl-actor', title: `${m.code} (${m.kind})`, data: { codes: m.code } });
  }
  for (const t of r.timexes || []) {
    spans.push({ start: t.start, end: t.end, cls: 'hl-timex', title: `${t.type} ${t.value}` });
  }
  for (const e of r.events || []) {
    const src = e.source ? e.source.code : '?';
    const tgt = e.target ? e.target.code : '?';
    spans.push({
      start: e.evidence.trigger[0], end: e.evidence.trigger[1], cls: 'hl-trigger',
      title: `${e.cameo} ${e.cameo_name}: ${src} → ${tgt}`,
      href: e.id !== undefined && e.id !== null ? eventHref(e.id) : null,
      data: e.id !== undefined && e.id !== null ? { events: e.id } : null,
    });
    if (focusEvent !== null && String(e.id) === focusEvent) {
      spans.push({ start: e.evidence.trigger[0], end: e.evidence.trigger[1], cls: 'hl-current' });
    }
  }
  const sentence = (r.sentences || []).find((s) => s.index === focusSentence);
  if (sentence) spans.push({ start: sentence.start, end: sentence.end, cls: 'hl-focus', id: 'focus-sentence' });
  return spans;
}

function legend(textEl) {
  return h('div', { class: 'legend', 'data-testid': 'legend', role: 'group', 'aria-label': 'Highlighted layers' },
    LAYERS.map(([layer, label]) => {
      const box = h('input', { type: 'checkbox', checked: true, id: `layer-${layer}`, 'data-testid': `layer-${layer}` });
      box.addEventListener('change', () => textEl.classList.toggle(`hide-${layer}`, !box.checked));
      return h('label', { for: `layer-${layer}` }, box, h('span', { class: `hl hl-${layer} swatch` }, label));
    }));
}

/** A toggle that outlines every mention of `code` in the text. */
function markButton(code, textEl) {
  const button = h('button', { type: 'button', class: 'link-button', 'aria-pressed': 'false', title: `Mark the mentions of ${code} in the text` }, code);
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    for (const el of textEl.querySelectorAll(`[data-codes~="${CSS.escape(code)}"]`)) el.classList.toggle('hl-selected', on);
  });
  return button;
}

function actorsList(mentions, textEl) {
  const byCode = new Map();
  for (const m of mentions) {
    const entry = byCode.get(m.code) || { code: m.code, texts: new Set(), count: 0 };
    entry.count += 1;
    entry.texts.add(m.text);
    byCode.set(m.code, entry);
  }
  const rows = [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  if (!rows.length) return empty('No actors found.');
  return table(['Actor', ['Mentions', 'num'], 'As written', ''], rows.map((a) => h('tr', null,
    h('td', null, markButton(a.code, textEl)),
    h('td', { class: 'num' }, num(a.count)),
    h('td', { class: 'small' }, [...a.texts].join(' · ')),
    h('td', { class: 'small' }, h('a', { href: route('events', { actor: a.code }) }, 'events')))), { 'data-testid': 'article-actors' });
}

function timexList(timexes) {
  if (!timexes.length) return empty('No time expressions found.');
  return table(['As written', 'Type', 'Value'], timexes.map((t) => h('tr', null,
    h('td', null, t.text), h('td', null, t.type), h('td', null, h('code', null, t.value)))), { 'data-testid': 'article-timexes' });
}

function quotesList(doc, quotes) {
  if (!quotes.length) return empty('No quotes found.');
  return table(['Speaker', 'Words', 'Said'], quotes.map((q) => h('tr', null,
    h('td', null, q.speaker ? actorChip(q.speaker) : null, ' ', q.speaker_text || ''),
    h('td', null, h('a', { href: articleHref(doc, { s: q.sentence }) }, `“${q.content}”`)),
    h('td', { class: 'nowrap' }, q.date || '–'))), { 'data-testid': 'article-quotes' });
}

export async function article({ arg, params }) {
  const r = await api(`articles/${encodeURIComponent(arg || '')}`);
  const a = r.article;
  const focusSentence = params.get('s') !== null ? parseInt(params.get('s'), 10) : null;
  const focusEvent = params.get('e');
  const text = h('div', { class: 'article-text', 'data-testid': 'article-text', lang: 'en' },
    highlight(a.text, spansOf(r, focusSentence, focusEvent)));
  const meta = [a.outlet || 'unknown outlet', a.date || 'undated', `document ${a.doc}`].join(' · ');
  const node = h('div', { 'data-testid': 'article-view', 'data-doc': a.doc },
    pageHead(a.title || a.doc, meta,
      h('span', { class: 'small' },
        a.url ? h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'source page') : null,
        a.duplicate_of ? [' · duplicate of ', h('a', { href: articleHref(a.duplicate_of) }, a.duplicate_of)] : null)),
    legend(text),
    h('div', { class: 'article-layout' },
      text,
      h('aside', { class: 'side', 'aria-label': 'Article details' },
        h('h2', null, `Actors (${num((r.mentions || []).length)} mentions)`), actorsList(r.mentions || [], text),
        h('h2', null, `Time expressions (${num((r.timexes || []).length)})`), timexList(r.timexes || []))),
    h('h2', null, `Events (${num((r.events || []).length)})`),
    (r.events || []).length ? eventsTable(r.events, { showArticle: false }) : empty('No events found.'),
    h('h2', null, `Quotes (${num((r.quotes || []).length)})`), quotesList(a.doc, r.quotes || []));
  return { title: a.title || a.doc, node };
}

// Text with highlighted spans. Offsets from the API are CHARACTER (code point) offsets,
// so the text is indexed as Array.from(text), never with String.prototype.slice.

import { h } from './dom.js';

/**
 * Render `text` with `spans` highlighted. Each span: {start, end, cls, title?, href?, id?},
 * offsets relative to `base` (the character offset of `text` in the article). Overlapping
 * spans are cut at every boundary; a piece covered by several spans gets all their classes.
 */
export function highlight(text, spans, base = 0) {
  const chars = Array.from(text || '');
  const n = chars.length;
  const local = [];
  for (const sp of spans) {
    if (!sp || !Number.isFinite(sp.start) || !Number.isFinite(sp.end)) continue;
    const start = Math.max(0, Math.min(n, sp.start - base));
    const end = Math.max(0, Math.min(n, sp.end - base));
    if (end > start) local.push({ ...sp, start, end });
  }
  const cuts = new Set([0, n]);
  for (const sp of local) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const piece = chars.slice(a, b).join('');
    const covering = local.filter((sp) => sp.start <= a && sp.end >= b);
    if (covering.length === 0) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    const classes = [...new Set(covering.map((sp) => sp.cls))];
    const titles = [...new Set(covering.map((sp) => sp.title).filter(Boolean))];
    const link = covering.find((sp) => sp.href);
    const attrs = { class: ['hl', ...classes], title: titles.join('\n') || null };
    // Data attributes of several spans add up (two events sharing a trigger: "12 13").
    for (const sp of covering) {
      for (const [k, v] of Object.entries(sp.data || {})) {
        const key = `data-${k}`;
        attrs[key] = attrs[key] ? `${attrs[key]} ${v}` : String(v);
      }
    }
    const starting = covering.find((sp) => sp.id && sp.start === a);
    if (starting) attrs.id = starting.id;
    frag.append(link ? h('a', { ...attrs, href: link.href }, piece) : h('span', attrs, piece));
  }
  return frag;
}

/** The characters [start, end) of `text` (code point offsets). */
export function charSlice(text, start, end) {
  return Array.from(text || '').slice(start, end).join('');
}

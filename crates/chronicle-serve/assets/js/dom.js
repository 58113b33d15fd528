// Building DOM nodes from data. Text always goes in as text nodes or attribute values,
// never as markup, so nothing from the API can inject HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class' && Array.isArray(value)) {
      el.setAttribute('class', value.filter(Boolean).join(' '));
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
}

/** h('a', {href: '#/x', class: 'c'}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

const numberFormat = new Intl.NumberFormat('en-US');
export function num(n) {
  return n === null || n === undefined ? '–' : numberFormat.format(n);
}

/** '1 article', '3 articles'. */
export function plural(n, one, many = `${one}s`) {
  return `${num(n)} ${n === 1 ? one : many}`;
}

export function signed(x, digits = 1) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  const v = Number(x).toFixed(digits);
  return x > 0 ? `+${v}` : v;
}

/** A fragment URL for a page: route('events', {actor: 'USA'}) -> '#/events?actor=USA'. */
export function route(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') query.set(k, String(v));
  }
  const qs = query.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

export function articleHref(doc, params) {
  return route(`article/${encodeURIComponent(doc)}`, params);
}

export function eventHref(id) {
  return route(`event/${encodeURIComponent(id)}`);
}

export const QUAD_NAMES = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

export function quadBadge(quad) {
  return h('span', { class: ['badge', `q${quad}`], title: `Quad class ${quad}` }, QUAD_NAMES[quad] || `Quad ${quad}`);
}

/** An actor record ({text, code, country, agent}) or a bare code, as a code chip. */
export function actorChip(actor) {
  if (!actor) return h('span', { class: 'muted' }, '–');
  const code = typeof actor === 'string' ? actor : actor.code;
  const title = typeof actor === 'string' ? code : `${actor.text} (${code})`;
  return h('span', { class: 'actor-code', title }, code || '?');
}

export function pageHead(title, subtitle, ...extra) {
  return h('div', { class: 'page-head' },
    h('div', null, h('h1', { id: 'page-title' }, title), subtitle ? h('p', { class: 'subtitle' }, subtitle) : null),
    extra.length ? h('div', { class: 'head-actions' }, extra) : null);
}

/** A labelled input for filter forms. */
export function field(name, label, value, opts = {}) {
  const id = `f-${name}`;
  const input = opts.options
    ? h('select', { id, name },
      opts.options.map(([v, text]) => h('option', { value: v, selected: v === (value || opts.default || '') }, text)))
    : h('input', {
      id, name, type: opts.type || 'text', value: value || '', placeholder: opts.placeholder,
      list: opts.list, class: opts.wide ? 'wide' : null, autocomplete: 'off', min: opts.min, max: opts.max,
      required: opts.required,
    });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/** A filter form that navigates to `path` with its non-empty fields as parameters. */
export function filterForm(path, fields, submitLabel = 'Apply', testid = 'filters') {
  const form = h('form', { class: 'filters', 'data-testid': testid }, fields,
    h('div', { class: 'field' }, h('button', { type: 'submit', 'data-testid': `${testid}-submit` }, submitLabel)));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const params = {};
    for (const [k, v] of new FormData(form).entries()) {
      const text = String(v).trim();
      if (text) params[k] = text;
    }
    location.hash = route(path, params);
  });
  return form;
}

export function table(headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', attrs,
      attrs.caption ? h('caption', null, attrs.caption) : null,
      h('thead', null, h('tr', null, headers.map((hd) => {
        const [text, cls] = Array.isArray(hd) ? hd : [hd, null];
        return h('th', { scope: 'col', class: cls }, text);
      }))),
      h('tbody', null, rows)));
}

export function empty(text) {
  return h('p', { class: 'empty', 'data-testid': 'empty' }, text);
}

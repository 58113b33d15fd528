// The application shell: routes the URL fragment (#/page/arg?params) to a view, shows
// loading and error states, and marks the current page in the nav bar.

import { h, clear, route } from './dom.js';
import { overview } from './views/overview.js';
import { dyad } from './views/dyad.js';
import { events } from './views/events.js';
import { eventView } from './views/event.js';
import { article } from './views/article.js';
import { articles } from './views/articles.js';
import { search } from './views/search.js';
import { quotes } from './views/quotes.js';
import { timeline } from './views/timeline.js';

// Each view: async ({arg, params}) -> {title, node}.
const VIEWS = {
  overview: overview,
  dyad: dyad,
  timeline: timeline,
  events: events,
  event: eventView,
  article: article,
  articles: articles,
  search: search,
  quotes: quotes,
};

const app = document.getElementById('app');

// Script errors and blocked content are kept where a test (or a curious analyst in the
// console) can read them: window.chronicleProblems.
window.chronicleProblems = [];
const problem = (text) => window.chronicleProblems.push(text);
window.addEventListener('error', (e) => problem(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => problem(`unhandled: ${e.reason}`));
document.addEventListener('securitypolicyviolation', (e) => problem(`blocked by CSP: ${e.violatedDirective} ${e.blockedURI}`));
let rendering = 0;

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [pathPart, queryPart = ''] = raw.split(/\?(.*)/s);
  const [name, ...rest] = pathPart.split('/');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : null;
  return { name: name || 'overview', arg, params: new URLSearchParams(queryPart) };
}

function markNav(name) {
  const section = { event: 'events', article: 'articles' }[name] || name;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.route === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function errorBox(err) {
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' },
    h('strong', null, err.status === 404 ? 'Not found. ' : 'Something went wrong. '),
    err.message || String(err));
}

async function render() {
  const ticket = ++rendering;
  const { name, arg, params } = parseHash();
  const view = VIEWS[name];
  markNav(name);
  if (name !== 'search') document.getElementById('quicksearch-q').value = '';
  app.dataset.state = 'loading';
  app.dataset.route = name;
  app.setAttribute('aria-busy', 'true');
  let node;
  let title = 'chronicle';
  if (!view) {
    node = errorBox({ status: 404, message: `There is no page “${name}”.` });
  } else {
    try {
      const out = await view({ arg, params });
      node = out.node;
      title = out.title ? `${out.title} · chronicle` : title;
    } catch (err) {
      node = errorBox(err);
    }
  }
  if (ticket !== rendering) return; // a newer navigation won
  clear(app);
  app.append(node);
  document.title = title;
  app.removeAttribute('aria-busy');
  app.dataset.state = node.matches && node.matches('[data-testid="error"]') ? 'error' : 'ready';
  const focus = params.get('s') !== null ? app.querySelector('.hl-focus') : null;
  if (focus) focus.scrollIntoView({ block: 'center' });
  else window.scrollTo(0, 0);
}

document.getElementById('quicksearch').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('quicksearch-q').value.trim();
  if (q) location.hash = route('search', { q });
});

window.addEventListener('hashchange', render);
render();

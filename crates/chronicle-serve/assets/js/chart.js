// The cooperation–conflict chart of a dyad series, drawn as SVG: per period, cooperation
// stacks up from the zero line (verbal, material), conflict stacks down, and the mean
// Goldstein score is a line on the right-hand scale. Each period is one link, so a spike
// opens the events behind it.

import { s, num, signed } from './dom.js';

// The drawing is always this wide in SVG units (it scales to the page): a few periods get
// wide columns with capped bars, many get narrow ones.
const WIDTH = 960;
const HEIGHT = 320;
const MARGIN = { top: 24, right: 64, bottom: 44, left: 64 };
const MAX_BAR = 36;

function niceMax(value) {
  if (value <= 10) return Math.max(2, 2 * Math.ceil(value / 2)); // even, so the half tick is whole
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function rotated(text, x, y) {
  return s('text', { class: 'axis-title', x, y, 'text-anchor': 'middle', transform: `rotate(-90 ${x} ${y})` }, text);
}

/** `hrefFor(period)` gives the link of a period's column. */
export function dyadChart(series, hrefFor) {
  const periods = series.periods || [];
  const n = Math.max(1, periods.length);
  const width = WIDTH;
  const colWidth = (WIDTH - MARGIN.left - MARGIN.right) / n;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const zeroY = MARGIN.top + plotH / 2;
  const coop = (p) => p.verbal_cooperation + p.material_cooperation;
  const conf = (p) => p.verbal_conflict + p.material_conflict;
  const top = niceMax(Math.max(1, ...periods.map(coop), ...periods.map(conf)));
  const y = (count) => (count / top) * (plotH / 2); // bar length
  const gy = (g) => zeroY - (g / 10) * (plotH / 2); // Goldstein -10..10
  const x = (i) => MARGIN.left + i * colWidth;
  const barW = Math.max(1, Math.min(MAX_BAR, colWidth * 0.62));
  const labelEvery = Math.ceil(64 / colWidth);

  const grid = [];
  for (const frac of [-1, -0.5, 0.5, 1]) {
    const yy = zeroY - frac * (plotH / 2);
    grid.push(s('line', { class: 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: yy, y2: yy }));
    grid.push(s('text', { class: 'tick', x: MARGIN.left - 6, y: yy + 4, 'text-anchor': 'end' }, num(Math.round(Math.abs(frac) * top))));
    grid.push(s('text', { class: 'tick', x: width - MARGIN.right + 6, y: yy + 4 }, signed(frac * 10, 0)));
  }
  grid.push(s('text', { class: 'tick', x: MARGIN.left - 6, y: zeroY + 4, 'text-anchor': 'end' }, '0'));
  grid.push(s('text', { class: 'tick', x: width - MARGIN.right + 6, y: zeroY + 4 }, '0'));

  const columns = periods.map((p, i) => {
    const cx = x(i) + (colWidth - barW) / 2;
    const vc = y(p.verbal_cooperation);
    const mc = y(p.material_cooperation);
    const vf = y(p.verbal_conflict);
    const mf = y(p.material_conflict);
    const label = `${p.label}: ${num(p.events)} events, ${num(coop(p))} cooperation, ${num(conf(p))} conflict`
      + (p.goldstein_mean !== null && p.goldstein_mean !== undefined ? `, mean Goldstein ${signed(p.goldstein_mean)}` : '');
    const parts = [
      s('title', null, label),
      s('rect', { class: 'hit', x: x(i), y: MARGIN.top, width: colWidth, height: plotH }),
      mc ? s('rect', { class: 'bar-mc', x: cx, y: zeroY - mc, width: barW, height: mc }) : null,
      vc ? s('rect', { class: 'bar-vc', x: cx, y: zeroY - mc - vc, width: barW, height: vc }) : null,
      mf ? s('rect', { class: 'bar-mf', x: cx, y: zeroY, width: barW, height: mf }) : null,
      vf ? s('rect', { class: 'bar-vf', x: cx, y: zeroY + mf, width: barW, height: vf }) : null,
    ];
    const attrs = { class: 'period', 'data-testid': 'chart-period', 'data-period': p.label, 'data-events': p.events, 'aria-label': label };
    // Empty periods are drawn but not linked: there is nothing behind them.
    return p.events > 0
      ? s('a', { ...attrs, href: hrefFor(p) }, parts)
      : s('g', attrs, parts);
  });

  // The mean Goldstein line breaks at periods without events: no events, no score.
  const runs = [[]];
  periods.forEach((p, i) => {
    if (p.goldstein_mean === null || p.goldstein_mean === undefined) {
      if (runs[runs.length - 1].length) runs.push([]);
    } else {
      runs[runs.length - 1].push([x(i) + colWidth / 2, gy(p.goldstein_mean)]);
    }
  });
  const goldstein = [
    runs.filter((run) => run.length > 1)
      .map((run) => s('polyline', { class: 'gs-line', points: run.map((pt) => pt.join(',')).join(' ') })),
    runs.flat().map(([px, py]) => s('circle', { class: 'gs-point', cx: px, cy: py, r: 3.5 })),
  ];

  const labels = periods.map((p, i) => (i % labelEvery === 0
    ? s('text', { class: 'tick', x: x(i) + colWidth / 2, y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle' }, p.label)
    : null));

  return s('svg', {
    viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'data-testid': 'dyad-svg',
    'aria-label': `Cooperation and conflict of ${series.source} and ${series.target} by ${series.by}`,
  },
  grid,
  s('line', { class: 'axis', x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: HEIGHT - MARGIN.bottom }),
  s('line', { class: 'axis', x1: width - MARGIN.right, x2: width - MARGIN.right, y1: MARGIN.top, y2: HEIGHT - MARGIN.bottom }),
  s('text', { class: 'axis-title', x: MARGIN.left - 6, y: 12, 'text-anchor': 'end' }, 'events'),
  s('text', { class: 'axis-title', x: width - MARGIN.right + 6, y: 12 }, 'Goldstein'),
  rotated('cooperation', 16, MARGIN.top + plotH / 4),
  rotated('conflict', 16, MARGIN.top + (3 * plotH) / 4),
  columns,
  s('line', { class: 'zero', x1: MARGIN.left, x2: width - MARGIN.right, y1: zeroY, y2: zeroY }),
  goldstein,
  labels);
}

import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { format, h } from './dom.js';

const BUCKETS = Array.from({ length: 10 }, (_, index) => index);
const bucketName = (index) => (index === 9 ? '90–100 %' : `${index * 10}–${index * 10 + 10} %`);
const BAR = getComputedStyle(document.documentElement).getPropertyValue('--chart').trim() || '#1f5fbf';

// Learners per 10 % bucket of percent done, as bars; the same numbers as a table for screen readers.
export function histogram(title, counts) {
  const chart = h('div', { className: 'chart', role: 'img', 'aria-label': `${title}: ${describe(counts)}` });
  const figure = h('figure', { className: 'histogram' },
    h('figcaption', {}, title),
    chart,
    h('details', {}, h('summary', {}, 'As a table'),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Percent done'), h('th', { scope: 'col' }, 'Learners'))),
        h('tbody', {}, BUCKETS.map((index) => h('tr', {},
          h('th', { scope: 'row' }, bucketName(index)), h('td', { className: 'number' }, format.number(counts[index]))))))));
  requestAnimationFrame(() => draw(chart, counts));
  return figure;
}

function describe(counts) {
  return BUCKETS.filter((index) => counts[index] > 0)
    .map((index) => `${format.number(counts[index])} learners at ${bucketName(index)}`)
    .join(', ') || 'no learners';
}

function draw(container, counts) {
  const plot = new uPlot({
    width: Math.max(container.clientWidth, 240),
    height: 150,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.5, 9.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [
      { splits: () => BUCKETS, values: (u, splits) => splits.map((index) => `${index * 10}`), size: 30 },
      { size: 44, values: (u, splits) => splits.map((value) => (Number.isInteger(value) ? format.number(value) : '')) },
    ],
    series: [{}, { label: 'Learners', fill: BAR, stroke: BAR, paths: uPlot.paths.bars({ size: [0.85, 80] }),
      points: { show: false } }],
  }, [BUCKETS, counts], container);
  new ResizeObserver(() => plot.setSize({ width: Math.max(container.clientWidth, 240), height: 150 }))
    .observe(container);
}

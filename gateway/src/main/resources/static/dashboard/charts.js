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

// Lines that tell levels apart without colour alone: each has its own dash too.
const LINES = [
  { stroke: '#1f5fbf', dash: [] },
  { stroke: '#a1420f', dash: [8, 4] },
  { stroke: '#2e6b30', dash: [2, 3] },
  { stroke: '#6a1b9a', dash: [10, 3, 2, 3] },
];

// Per level, the learners who had finished it by the end of each week, as stepped lines; the
// same numbers as a table for screen readers.
export function burnUp(title, burnUp) {
  const last = (level) => level.finished[level.finished.length - 1] ?? 0;
  const summary = burnUp.levels.map((level) => `${level.name} ${format.number(last(level))} of ${format.number(level.learners)}`)
    .join(', ');
  const chart = h('div', { className: 'chart', role: 'img', 'aria-label': `${title}: by the week of ${burnUp.to}, ${summary} finished` });
  const figure = h('figure', { className: 'burn-up' },
    h('figcaption', {}, title),
    chart,
    h('details', {}, h('summary', {}, 'As a table'),
      h('div', { className: 'table-scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week of'),
          burnUp.levels.map((level) => h('th', { scope: 'col', className: 'number' }, level.name)))),
        h('tbody', {}, burnUp.weeks.map((week, index) => h('tr', {},
          h('th', { scope: 'row' }, week),
          burnUp.levels.map((level) => h('td', { className: 'number' }, format.number(level.finished[index]))))))))));
  requestAnimationFrame(() => drawBurnUp(chart, burnUp));
  return figure;
}

const WEEK_SECONDS = 7 * 86400;

// Each count is taken at the end of its week (the next Monday, 00:00 UTC) and holds until the next.
function drawBurnUp(container, burnUp) {
  const seconds = burnUp.weeks.map((week) => Date.parse(`${week}T00:00:00Z`) / 1000 + WEEK_SECONDS);
  const most = Math.max(1, ...burnUp.levels.map((level) => level.learners));
  const plot = new uPlot({
    width: Math.max(container.clientWidth, 240),
    height: 220,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { points: { show: false } },
    scales: { x: { time: true, range: (u, min, max) => (min === max ? [min - 3.5 * 86400, max + 3.5 * 86400] : [min, max]) },
      y: { range: [0, most] } },
    axes: [
      { size: 50 },
      { size: 44, values: (u, splits) => splits.map((value) => (Number.isInteger(value) ? format.number(value) : '')) },
    ],
    series: [{ label: 'Week of',
      value: (u, ts) => (ts == null ? '' : new Date((ts - WEEK_SECONDS) * 1000).toISOString().slice(0, 10)) },
      ...burnUp.levels.map((level, index) => ({
        label: level.name,
        stroke: LINES[index % LINES.length].stroke,
        dash: LINES[index % LINES.length].dash,
        width: 2,
        paths: uPlot.paths.stepped({ align: 1 }),
        points: { show: burnUp.weeks.length === 1 },
      }))],
  }, [seconds, ...burnUp.levels.map((level) => level.finished)], container);
  new ResizeObserver(() => plot.setSize({ width: Math.max(container.clientWidth, 240), height: 220 }))
    .observe(container);
}

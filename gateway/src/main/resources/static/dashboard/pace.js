import { format, h } from './dom.js';

// A learner's or cohort's pace (GET …/pace): items a week lately, and when each level would be
// finished at that pace, levels taken in order.
export function paceOf(pace) {
  const weeks = pace.weeks.length;
  const lately = pace.itemsPerWeek > 0
    ? `${format.number(pace.itemsPerWeek)} items a week over the last ${weeks} weeks.`
    : `No items ticked in the last ${weeks} weeks, so no finish can be projected.`;
  return h('section', { 'aria-labelledby': 'pace-title' },
    h('h2', { id: 'pace-title' }, 'Pace'),
    h('p', { className: 'pace' }, lately),
    pace.levels.length === 0 ? null : h('table', { className: 'pace' },
      h('caption', {}, 'Projected finish per level, at this pace, levels taken in order'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Level'),
        h('th', { scope: 'col', className: 'number' }, 'Items left'),
        h('th', { scope: 'col' }, 'Projected finish'))),
      h('tbody', {}, pace.levels.map((level) => h('tr', { 'data-level': level.id },
        h('th', { scope: 'row' }, level.name),
        h('td', { className: 'number' }, format.number(level.remaining)),
        h('td', {}, level.remaining === 0 ? 'finished'
          : level.projectedFinish ? h('time', { datetime: level.projectedFinish }, format.date(level.projectedFinish)) : '–'))))));
}

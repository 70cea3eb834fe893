import { getJson } from '../api.js';
import { format, h, replace } from '../dom.js';
import { follow } from '../live.js';

const TIMELINE = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

// A learner in one cohort: their checklist with what is ticked and when, their timeline, and a
// calendar of their ticks per day over the last year. Live.
export async function showLearner(view, cohortId, learnerId) {
  const learner = encodeURIComponent(learnerId);
  const cohort = await getJson(`/api/v1/cohorts/${encodeURIComponent(cohortId)}`);
  const versions = new Map();
  const checklistAt = (mine) => {
    const path = `/api/v1/checklists/${encodeURIComponent(mine.checklistId)}/versions/${mine.version}`;
    if (!versions.has(path)) versions.set(path, getJson(path));
    return versions.get(path);
  };
  const body = h('div');

  async function refresh() {
    const [progress, timeline, days] = await Promise.all([
      getJson(`/api/v1/progress/learners/${learner}`),
      getJson(`/api/v1/progress/learners/${learner}/timeline?limit=${TIMELINE}`),
      getJson(`/api/v1/progress/learners/${learner}/ticks-per-day`),
    ]);
    const mine = progress.checklists.find((entry) => entry.cohortId === cohortId);
    if (!mine) {
      replace(body, h('p', { className: 'empty' }, 'This learner has no progress in this cohort yet.'));
      return;
    }
    const checklist = await checklistAt(mine);
    const names = new Map(checklist.levels.flatMap((level) => level.categories)
      .flatMap((category) => category.items).map((item) => [item.id, item.name]));
    replace(body, checklistOf(mine, checklist), timelineOf(timeline, names), calendarOf(days));
  }

  replace(view,
    h('p', { className: 'crumbs' }, h('a', { href: `#/cohorts/${encodeURIComponent(cohortId)}` }, cohort.name)),
    h('h1', {}, learnerId),
    body);
  await refresh();
  return follow(`/api/v1/progress/learners/${learner}/stream`, refresh, 'Learner progress updated');
}

function checklistOf(mine, checklist) {
  const levels = checklist.levels;
  return h('section', { 'aria-labelledby': 'checklist-title' },
    h('h2', { id: 'checklist-title' }, 'Checklist'),
    h('p', { className: 'lead' }, `${format.number(mine.ticked)} of ${format.number(mine.total)} items ticked (${format.percent(mine.percent)})`,
      mine.finishedAt ? ` · finished ${format.date(mine.finishedAt)}` : ''),
    mine.levels.map((level) => h('section', { className: 'learner-level' },
      h('h3', {}, `${level.name} `, h('span', { className: 'muted' }, `${level.ticked} of ${level.total}`),
        level.finishedAt ? h('span', { className: 'tag' }, `finished ${format.date(level.finishedAt)}`) : null),
      (levels.find((candidate) => candidate.id === level.id)?.categories ?? []).map((category) => h('div', {},
        h('h4', {}, category.name),
        h('ul', { className: 'items' }, category.items.map((item) => {
          const at = mine.tickedItems[item.id];
          return h('li', { className: at ? 'ticked' : 'open', 'data-item': item.id },
            h('span', { className: 'mark', 'aria-hidden': 'true' }, at ? '✓' : '○'),
            h('span', {}, item.name),
            h('span', { className: 'visually-hidden' }, at ? ', ticked' : ', not ticked'),
            at ? h('time', { datetime: at }, format.date(at)) : null);
        })))))));
}

function timelineOf(timeline, names) {
  return h('section', { 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, 'Timeline'),
    timeline.total === 0
      ? h('p', { className: 'empty' }, 'Nothing ticked yet.')
      : h('ol', { className: 'timeline' }, timeline.entries.map((entry) => h('li', {},
        h('time', { datetime: entry.time }, format.dateTime(entry.time)), ' ',
        h('span', { className: `change ${entry.change}` }, entry.change), ' ', names.get(entry.itemId) ?? entry.itemId))),
    timeline.total > TIMELINE ? h('p', { className: 'muted' }, `The latest ${TIMELINE} of ${format.number(timeline.total)}.`) : null);
}

// Weeks as columns, Monday to Sunday as rows, as activity calendars are read.
function calendarOf(days) {
  const counts = new Map(days.days.map((day) => [day.date, day.ticks]));
  const to = new Date(`${days.to}T00:00:00Z`);
  const from = new Date(`${days.from}T00:00:00Z`);
  const start = new Date(from.getTime() - ((from.getUTCDay() + 6) % 7) * DAY_MS);
  const weeks = Math.ceil((to - start) / DAY_MS / 7) + 1;
  const most = Math.max(1, ...counts.values());
  const rows = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((name, weekday) => h('tr', {},
    h('th', { scope: 'row' }, name),
    Array.from({ length: weeks }, (_, week) => {
      const date = new Date(start.getTime() + (week * 7 + weekday) * DAY_MS);
      if (date < from || date > to) return h('td', { className: 'outside' });
      const key = date.toISOString().slice(0, 10);
      const ticks = counts.get(key) ?? 0;
      return h('td', { className: `day level-${ticks === 0 ? 0 : Math.ceil((4 * ticks) / most)}`, title: `${key}: ${ticks} ticks` },
        h('span', { className: 'visually-hidden' }, `${key}: ${ticks} ticks`));
    })));
  const total = [...counts.values()].reduce((sum, ticks) => sum + ticks, 0);
  return h('section', { 'aria-labelledby': 'calendar-title' },
    h('h2', { id: 'calendar-title' }, 'Ticks per day'),
    h('p', {}, `${format.number(total)} items ticked from ${format.date(days.from)} to ${format.date(days.to)}.`),
    h('div', { className: 'calendar-scroll' }, h('table', { className: 'calendar' }, h('tbody', {}, rows))));
}

import { Refused, getJson, send } from '../api.js';
import { announce, format, h, replace } from '../dom.js';
import { follow } from '../live.js';
import { paceOf } from '../pace.js';

const TIMELINE = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

// A learner in one cohort: their checklist with what is ticked and when; for staff also their
// timeline and a calendar of ticks per day (those span all of a learner's cohorts, so a link,
// which reaches one cohort only, does not show them). With the learner's own link each item is
// a checkbox they tick and untick. Live.
export async function showLearner(view, cohortId, learnerId, signedIn) {
  const cohort = encodeURIComponent(cohortId);
  const learner = encodeURIComponent(learnerId);
  const staff = !signedIn.link;
  const mayTick = signedIn.link?.access === 'tick';
  const { name } = await getJson(`/api/v1/cohorts/${cohort}`);
  const body = h('div');

  async function refresh() {
    const [progress, pace, timeline, days] = await Promise.all([
      getJson(`/api/v1/progress/cohorts/${cohort}/learners/${learner}`),
      getJson(`/api/v1/progress/cohorts/${cohort}/learners/${learner}/pace`),
      staff ? getJson(`/api/v1/progress/learners/${learner}/timeline?limit=${TIMELINE}`) : null,
      staff ? getJson(`/api/v1/progress/learners/${learner}/ticks-per-day`) : null,
    ]);
    const mine = progress.checklists[0];
    if (!mine) {
      replace(body, h('p', { className: 'empty' }, 'This learner has no progress in this cohort yet.'));
      return;
    }
    const names = new Map(mine.levels.flatMap((level) => level.categories)
      .flatMap((category) => category.items).map((item) => [item.id, item.name]));
    replace(body, checklistOf(mine, mayTick ? tickBox : null), paceOf(pace),
      staff ? [timelineOf(timeline, names), calendarOf(days)] : []);
  }

  async function tickBox(item, box) {
    box.disabled = true;
    const path = `/api/v1/cohorts/${cohort}/learners/${learner}/ticks`;
    try {
      if (box.checked) await send('POST', path, { itemIds: [item.id] });
      else await send('DELETE', `${path}/${encodeURIComponent(item.id)}`);
      announce(`${item.name} ${box.checked ? 'ticked' : 'unticked'}`);
    } catch (error) {
      box.checked = !box.checked;
      announce(error instanceof Refused ? error.message : 'That did not save. Try again in a moment.');
    } finally {
      box.disabled = false;
    }
  }

  replace(view,
    staff || !signedIn.link.learnerId ? h('p', { className: 'crumbs' }, h('a', { href: `#/cohorts/${cohort}` }, name)) : null,
    h('h1', {}, learnerId),
    signedIn.link?.learnerId ? h('p', { className: 'lead' }, name) : null,
    body);
  await refresh();
  // Staff follow the learner; a cohort's link follows its cohort (this learner's changes); the
  // learner's own page changes when they tick, which it already shows.
  if (staff) return follow(`/api/v1/progress/learners/${learner}/stream`, refresh, 'Learner progress updated');
  if (!signedIn.link.learnerId) {
    return follow(`/api/v1/progress/cohorts/${cohort}/stream`, refresh, 'Learner progress updated',
      (change) => change.learnerId === learnerId);
  }
  return null;
}

function checklistOf(mine, tickBox) {
  return h('section', { 'aria-labelledby': 'checklist-title' },
    h('h2', { id: 'checklist-title' }, 'Checklist'),
    h('p', { className: 'lead' }, `${format.number(mine.ticked)} of ${format.number(mine.total - (mine.skipped ?? 0))} items ticked (${format.percent(mine.percent)})`,
      otherStates(mine), mine.finishedAt ? ` · finished ${format.date(mine.finishedAt)}` : ''),
    mine.levels.map((level) => h('section', { className: 'learner-level' },
      h('h3', {}, `${level.name} `, h('span', { className: 'muted' }, `${level.ticked} of ${level.total - (level.skipped ?? 0)}`, otherStates(level)),
        level.finishedAt ? h('span', { className: 'tag' }, `finished ${format.date(level.finishedAt)}`) : null),
      level.categories.map((category) => h('div', {},
        h('h4', {}, category.name),
        h('ul', { className: 'items' }, category.items.map((item) => itemOf(item, tickBox))))))));
}

// Skipped items leave the counts above; say how many, and how many are being worked on.
function otherStates(part) {
  const notes = [];
  if (part.inProgress) notes.push(`${format.number(part.inProgress)} in progress`);
  if (part.skipped) notes.push(`${format.number(part.skipped)} skipped`);
  return notes.length ? ` · ${notes.join(' · ')}` : '';
}

// An item's state: done (ticked), in progress, skipped (with the reason), or not started (open).
const STATES = {
  done: { className: 'ticked', mark: '✓', said: 'ticked' },
  'in-progress': { className: 'in-progress', mark: '◐', said: 'in progress' },
  skipped: { className: 'skipped', mark: '–', said: 'skipped' },
  'not-started': { className: 'open', mark: '○', said: 'not ticked' },
};

function stateOf(item) {
  return STATES[item.state] ?? (item.tickedAt ? STATES.done : STATES['not-started']);
}

function itemOf(item, tickBox) {
  const at = item.tickedAt;
  const state = stateOf(item);
  const when = at ? h('time', { datetime: at }, format.date(at)) : null;
  const tag = state === STATES.done || state === STATES['not-started'] ? null
    : h('span', { className: 'state' }, item.skipReason ? `${state.said}: ${item.skipReason}` : state.said);
  if (tickBox) {
    const id = `tick-${item.id}`;
    const box = h('input', { type: 'checkbox', id, checked: Boolean(at) });
    box.addEventListener('change', () => tickBox(item, box));
    return h('li', { className: state.className, 'data-item': item.id },
      box, h('label', { for: id }, item.name), tag, when, evidenceOf(item.evidence));
  }
  return h('li', { className: state.className, 'data-item': item.id },
    h('span', { className: 'mark', 'aria-hidden': 'true' }, state.mark),
    h('span', { className: 'item-name' }, item.name),
    tag ?? h('span', { className: 'visually-hidden' }, `, ${state.said}`),
    when, evidenceOf(item.evidence));
}

// The learner's link and note for a tick. The link is theirs: never followed for them, and it
// tells the browser so (no referrer, no opener, not endorsed).
function evidenceOf(evidence) {
  if (!evidence) return null;
  const link = evidence.url && /^https?:\/\//i.test(evidence.url)
    ? h('a', { href: evidence.url, rel: 'nofollow noopener noreferrer ugc' }, 'evidence') : null;
  return h('span', { className: 'evidence' }, link, evidence.note ? h('span', { className: 'note' }, evidence.note) : null);
}

function timelineOf(timeline, names) {
  return h('section', { 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, 'Timeline'),
    timeline.total === 0
      ? h('p', { className: 'empty' }, 'Nothing ticked, started or skipped yet.')
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
  const rows = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((day, weekday) => h('tr', {},
    h('th', { scope: 'row' }, day),
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

import { getJson } from '../api.js';
import { burnUp, histogram } from '../charts.js';
import { announce, format, h, replace } from '../dom.js';
import { follow } from '../live.js';
import { paceOf } from '../pace.js';

const PAGE = 50;
const SEARCH_PAUSE_MS = 300;

// A cohort: how its learners stand per level and category, per item, and ranked. Live.
export async function showCohort(view, cohortId) {
  const id = encodeURIComponent(cohortId);
  const cohort = await getJson(`/api/v1/cohorts/${id}`);
  const state = { offset: 0, search: '' };
  const standings = h('div');
  const progression = h('div');
  const speed = h('div');
  let finishedBefore = null;
  const ranking = h('div');
  let typing = null;
  const search = h('input', {
    id: 'search', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'search-hint',
    oninput: () => {
      clearTimeout(typing);
      typing = setTimeout(async () => {
        state.search = search.value.trim();
        state.offset = 0;
        replace(ranking, rankingOf(await rankingPage()));
        announce(ranking.querySelector('caption, p')?.textContent ?? '');
      }, SEARCH_PAUSE_MS);
    },
  });

  const rankingPage = () => getJson(`/api/v1/progress/cohorts/${id}/learners?offset=${state.offset}&limit=${PAGE}`
    + (state.search ? `&search=${encodeURIComponent(state.search)}` : ''));

  async function refresh() {
    const burnUpPath = `/api/v1/progress/cohorts/${id}/burn-up`;
    const [progress, page, pace, firstWeekly] = await Promise.all([getJson(`/api/v1/progress/cohorts/${id}`),
      rankingPage(), getJson(`/api/v1/progress/cohorts/${id}/pace`), finishedBefore === null ? getJson(burnUpPath) : null]);
    replace(standings, standingsOf(progress));
    replace(speed, progress.levels.length === 0 ? [] : paceOf(pace));
    replace(ranking, rankingOf(page));
    // The burn-up changes when a level's finished count does: read again only then.
    const finished = progress.levels.map((level) => level.standing.finished).join();
    if (finished !== finishedBefore) {
      const weekly = firstWeekly ?? await getJson(burnUpPath);
      replace(progression, progress.levels.length === 0 ? [] : burnUpOf(weekly));
      finishedBefore = finished;
    }
  }

  function rankingOf(page) {
    if (page.total === 0) {
      return h('p', { className: 'empty' }, state.search
        ? `No learner's id contains “${state.search}”.` : 'No learner has joined this cohort yet.');
    }
    const last = Math.min(state.offset + PAGE, page.total);
    const which = state.search ? ` whose id contains “${state.search}”` : '';
    return [
      h('table', { className: 'ranking' },
        h('caption', { tabindex: -1 }, `Learners ${format.number(state.offset + 1)}–${format.number(last)} of ${format.number(page.total)}${which}, most done first`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', className: 'number' }, 'Rank'),
          h('th', { scope: 'col' }, 'Learner'), h('th', { scope: 'col', className: 'number' }, 'Done'))),
        h('tbody', {}, page.learners.map((learner) => h('tr', {},
          h('td', { className: 'number' }, learner.rank),
          h('th', { scope: 'row' }, h('a', { href: `#/cohorts/${id}/learners/${encodeURIComponent(learner.learnerId)}` },
            learner.learnerId)),
          h('td', { className: 'number' }, format.percent(learner.percent)))))),
      h('nav', { className: 'pager', 'aria-label': 'Ranking pages' },
        h('button', { type: 'button', disabled: state.offset === 0, onclick: () => turn(-PAGE) }, 'Previous'),
        h('button', { type: 'button', disabled: last >= page.total, onclick: () => turn(PAGE) }, 'Next')),
    ];
  }

  async function turn(by) {
    state.offset = Math.max(0, state.offset + by);
    replace(ranking, rankingOf(await rankingPage()));
    ranking.querySelector('caption')?.focus();
    announce(ranking.querySelector('caption')?.textContent ?? '');
  }

  replace(view,
    h('h1', {}, cohort.name),
    h('p', { className: 'lead' }, `${cohort.checklistId} v${cohort.checklistVersion} · ${format.number(cohort.learnerCount)} learners`,
      cohort.archived ? ' · archived' : '', ' · ',
      h('a', { href: `/api/v1/progress/cohorts/${id}/table.csv`, download: `${cohortId}.csv` }, 'Download CSV')),
    standings,
    progression,
    speed,
    h('section', { 'aria-labelledby': 'ranking-title' }, h('h2', { id: 'ranking-title' }, 'Ranking'),
      h('div', { className: 'search' }, h('label', { for: 'search' }, 'Find a learner'), search,
        h('span', { id: 'search-hint', className: 'hint' }, 'by a part of their id; their rank stays their rank in the cohort')),
      ranking));
  await refresh();
  return follow(`/api/v1/progress/cohorts/${id}/stream`, refresh, 'Cohort progress updated');
}

function burnUpOf(weekly) {
  const anyone = weekly.levels.some((level) => level.finished.some((count) => count > 0));
  return h('section', { 'aria-labelledby': 'burn-up-title' },
    h('h2', { id: 'burn-up-title' }, 'Burn-up'),
    h('p', { className: 'hint' }, anyone
      ? 'Learners who had finished each level by the end of each week (weeks start on Monday, UTC), counting today\'s learners.'
      : 'No learner has finished a level yet.'),
    burnUp('Learners finished, week by week', weekly));
}

function standingsOf(progress) {
  if (progress.levels.length === 0) {
    return h('p', { className: 'empty' }, 'No learner has joined this cohort yet: there is no progress to show.');
  }
  const overall = progress.overall;
  return [
    h('section', { 'aria-labelledby': 'levels-title' },
      h('h2', { id: 'levels-title' }, 'Levels'),
      h('p', {}, `Overall: ${format.number(overall.finished)} of ${format.number(overall.learners)} learners finished every item; `,
        `on average ${format.percent(overall.averagePercent)} done.`),
      h('div', { className: 'cards' }, progress.levels.map((level) => h('article', { className: 'card level' },
        h('h3', {}, level.name),
        h('p', { className: 'figures' },
          h('span', {}, h('strong', { 'data-finished': level.id }, format.number(level.standing.finished)),
            ` of ${format.number(level.standing.learners)} finished`),
          h('span', {}, 'average ', h('strong', { 'data-average': level.id }, format.percent(level.standing.averagePercent)))),
        histogram(`${level.name}: learners by percent done`, level.standing.histogram))))),
    h('section', { 'aria-labelledby': 'categories-title' },
      h('h2', { id: 'categories-title' }, 'Categories'),
      h('table', { className: 'categories' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Level'), h('th', { scope: 'col' }, 'Category'),
          h('th', { scope: 'col', className: 'number' }, 'Items'), h('th', { scope: 'col', className: 'number' }, 'Finished'),
          h('th', { scope: 'col', className: 'number' }, 'Average done'))),
        h('tbody', {}, progress.levels.flatMap((level) => level.categories.map((category) => h('tr', {},
          h('td', {}, level.name), h('th', { scope: 'row' }, category.name),
          h('td', { className: 'number' }, category.itemCount),
          h('td', { className: 'number' }, format.number(category.standing.finished)),
          h('td', { className: 'number' }, format.percent(category.standing.averagePercent)))))))),
    h('section', { 'aria-labelledby': 'items-title' },
      h('h2', { id: 'items-title' }, 'Items'),
      h('p', { className: 'hint' }, 'The share of the cohort who ticked each item, in the checklist\'s order; darker is more. Learners working on an item or skipping it are counted beside it.'),
      progress.levels.map((level) => h('div', { className: 'heat-level' },
        h('h3', {}, level.name),
        level.categories.map((category) => h('div', { className: 'heat-category' },
          h('h4', {}, category.name),
          h('ul', { className: 'heat' }, category.items.map((item) => h('li', {
            className: `heat-${Math.round(item.share * 10)}`,
            'data-item': item.id,
          }, h('span', { className: 'item-name' }, item.name),
          h('span', { className: 'item-share' }, format.percent(100 * item.share)),
          item.inProgressBy ? h('span', { className: 'item-others' }, `${format.number(item.inProgressBy)} in progress`) : null,
          item.skippedBy ? h('span', { className: 'item-others' }, `${format.number(item.skippedBy)} skipped`) : null)))))))),
  ];
}

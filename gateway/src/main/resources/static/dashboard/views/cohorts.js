import { getJson } from '../api.js';
import { format, h, replace } from '../dom.js';

// The API gives up to 100 cohorts' progress in brief per request.
const BRIEF = 100;

async function briefs(cohorts) {
  const requests = [];
  for (let start = 0; start < cohorts.length; start += BRIEF) {
    const ids = cohorts.slice(start, start + BRIEF).map((cohort) => encodeURIComponent(cohort.id)).join(',');
    requests.push(getJson(`/api/v1/progress/cohorts?ids=${ids}`));
  }
  return (await Promise.all(requests)).flatMap((answer) => answer.cohorts);
}

// The organisation's cohorts, each with the share of its learners who finished each level.
export async function showCohorts(view) {
  const cohorts = await getJson('/api/v1/cohorts');
  if (cohorts.length === 0) {
    replace(view, h('h1', {}, 'Cohorts'),
      h('p', { className: 'empty' }, 'Your organisation has no cohorts yet. Create one with POST /api/v1/cohorts.'));
    return;
  }
  const progress = await briefs(cohorts);
  replace(view, h('h1', {}, 'Cohorts'),
    h('table', { className: 'cohorts' },
      h('caption', {}, `${format.number(cohorts.length)} cohorts; finished = learners who ticked every item of a level`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Cohort'), h('th', { scope: 'col' }, 'Checklist'),
        h('th', { scope: 'col', className: 'number' }, 'Learners'), h('th', { scope: 'col' }, 'Finished per level'))),
      h('tbody', {}, cohorts.map((cohort, index) => row(cohort, progress[index])))));
}

function row(cohort, progress) {
  return h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/cohorts/${encodeURIComponent(cohort.id)}` }, cohort.name),
      cohort.archived ? h('span', { className: 'tag' }, 'archived') : null),
    h('td', {}, `${cohort.checklistId} v${cohort.checklistVersion}`),
    h('td', { className: 'number' }, format.number(cohort.learnerCount)),
    h('td', {}, progress.levels.length === 0
      ? h('span', { className: 'muted' }, 'no learner yet')
      : h('ul', { className: 'levels-finished' }, progress.levels.map((level) => h('li', {},
        `${level.name}: `, h('strong', {}, format.share(level.finished, level.learners)))))));
}

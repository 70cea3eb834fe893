import { Refused, SignedOut, session } from './api.js';
import { h, replace } from './dom.js';
import { showCohorts } from './views/cohorts.js';
import { showCohort } from './views/cohort.js';
import { showLearner } from './views/learner.js';
import { showSignIn } from './views/sign-in.js';

const view = document.getElementById('view');
let leaving = () => {};

// #/ · #/cohorts/{id} · #/cohorts/{id}/learners/{learnerId}
const ROUTES = [
  [/^#?\/?$/, () => showCohorts],
  [/^#\/cohorts\/([^/]+)$/, ([cohortId]) => (target) => showCohort(target, cohortId)],
  [/^#\/cohorts\/([^/]+)\/learners\/([^/]+)$/, ([cohortId, learnerId]) =>
    (target) => showLearner(target, cohortId, learnerId)],
];

async function route() {
  leaving();
  leaving = () => {};
  const hash = window.location.hash || '#/';
  const match = ROUTES.map(([pattern, show]) => [hash.match(pattern), show]).find(([found]) => found);
  if (!match) {
    replace(view, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the cohorts')));
    return;
  }
  const [found, show] = match;
  const parts = found.slice(1).map(decodeURIComponent);
  try {
    const signedIn = await session.current();
    if (!signedIn.signedIn) throw new SignedOut();
    showWho(signedIn);
    replace(view, h('p', { className: 'loading' }, 'Loading…'));
    leaving = (await show(parts)(view)) || (() => {});
    view.focus();
  } catch (error) {
    failed(error);
  }
}

function failed(error) {
  if (error instanceof SignedOut) {
    showWho(null);
    showSignIn(view, route);
  } else {
    const sentence = error instanceof Refused ? error.message : 'Something went wrong while loading this page.';
    replace(view, h('h1', {}, 'This page could not be shown'), h('p', { className: 'error', role: 'alert' }, sentence));
    if (!(error instanceof Refused)) console.warn(error);
  }
}

function showWho(signedIn) {
  const who = document.getElementById('who');
  const signOut = document.getElementById('sign-out');
  who.hidden = signOut.hidden = !signedIn;
  who.textContent = signedIn ? `Signed in with key ${signedIn.keyPrefix}…` : '';
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await session.signOut().catch(() => {});
  window.location.hash = '#/';
  route();
});

window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  failed(event.reason);
});
route();

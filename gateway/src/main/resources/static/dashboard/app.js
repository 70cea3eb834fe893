import { Refused, SignedOut, session } from './api.js';
import { h, replace } from './dom.js';
import { showCohorts } from './views/cohorts.js';
import { showCohort } from './views/cohort.js';
import { showLearner } from './views/learner.js';
import { showSignIn } from './views/sign-in.js';

const view = document.getElementById('view');
let leaving = () => {};

// #/ · #/cohorts/{id} · #/cohorts/{id}/learners/{learnerId}; a share link opens #/link/{token}.
const ROUTES = [
  [/^#?\/?$/, () => showCohorts],
  [/^#\/cohorts\/([^/]+)$/, ([cohortId]) => (target, signedIn) => showCohort(target, cohortId, signedIn)],
  [/^#\/cohorts\/([^/]+)\/learners\/([^/]+)$/, ([cohortId, learnerId]) =>
    (target, signedIn) => showLearner(target, cohortId, learnerId, signedIn)],
];

// Where a share link's session starts, and the one place it may go.
const homeOf = (link) => (link.learnerId
  ? `#/cohorts/${encodeURIComponent(link.cohortId)}/learners/${encodeURIComponent(link.learnerId)}`
  : `#/cohorts/${encodeURIComponent(link.cohortId)}`);

// The token is exchanged for a session at once and leaves the address bar and the history.
async function openLink(encoded) {
  history.replaceState(null, '', '#/');
  try {
    const signedIn = await session.openLink(decodeURIComponent(encoded));
    history.replaceState(null, '', homeOf(signedIn.link));
  } catch (error) {
    replace(view, h('h1', {}, 'This link does not open anything'),
      h('p', { className: 'error', role: 'alert' }, error instanceof Refused
        ? error.message : 'Ticklist could not be reached. Try the link again in a moment.'));
    return false;
  }
  return true;
}

// data-loading is set while a view loads (tests wait for pages to settle by it and live.js's flags);
// the marks view-start and view-drawn (the frame after it, charts drawn) time it for the benchmark.
async function route() {
  leaving();
  leaving = () => {};
  document.documentElement.dataset.loading = 'yes';
  performance.mark('view-start');
  try {
    await showRoute();
  } finally {
    delete document.documentElement.dataset.loading;
    requestAnimationFrame(() => performance.mark('view-drawn'));
  }
}

async function showRoute() {
  const link = (window.location.hash || '').match(/^#\/link\/(.+)$/);
  if (link && !(await openLink(link[1]))) return;
  const hash = window.location.hash || '#/';
  const match = ROUTES.map(([pattern, show]) => [hash.match(pattern), show]).find(([found]) => found);
  if (!match) {
    replace(view, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the cohorts')));
    return;
  }
  const [found, render] = match;
  const parts = found.slice(1).map(decodeURIComponent);
  try {
    const signedIn = await session.current();
    if (!signedIn.signedIn) throw new SignedOut();
    showWho(signedIn);
    if (signedIn.link && hash !== homeOf(signedIn.link) && !hash.startsWith(`${homeOf(signedIn.link)}/`)) {
      window.location.replace(homeOf(signedIn.link));
      return;
    }
    replace(view, h('p', { className: 'loading' }, 'Loading…'));
    leaving = (await render(parts)(view, signedIn)) || (() => {});
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
  document.getElementById('main-nav').hidden = Boolean(signedIn?.link);
  if (!signedIn) who.textContent = '';
  else if (signedIn.link) who.textContent = signedIn.link.access === 'tick' ? 'Opened with your own link' : 'Opened with a shared link';
  else who.textContent = `Signed in with key ${signedIn.keyPrefix}…`;
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

import { Refused, SignedOut } from './api.js';
import { announce } from './dom.js';

const QUIET_MS = 250;
const RETRY_MS = 2000;

// Follows an SSE stream of progress changes and refreshes the page a moment after the first change
// (the changes meanwhile ride along), so a busy cohort refreshes a few times a second, never more.
// Each time the stream (re)connects the page refreshes too: a change made while it was not
// listening yet, or while it reconnected, is not missed. Only changes that pass `concerns` (given
// the change's data) count. Answers the function that stops following (when the page is left).
export function follow(path, refresh, message, concerns = () => true) {
  const source = new EventSource(path, { withCredentials: true });
  const root = document.documentElement;
  root.dataset.live = 'connecting';
  let timer = null;
  let stopped = false;
  // data-refreshing says a refresh is due or under way (tests wait for the page to settle by it).
  const soon = () => {
    if (timer !== null || stopped) return;
    root.dataset.refreshing = 'yes';
    timer = setTimeout(async () => {
      timer = null;
      try {
        await refresh();
        announce(message);
      } catch (error) {
        if (error instanceof SignedOut) throw error; // the page shows the sign-in (app.js)
        // What the page shows stays; it reads again a little later (a 429 says the key's allowance is spent).
        announce(error instanceof Refused ? `${error.message} Live updates resume shortly.` : 'Live updates paused; retrying.');
        setTimeout(soon, RETRY_MS);
      } finally {
        if (timer === null) delete root.dataset.refreshing;
      }
    }, QUIET_MS);
  };
  source.addEventListener('open', () => {
    root.dataset.live = 'open';
    soon();
  });
  source.addEventListener('error', () => {
    root.dataset.live = 'reconnecting';
  });
  source.addEventListener('progress', (event) => {
    if (concerns(JSON.parse(event.data))) soon();
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    source.close();
    delete root.dataset.live;
    delete root.dataset.refreshing;
  };
}

import { announce } from './dom.js';

const QUIET_MS = 250;

// Follows an SSE stream of progress changes and refreshes the page a moment after the first change
// (the changes meanwhile ride along), so a busy cohort refreshes a few times a second, never more.
// Answers the function that stops following (when the page is left).
export function follow(path, refresh, message) {
  const source = new EventSource(path, { withCredentials: true });
  let timer = null;
  source.addEventListener('progress', () => {
    if (timer !== null) return;
    timer = setTimeout(async () => {
      timer = null;
      await refresh();
      announce(message);
    }, QUIET_MS);
  });
  return () => {
    clearTimeout(timer);
    source.close();
  };
}

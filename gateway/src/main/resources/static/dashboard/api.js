// Reads the public API with the dashboard's session cookie (sent by the browser, never seen here).

export class SignedOut extends Error {}

export class Refused extends Error {
  constructor(status, sentence) {
    super(sentence);
    this.status = status;
  }
}

export async function getJson(path) {
  return answer(await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }));
}

export async function send(method, path, body, { signInAnswers = false } = {}) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer(response, signInAnswers);
}

// A 401 means the session ended, except for the sign-in itself, where it says why the key failed.
async function answer(response, signInAnswers = false) {
  if (response.status === 401 && !signInAnswers) throw new SignedOut();
  const text = await response.text();
  const document = text ? parse(text) : null;
  if (!response.ok) throw new Refused(response.status, sentence(response.status, document));
  return document;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// A problem document's detail, as a sentence a person can read.
function sentence(status, problem) {
  const detail = problem && typeof problem.detail === 'string' ? problem.detail : null;
  if (status === 404) return detail ? `Not found: ${detail}.` : 'This page does not exist, or is not yours to see.';
  if (status === 403) return 'Your sign-in does not allow this.';
  if (status === 429) return 'Too many requests at once; the dashboard will try again shortly.';
  if (status >= 500) return 'Ticklist could not answer just now. Try again in a moment.';
  return detail ? `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.` : `The request was refused (${status}).`;
}

export const session = {
  current: () => getJson('/dashboard/session'),
  signIn: (key) => send('POST', '/dashboard/session', { key }, { signInAnswers: true }),
  openLink: (link) => send('POST', '/dashboard/session', { link }, { signInAnswers: true }),
  signOut: () => send('DELETE', '/dashboard/session'),
};

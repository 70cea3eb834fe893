import { Refused, session } from '../api.js';
import { h, replace } from '../dom.js';

// The key goes to the gateway once, in the request body; the page keeps it nowhere.
export function showSignIn(view, signedIn) {
  const error = h('p', { id: 'sign-in-error', className: 'error', role: 'alert' });
  const input = h('input', {
    id: 'key', name: 'key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'key-hint sign-in-error',
  });
  const form = h('form', { className: 'sign-in', onsubmit: submit },
    h('label', { for: 'key' }, 'API key'),
    input,
    h('p', { id: 'key-hint', className: 'hint' },
      'A key of your organisation (it starts with tk_); a read key is enough. ',
      'The dashboard only reads, whatever the key may do, and forgets the key once you are signed in.'),
    h('button', { type: 'submit' }, 'Sign in'),
    error);
  replace(view, h('h1', {}, 'Sign in'), form);
  input.focus();

  async function submit(event) {
    event.preventDefault();
    error.textContent = '';
    try {
      await session.signIn(input.value);
      input.value = '';
      signedIn();
    } catch (refused) {
      error.textContent = refused instanceof Refused
        ? refused.message
        : 'Ticklist could not be reached. Check your connection and try again.';
      input.focus();
    }
  }
}

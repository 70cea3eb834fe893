// Builds elements from data with textContent only: names and ids from the API never become markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

const NUMBER = new Intl.NumberFormat('en');
const PERCENT = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const DATE_TIME = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export const format = {
  number: (value) => NUMBER.format(value),
  percent: (value) => `${PERCENT.format(value)} %`,
  share: (part, whole) => (whole === 0 ? '–' : `${PERCENT.format((100 * part) / whole)} %`),
  date: (iso) => DATE.format(new Date(iso)),
  dateTime: (iso) => DATE_TIME.format(new Date(iso)),
};

// Says something to screen-reader users (and shows it) without moving their focus.
export function announce(message) {
  document.getElementById('status').textContent = message;
}

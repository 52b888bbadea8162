import { ApiError } from './api-client.js';
import { h } from './dom.js';

/** Loading, empty and error states that say what is happening and what to do next. */

export function loadingState(what: string): HTMLElement {
  return h(
    'div',
    { class: 'state state-loading', role: 'status', attrs: { 'aria-live': 'polite' } },
    h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    h('span', { text: what }),
  );
}

export function emptyState(title: string, hint: string, ...actions: HTMLElement[]): HTMLElement {
  return h(
    'div',
    { class: 'state state-empty' },
    h('p', { class: 'state-title', text: title }),
    h('p', { class: 'state-hint', text: hint }),
    actions.length > 0 ? h('div', { class: 'state-actions' }, ...actions) : null,
  );
}

export function errorState(error: unknown, context: string): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return h(
    'div',
    { class: 'state state-error', role: 'alert' },
    h('p', { class: 'state-title', text: context }),
    h(
      'p',
      { class: 'state-message' },
      code ? h('code', { class: 'error-code', text: code }) : null,
      ' ',
      message,
    ),
    h('p', { class: 'state-hint', text: errorHint(error) }),
  );
}

function errorHint(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Try again; if it persists, reload the page.';
  switch (error.code) {
    case 'UNREACHABLE':
      return 'Start the server with npm start, then try again.';
    case 'UNAVAILABLE':
      return 'Neo4j is not reachable or holds no data yet: check npm start’s output, or ingest with npm run ingest.';
    case 'NOT_FOUND':
      return 'It may have been removed by a re-ingest: search for it again.';
    case 'TIMEOUT':
      return 'The query took too long: narrow it (a LIMIT, a label, fewer hops).';
    case 'UNAUTHORIZED':
      return 'This server needs its access token: reload the page and give HORIZON_TOKEN as the password.';
    case 'INVALID_INPUT':
      return 'Check the values you entered.';
    default:
      return 'Try again; if it persists, check the server log.';
  }
}

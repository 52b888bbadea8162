/**
 * The view and its state live in the URL hash (`#/themes?min=3`), so a copied link reopens the
 * same view. Views write with replaceState (no history entry per click); switching views pushes.
 */

import { formatWindow, parseWindow, type TimeWindow } from '../../model/index.js';

export const VIEW_IDS = ['explore', 'themes', 'issues', 'emerging', 'cypher', 'paths'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface Route {
  view: ViewId;
  params: URLSearchParams;
}

export function isViewId(value: string): value is ViewId {
  return (VIEW_IDS as readonly string[]).includes(value);
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const question = body.indexOf('?');
  const name = question < 0 ? body : body.slice(0, question);
  const query = question < 0 ? '' : body.slice(question + 1);
  return { view: isViewId(name) ? name : 'explore', params: new URLSearchParams(query) };
}

export function formatHash(view: ViewId, params: URLSearchParams = new URLSearchParams()): string {
  const query = params.toString();
  return `#/${view}${query ? `?${query}` : ''}`;
}

/** Writes the state of the current view without adding a history entry. */
export function replaceRoute(view: ViewId, params: URLSearchParams): void {
  const hash = formatHash(view, params);
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Navigates (a history entry, fires hashchange). */
export function goTo(view: ViewId, params: URLSearchParams = new URLSearchParams()): void {
  location.hash = formatHash(view, params);
}

export function intParam(
  params: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = Number.parseInt(params.get(name) ?? '', 10);
  return Number.isFinite(value) ? Math.max(min, Math.min(max, value)) : fallback;
}

/**
 * The time window is the shell's, not a view's: `window=2025-01-01..2025-06-30` in every view's
 * hash (one name, since the paths view's own `from` and `to` name nodes).
 */
export const WINDOW_PARAM = 'window';

export function windowFromParams(params: URLSearchParams): TimeWindow {
  return parseWindow(params.get(WINDOW_PARAM)) ?? {};
}

/** The params with the window set (or removed when there is none). */
export function withWindow(params: URLSearchParams, window: TimeWindow): URLSearchParams {
  const copy = new URLSearchParams(params);
  const text = formatWindow(window);
  if (text) copy.set(WINDOW_PARAM, text);
  else copy.delete(WINDOW_PARAM);
  return copy;
}

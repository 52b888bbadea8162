import type { NodeLabel } from '../../model/index.js';
import type { DetailsPanel, PanelAction } from './details-panel.js';
import type { TimeWindowState } from './time-window.js';
import type { ViewId } from './url-state.js';

/** What the shell gives every view. */
export interface ViewContext {
  details: DetailsPanel;
  /** The time window every view's requests count in (the shell keeps it in the URL). */
  timeWindow: TimeWindowState;
  /** Writes the view's state into the URL (no history entry) when the view is active. */
  saveState(view: ViewId, params: URLSearchParams): void;
  /** Puts a node on the Explore canvas (and its neighbours of `expand`, if given) and switches there. */
  openInExplore(id: string, expand?: NodeLabel[]): void;
  notify(text: string): void;
}

export interface View {
  readonly id: ViewId;
  readonly title: string;
  readonly sidebar: HTMLElement;
  readonly main: HTMLElement;
  /** Applies state from the URL: on first open, on a pasted link, on back/forward. */
  open(params: URLSearchParams): void;
  /** After the view became visible (canvases need a resize then). */
  shown(): void;
  /** When another view takes its place. */
  hidden?(): void;
  readonly panelActions: readonly PanelAction[];
  readonly panelHint: string;
  /** What the time window does here, shown under it; null hides it (the view does not use it). */
  readonly windowHelp: string | null;
  /** The time window changed: load again. */
  windowChanged?(): void;
}

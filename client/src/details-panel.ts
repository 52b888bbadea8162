import {
  neighbourLabels,
  parseNodeId,
  TREND_LABELS,
  type EvidenceArticle,
  type NodeDetails,
  type NodeLabel,
} from '../../model/index.js';
import { api, isAbort } from './api-client.js';
import { renderArticle } from './article-details.js';
import { propertyList } from './data-table.js';
import { h, replace, type Child } from './dom.js';
import { displayId, formatNumber, humanise } from './format.js';
import { labelChip } from './legend.js';
import { signalSection, trendSection } from './node-time.js';
import { emptyState, errorState, loadingState } from './status.js';
import type { TimeWindowState } from './time-window.js';

export interface PanelAction {
  label: string;
  title?: string;
  run(id: string): void;
  /** Only for nodes of these labels. */
  labels?: readonly string[];
  primary?: boolean;
}

/** Puts a node's neighbours of these labels on the Explore canvas. */
export type ExpandNeighbours = (id: string, labels: NodeLabel[]) => void;

/**
 * The right-hand panel: every fact of the selected node (GET /api/nodes/:id, and for an article
 * GET /api/articles/:id), or a view's own content (an edge's evidence, a theme's articles).
 * A theme, issue, keyword, signal or group also shows its trend and its signals over time, in the
 * time window. Links inside it open other nodes here, with Back to return.
 */
export class DetailsPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly back: HTMLButtonElement;
  private readonly history: (() => void)[] = [];
  private current: (() => void) | null = null;
  private controller: AbortController | null = null;
  private sections: AbortController | null = null;
  private actions: readonly PanelAction[] = [];
  private hint = 'Select a node to see its details.';

  constructor(
    private readonly timeWindow: TimeWindowState,
    private readonly expandNeighbours: ExpandNeighbours,
  ) {
    this.back = h('button', {
      class: 'button button-quiet back-button',
      type: 'button',
      text: '← Back',
      hidden: true,
      on: { click: () => this.goBack() },
    });
    this.body = h('div', { class: 'details-body' });
    this.element = h(
      'aside',
      { class: 'details', attrs: { 'aria-label': 'Details', 'aria-live': 'polite' } },
      h('div', { class: 'details-top' }, h('h2', { class: 'details-title', text: 'Details' }), this.back),
      this.body,
    );
    this.showHint(this.hint);
  }

  /** Actions offered on nodes (Expand, Open in Explore…); set by the active view. */
  configure(actions: readonly PanelAction[], hint: string): void {
    this.actions = actions;
    this.hint = hint;
  }

  showHint(text = this.hint): void {
    this.reset();
    this.body.replaceChildren(emptyState('Nothing selected', text));
  }

  private reset(): void {
    this.controller?.abort();
    this.sections?.abort();
    this.history.length = 0;
    this.current = null;
    this.back.hidden = true;
  }

  private navigate(render: () => void, push: boolean): void {
    if (push && this.current) this.history.push(this.current);
    else if (!push) this.history.length = 0;
    this.current = render;
    this.back.hidden = this.history.length === 0;
    render();
  }

  private goBack(): void {
    const previous = this.history.pop();
    if (!previous) return;
    this.current = previous;
    this.back.hidden = this.history.length === 0;
    previous();
  }

  /** Custom content from a view (kept in the Back history like nodes). */
  showContent(title: Child, ...content: Child[]): void {
    this.controller?.abort();
    this.navigate(() => replace(this.body, h('div', { class: 'details-heading' }, title), ...content), false);
  }

  /**
   * A theme's, issue's, keyword's, signal's or group's trend and the signals of its articles, in the
   * time window; nothing for other labels. Views put them in their own content about a node too.
   */
  timeSections(id: string, label: NodeLabel): HTMLElement[] {
    if (!TREND_LABELS.includes(label)) return [];
    this.sections?.abort();
    const { signal } = (this.sections = new AbortController());
    const window = this.timeWindow.current;
    const trend = trendSection(id, window, signal);
    if (label === 'Signal') return [trend];
    return [trend, signalSection(id, window, signal, (next) => this.showNode(next, true))];
  }

  showNode(id: string, push = false): void {
    this.navigate(() => void this.loadNode(id), push);
  }

  private async loadNode(id: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const parsed = parseNodeId(id);
    this.body.replaceChildren(loadingState('Loading details…'));
    try {
      if (parsed?.label === 'Article') {
        const [article, node] = await Promise.all([
          api.article(id, { signal: controller.signal }),
          api.node(id, { signal: controller.signal }).catch(() => null),
        ]);
        if (controller.signal.aborted) return;
        replace(
          this.body,
          this.header(id, 'Article', article.title),
          this.actionBar(id, 'Article'),
          renderArticle(article, (next) => this.showNode(next, true)),
          node ? this.degreeSection(node) : null,
        );
        return;
      }
      const node = await api.node(id, { signal: controller.signal });
      if (controller.signal.aborted) return;
      replace(
        this.body,
        this.header(id, node.label, node.name),
        this.actionBar(id, node.label),
        ...this.timeSections(id, node.label),
        this.propertiesSection(node),
        this.degreeSection(node),
      );
    } catch (error) {
      if (isAbort(error)) return;
      this.body.replaceChildren(errorState(error, 'Could not load the details'));
    }
  }

  private header(id: string, label: string, name: string): HTMLElement {
    return h(
      'div',
      { class: 'details-heading' },
      labelChip(label),
      h('h3', { class: 'node-name', text: name }),
      h('p', { class: 'node-id', text: displayId(id) }),
    );
  }

  private actionBar(id: string, label: string): HTMLElement | null {
    const actions = this.actions.filter((action) => !action.labels || action.labels.includes(label));
    if (actions.length === 0) return null;
    return h(
      'div',
      { class: 'action-bar' },
      ...actions.map((action) =>
        h('button', {
          class: action.primary ? 'button button-primary' : 'button',
          type: 'button',
          text: action.label,
          title: action.title,
          on: { click: () => action.run(id) },
        }),
      ),
    );
  }

  private propertiesSection(node: NodeDetails): HTMLElement {
    const entries = Object.entries(node.properties).sort(([a], [b]) => a.localeCompare(b));
    return h(
      'section',
      { class: 'detail-section' },
      h('h4', { text: 'Properties' }),
      entries.length > 0 ? propertyList(entries) : h('p', { class: 'muted', text: 'No properties.' }),
    );
  }

  /** Each relationship type with its count; a click puts those neighbours on the Explore canvas. */
  private degreeSection(node: NodeDetails): HTMLElement | null {
    const entries = Object.entries(node.degree).filter(([, count]) => count > 0);
    if (entries.length === 0) return null;
    return h(
      'section',
      { class: 'detail-section' },
      h('h4', { text: 'Relationships' }),
      h(
        'ul',
        { class: 'degree-list' },
        ...entries.map(([type, count]) => {
          const labels = neighbourLabels(node.label, type);
          const text = [
            h('span', { class: 'degree-type', text: humanise(type) }),
            h('span', { class: 'degree-count', text: formatNumber(count) }),
          ];
          return h(
            'li',
            {},
            labels.length === 0
              ? h('span', { class: 'degree-item' }, ...text)
              : h(
                  'button',
                  {
                    class: 'degree-item degree-button',
                    type: 'button',
                    title: `Put its ${labels.join(' and ')} neighbours (${type}) on the Explore canvas`,
                    on: { click: () => this.expandNeighbours(node.id, labels) },
                  },
                  ...text,
                ),
          );
        }),
      ),
    );
  }
}

/** A list of evidence articles; each opens its details in the panel. */
export function evidenceList(
  evidence: readonly EvidenceArticle[],
  open: (id: string) => void,
  emptyText = 'No articles.',
): HTMLElement {
  if (evidence.length === 0) return h('p', { class: 'muted', text: emptyText });
  return h(
    'ul',
    { class: 'link-list evidence-list' },
    ...evidence.map((article) =>
      h(
        'li',
        {},
        h('button', {
          class: 'link-button',
          type: 'button',
          text: article.title,
          title: `Show article ${article.id}`,
          on: { click: () => open(article.id) },
        }),
      ),
    ),
  );
}

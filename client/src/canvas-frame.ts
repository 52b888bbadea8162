import { h } from './dom.js';
import { plural } from './format.js';
import { FIT_PADDING, GraphCanvas, type CanvasHandlers, type CanvasOptions } from './graph-canvas.js';
import type { CanvasCover } from './large-graph.js';
import { LAYOUT_NAMES, LAYOUT_TITLES, type LayoutName } from './layout-protocol.js';
import { edgeTypeItems, labelItems, legendSections, type LegendSection } from './legend.js';

/** The room left between the graph and the toolbar or legend drawn over it (app.css margins). */
const OVERLAY_GAP = 10;

export interface FrameOptions extends CanvasOptions {
  exportName: string;
  /** What the legend lists (default: the node labels and relationship types on the canvas). */
  legend?: (canvas: GraphCanvas) => LegendSection[];
}

/**
 * A canvas with its toolbar (fit, zoom, layout, export), a legend, an overlay for
 * empty/loading/error states, a progress note for work under way, and a status line (counts,
 * layout progress). Used by every graph view.
 */
export class CanvasFrame {
  readonly element: HTMLElement;
  readonly canvas: GraphCanvas;
  private readonly overlay: HTMLElement;
  private readonly status: HTMLElement;
  private readonly layoutSelect: HTMLSelectElement;
  private readonly legend: HTMLDetailsElement;
  private readonly legendBody = h('div', { class: 'legend-body' });
  private readonly progress: HTMLElement;
  private readonly pending = new Map<number, string>();
  private pendingSeq = 0;
  private layoutMessage = '';

  constructor(
    handlers: CanvasHandlers & { onLayoutChange?(name: LayoutName): void },
    private readonly options: FrameOptions,
  ) {
    this.canvas = new GraphCanvas(
      {
        ...handlers,
        onChange: () => {
          this.updateStatus();
          this.refreshLegend();
          handlers.onChange?.();
        },
        onLayoutState: (state, detail) => {
          this.layoutMessage =
            state === 'running' ? 'Laying out…' : state === 'failed' ? `Layout failed: ${detail ?? ''}` : '';
          this.element.classList.toggle('is-laying-out', state === 'running');
          this.updateStatus();
          handlers.onLayoutState?.(state, detail);
        },
      },
      options,
    );
    this.layoutSelect = h(
      'select',
      {
        class: 'toolbar-select',
        title: 'Layout',
        attrs: { 'aria-label': 'Layout' },
        on: {
          change: () => {
            const name = this.layoutSelect.value as LayoutName;
            void this.canvas.runLayout(name, true);
            handlers.onLayoutChange?.(name);
          },
        },
      },
      ...LAYOUT_NAMES.map((name) => h('option', { text: LAYOUT_TITLES[name], attrs: { value: name } })),
    );
    const button = (text: string, title: string, run: () => void, className = ''): HTMLButtonElement =>
      h('button', {
        class: `tool-button ${className}`.trim(),
        type: 'button',
        text,
        title,
        attrs: { 'aria-label': title },
        on: { click: run },
      });
    const toolbar = h(
      'div',
      { class: 'canvas-toolbar', role: 'toolbar', attrs: { 'aria-label': 'Canvas tools' } },
      button('⤢', 'Fit to screen (0)', () => this.canvas.fit()),
      button('+', 'Zoom in (+)', () => this.canvas.zoomBy(1.25)),
      button('−', 'Zoom out (−)', () => this.canvas.zoomBy(0.8)),
      h('span', { class: 'toolbar-sep', attrs: { 'aria-hidden': 'true' } }),
      this.layoutSelect,
      button(
        'Re-layout',
        'Run the layout again',
        () => void this.canvas.runLayout(this.canvas.layoutName, true),
        'text',
      ),
      h('span', { class: 'toolbar-sep', attrs: { 'aria-hidden': 'true' } }),
      button(
        'PNG',
        'Export the graph as a PNG image',
        () => this.canvas.exportPng(`${options.exportName}.png`),
        'text',
      ),
      button(
        'JSON',
        'Export the graph as Cytoscape JSON',
        () => this.canvas.exportJson(`${options.exportName}.json`),
        'text',
      ),
    );
    this.overlay = h('div', { class: 'canvas-overlay', hidden: true });
    this.status = h('div', { class: 'canvas-status', attrs: { 'aria-live': 'polite' } });
    this.legend = h(
      'details',
      { class: 'canvas-legend', hidden: true, attrs: { open: true } },
      h('summary', { text: 'Legend' }),
      this.legendBody,
    );
    this.progress = h('div', {
      class: 'canvas-progress',
      role: 'status',
      hidden: true,
      attrs: { 'aria-live': 'polite' },
    });
    this.element = h(
      'div',
      { class: 'canvas-frame' },
      this.canvas.element,
      toolbar,
      this.legend,
      this.overlay,
      this.progress,
      this.status,
    );
    this.canvas.keepClearOf(() => this.cover(toolbar));
    const overlays = new ResizeObserver(() => this.canvas.overlaysChanged());
    overlays.observe(toolbar);
    overlays.observe(this.legend);
    this.updateStatus();
  }

  /**
   * What the toolbar and the open legend cover (with their margins). A fit's padding already keeps
   * the graph off the canvas's sides, so the toolbar counts only for what it reaches beyond that.
   */
  private cover(toolbar: HTMLElement): CanvasCover {
    const toolbarBottom = toolbar.offsetTop + toolbar.offsetHeight + OVERLAY_GAP;
    const legendOpen = !this.legend.hidden && this.legend.open;
    return {
      top: Math.max(0, toolbarBottom - FIT_PADDING),
      corner: legendOpen
        ? { width: this.legend.offsetWidth + OVERLAY_GAP, height: this.legend.offsetHeight + OVERLAY_GAP }
        : { width: 0, height: 0 },
    };
  }

  /** Rebuilds the legend from what the canvas shows (the view calls it when its own key changes). */
  refreshLegend(): void {
    const sections = this.options.legend
      ? this.options.legend(this.canvas)
      : [
          { title: 'Nodes', items: labelItems(this.canvas.visibleLabels()) },
          {
            title: 'Relationships',
            items: edgeTypeItems(this.canvas.visibleEdgeTypes(), this.options.undirected),
          },
        ];
    const content = this.canvas.size.nodes > 0 ? legendSections(sections) : [];
    this.legendBody.replaceChildren(...content);
    this.legend.hidden = content.length === 0;
  }

  /**
   * Says on the canvas, at once, that something is under way (a node being fetched, expanded);
   * returns the call that ends it. Several may run at once: the newest is shown.
   */
  busy(text: string): () => void {
    const seq = (this.pendingSeq += 1);
    this.pending.set(seq, text);
    this.showProgress();
    return () => {
      this.pending.delete(seq);
      this.showProgress();
    };
  }

  private showProgress(): void {
    const texts = [...this.pending.values()];
    const text = texts[texts.length - 1];
    this.progress.hidden = text === undefined;
    this.canvas.element.setAttribute('aria-busy', String(text !== undefined));
    this.progress.replaceChildren(
      ...(text === undefined
        ? []
        : [h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('span', { text })]),
    );
  }

  setLayout(name: LayoutName): void {
    this.canvas.layoutName = name;
    this.layoutSelect.value = name;
  }

  showOverlay(content: HTMLElement | null): void {
    this.overlay.hidden = content === null;
    this.overlay.replaceChildren(...(content ? [content] : []));
  }

  updateStatus(extra = ''): void {
    const { nodes, edges } = this.canvas.size;
    const hidden = this.canvas.hiddenIds().length;
    const parts = [
      `${plural(nodes, 'node')} · ${plural(edges, 'edge')}`,
      hidden > 0 ? `${hidden} hidden` : '',
      this.canvas.big ? 'fast rendering' : '',
      this.layoutMessage,
      extra,
    ].filter(Boolean);
    this.status.textContent = parts.join(' · ');
  }
}

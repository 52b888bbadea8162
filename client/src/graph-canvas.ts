import cytoscape, {
  type Core,
  type EdgeDefinition,
  type ElementDefinition,
  type EventObject,
  type NodeDefinition,
  type NodeSingular,
} from 'cytoscape';
import type { CyEdgeData, CyNodeData, Elements } from '../../model/index.js';
import { download, h, nextFrame } from './dom.js';
import {
  frameWithLabels,
  labelWidth,
  pickFarLabels,
  type FramedNode,
  type LabelCandidate,
  type Viewport,
} from './far-labels.js';
import { EDGE_LABEL_PX, graphStyle, LABEL_FONT, MIN_LABEL_PX } from './graph-style.js';
import {
  ADD_CHUNK,
  BIG_GRAPH,
  boxOfNodes,
  roomsClearOf,
  type CanvasCover,
  fitViewport,
  LABELLED_ADD_CHUNK,
  renderOptions,
  revealSteps,
  sameView,
} from './large-graph.js';
import type { LayoutName, Positions } from './layout-protocol.js';
import { LayoutRunner } from './layout-runner.js';
import { labelStyle } from './palette.js';
import { warmNodeTextures } from './texture-warmup.js';

/**
 * A Cytoscape canvas that stays responsive at thousands of elements: elements are added in
 * chunks between frames, layouts run in a worker, and past BIG_GRAPH elements the instance is
 * rebuilt with the cheap rendering options of large-graph.ts and graph-style.ts.
 */
const ANIMATE_BELOW = 400;
const FIT_MAX_ZOOM = 1.3;
/** Room a fit leaves between the graph and the canvas's sides. */
export const FIT_PADDING = 40;
/** A node label's line (font and background) and its gap under the node, in px at zoom 1. */
const LABEL_HEIGHT = LABEL_FONT + 4;
const LABEL_MARGIN = 3;
const LABEL_MAX_WIDTH = 160;

function labelWidthOf(text: unknown): number {
  return text ? labelWidth(String(text), LABEL_FONT, LABEL_MAX_WIDTH) : 0;
}
const LABELS_AT_MOST = 300;

export interface CanvasHandlers {
  onNodeSelect?(id: string | null): void;
  onEdgeSelect?(data: CyEdgeData | null): void;
  /** Double-click or Enter on a node. */
  onNodeActivate?(id: string): void;
  /** Delete or Backspace with a selection. */
  onDeleteKey?(ids: string[]): void;
  onChange?(): void;
  onLayoutState?(state: 'running' | 'done' | 'failed', detail?: string): void;
}

export interface CanvasOptions {
  /** Edge width (px) from its data, e.g. by co-occurrence count. */
  edgeWidth?: (data: Record<string, unknown>) => number;
  /** The label of a selected edge (default: its type). */
  edgeLabel?: (data: Record<string, unknown>) => string;
  /** Draw edges without arrows (derived, symmetric links). */
  undirected?: boolean;
  /** A node's colour instead of its label's (e.g. its community). */
  nodeColor?: (data: CyNodeData) => string | undefined;
  /** A ring around a node, its width in px (0: none), e.g. by a centrality. */
  nodeRing?: (data: CyNodeData) => number;
  /** The accessible name of the canvas. */
  name: string;
}

export interface AddResult {
  nodes: string[];
  edges: string[];
  /** Edges whose ends are not on the canvas and so could not be drawn. */
  skippedEdges: number;
}

/** What an add that was cancelled or superseded drew. */
function nothingAdded(): AddResult {
  return { nodes: [], edges: [], skippedEdges: 0 };
}

export class GraphCanvas {
  readonly element: HTMLElement;
  cy: Core;
  big = false;
  layoutName: LayoutName = 'fcose';
  private readonly layouts = new LayoutRunner();
  private destroyed = false;
  /**
   * Moves on each time the canvas is emptied (setElements, clear). Drawing happens in steps, a frame
   * apart; a step that finds the number moved stops, so an answer replaced while it was still being
   * drawn leaves nothing of itself on the new one.
   */
  private drawing = 0;

  constructor(
    private readonly handlers: CanvasHandlers,
    private readonly options: CanvasOptions,
  ) {
    this.element = h('div', {
      class: 'graph-canvas',
      tabIndex: 0,
      role: 'application',
      attrs: {
        'aria-label': `${options.name}. Arrow keys move the selection, Enter expands, Delete removes, + and − zoom, 0 fits.`,
        'aria-roledescription': 'graph canvas',
      },
      on: {
        keydown: (event) => this.onKey(event),
        // Cytoscape sends no mouseout when the pointer leaves the canvas straight from an edge.
        mouseleave: () => this.cy.edges('.hovered').removeClass('hovered'),
      },
    });
    this.cy = this.createCore(false);
  }

  private createCore(big: boolean, elements: ElementDefinition[] = []): Core {
    const cy = cytoscape({
      container: this.element,
      elements,
      style: graphStyle(big),
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'single',
      ...renderOptions(big),
    });
    // A click on the canvas puts the keyboard there, so Delete, arrows and Ctrl+Z act on the graph
    // (and never on the field that had the focus before).
    cy.on('tapstart', () => this.element.focus({ preventScroll: true }));
    cy.on('tap', 'node', (event: EventObject) => {
      this.focusNeighbourhood(event.target as NodeSingular);
      if (!this.big) this.farLabelsSoon();
      this.handlers.onNodeSelect?.((event.target as NodeSingular).id());
    });
    cy.on('tap', 'edge', (event: EventObject) => {
      this.clearFocus();
      this.handlers.onEdgeSelect?.((event.target as cytoscape.EdgeSingular).data() as CyEdgeData);
    });
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) {
        this.clearFocus();
        this.handlers.onNodeSelect?.(null);
      }
    });
    cy.on('dbltap', 'node', (event: EventObject) =>
      this.handlers.onNodeActivate?.((event.target as NodeSingular).id()),
    );
    cy.on('mouseover', 'edge', (event: EventObject) => this.showEdgeLabel(event.target, true));
    cy.on('mouseout', 'edge', (event: EventObject) => this.showEdgeLabel(event.target, false));
    cy.on('select', 'edge', (event: EventObject) => this.showEdgeLabel(event.target, false));
    if (big) cy.on('viewport', () => this.labelSoon());
    else cy.on('viewport', () => this.farLabelsSoon());
    return cy;
  }

  /** A hovered (or selected) edge shows its label at a readable size whatever the zoom. */
  private showEdgeLabel(edge: cytoscape.EdgeSingular, hovered: boolean): void {
    edge.data('_labelFont', EDGE_LABEL_PX / this.cy.zoom());
    if (hovered) edge.addClass('hovered');
    else edge.removeClass('hovered');
  }

  private changed(): void {
    if (!this.big) this.farLabelsSoon();
    this.handlers.onChange?.();
  }

  private farLabelTimer = 0;

  private farLabelsSoon(): void {
    window.clearTimeout(this.farLabelTimer);
    this.farLabelTimer = window.setTimeout(() => this.updateFarLabels(), 60);
  }

  /**
   * Small graphs zoomed out past the readable label size: the most important nodes (selected,
   * expanded, best connected) keep a label drawn at the size it has at zoom 1, as many as fit
   * (far-labels.ts). Zoomed in, every label is drawn as usual.
   */
  private updateFarLabels(): void {
    if (this.big || this.destroyed) return;
    const cy = this.cy;
    const zoom = cy.zoom();
    if (LABEL_FONT * zoom >= MIN_LABEL_PX) {
      const marked = cy.nodes('.far-label, .no-label');
      if (marked.nonempty()) cy.batch(() => marked.removeClass('far-label no-label'));
      return;
    }
    const nodes = (cy.nodes(':visible').toArray() as NodeSingular[]).sort(
      (a, b) =>
        Number(b.selected()) - Number(a.selected()) ||
        Number(b.hasClass('expanded')) - Number(a.hasClass('expanded')) ||
        Number(b.data('articleCount') ?? 0) - Number(a.data('articleCount') ?? 0) ||
        b.degree(false) - a.degree(false),
    );
    const height = LABEL_HEIGHT;
    const candidates: LabelCandidate[] = nodes.map((node) => {
      const p = node.renderedPosition();
      return {
        id: node.id(),
        x: p.x,
        y: p.y + node.renderedHeight() / 2 + LABEL_MARGIN + height / 2,
        width: labelWidthOf(node.data('_label')),
        height,
      };
    });
    const picked = new Set(pickFarLabels(candidates, { width: cy.width(), height: cy.height() }));
    // Cytoscape's own cut-off (min-zoomed-font-size) goes by texture levels, powers of two: at
    // zoom 0.6 it still draws 6.6 px labels. Here every node is either picked or unlabelled.
    cy.batch(() => {
      for (const node of nodes) {
        if (picked.has(node.id())) {
          node.data({
            _farFont: LABEL_FONT / zoom,
            _farWidth: LABEL_MAX_WIDTH / zoom,
            _farMargin: LABEL_MARGIN / zoom,
          });
          node.removeClass('no-label').addClass('far-label');
        } else node.removeClass('far-label').addClass('no-label');
      }
    });
    performance.mark('graph:far-labels', { detail: { labels: picked.size, zoom } });
  }

  private labelTimer = 0;
  private revealing = false;

  /** Big graphs: once the view settles, label the nodes in it if they are few enough to read. */
  private labelSoon(): void {
    window.clearTimeout(this.labelTimer);
    this.labelTimer = window.setTimeout(() => {
      // Parking moves the view while a graph is revealed: only the settled view is labelled.
      if (!this.big || this.destroyed || this.revealing) return;
      const cy = this.cy;
      const extent = cy.extent();
      const inView =
        cy.zoom() >= 0.6
          ? cy.nodes(':visible').filter((node) => {
              const p = node.position();
              return p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2;
            })
          : cy.collection();
      const labelled = inView.length <= LABELS_AT_MOST ? inView : cy.collection();
      cy.batch(() => {
        cy.nodes('.labelled').difference(labelled).removeClass('labelled');
        labelled.addClass('labelled');
      });
      performance.mark('graph:labelled', { detail: { nodes: labelled.length } });
    }, 200);
  }

  /**
   * Rebuilds the instance when the graph crosses the big-graph threshold (render options are
   * fixed at creation). What was on the canvas goes back in parked chunks, like any big addition.
   */
  private async ensureMode(total: number): Promise<void> {
    const big = total > BIG_GRAPH;
    if (big === this.big) return;
    const elements = this.cy.elements().jsons() as unknown as ElementDefinition[];
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    this.cy.destroy();
    this.big = big;
    this.cy = this.createCore(big);
    await this.addParked(elements);
    this.cy.viewport({ zoom, pan });
  }

  get size(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  nodeData(id: string): CyNodeData | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? (node.data() as CyNodeData) : null;
  }

  visibleLabels(): Map<string, number> {
    return this.countVisible(this.cy.nodes(':visible'), 'label');
  }

  /** Relationship types (or derived link types) of the visible edges, with their counts. */
  visibleEdgeTypes(): Map<string, number> {
    return this.countVisible(this.cy.edges(':visible'), 'type');
  }

  private countVisible(
    elements: { forEach(each: (element: cytoscape.SingularElementArgument) => void): unknown },
    field: string,
  ): Map<string, number> {
    const counts = new Map<string, number>();
    elements.forEach((element) => {
      const value = String(element.data(field));
      counts.set(value, (counts.get(value) ?? 0) + 1);
    });
    return counts;
  }

  /** Replaces everything with `elements`, then lays them out. */
  async setElements(
    elements: Elements,
    layout: LayoutName = this.layoutName,
    roots?: string[],
  ): Promise<AddResult> {
    const drawing = ++this.drawing;
    const superseded = (): boolean => this.drawing !== drawing;
    this.layouts.cancel();
    this.cy.elements().remove();
    const total = elements.nodes.length + elements.edges.length;
    await this.ensureMode(total);
    this.layoutName = layout;
    // Whatever came before (parsing the answer) had its task; drawing starts in a new one.
    await nextFrame();
    if (superseded()) return nothingAdded();
    if (total > BIG_GRAPH && elements.nodes.length > 1) {
      // Big: lay out first (in the worker, on plain data), then add everything where it belongs.
      // Drawing 7,000 elements and then moving 2,000 of them would cost the main thread twice.
      const positions = await this.computeLayout(layout, elements, roots);
      if (!positions || superseded()) return nothingAdded();
      const result = await this.add(elements, undefined, positions);
      if (superseded()) return nothingAdded();
      requestAnimationFrame(() => {
        performance.mark('graph:first-render', { detail: this.size });
        performance.mark('graph:layout-applied', { detail: { name: layout, ...this.size } });
      });
      this.handlers.onLayoutState?.('done');
      return result;
    }
    const result = await this.add(elements);
    if (superseded()) return nothingAdded();
    this.fit(false);
    this.changed();
    // Marks for bench/ui.ts (and the browser's performance panel): drawn, then laid out.
    requestAnimationFrame(() => performance.mark('graph:first-render', { detail: this.size }));
    if (result.nodes.length > 1) await this.runLayout(layout, true, roots);
    return result;
  }

  /** Positions for a graph that is not on the canvas yet; null when superseded or failed. */
  private async computeLayout(
    layout: LayoutName,
    elements: Elements,
    roots?: string[],
  ): Promise<Positions | null> {
    this.handlers.onLayoutState?.('running');
    performance.mark('graph:layout-start');
    const golden = Math.PI * (3 - Math.sqrt(5));
    try {
      const degree = new Map<string, number>();
      for (const edge of elements.edges) {
        degree.set(edge.data.source, (degree.get(edge.data.source) ?? 0) + 1);
        degree.set(edge.data.target, (degree.get(edge.data.target) ?? 0) + 1);
      }
      const top = [...degree].sort((a, b) => b[1] - a[1])[0]?.[0] ?? elements.nodes[0]!.data.id;
      const positions = await this.layouts.run({
        name: layout,
        randomize: true,
        roots: roots ?? [top],
        nodes: elements.nodes.map((node, i) => {
          const size = Number(this.nodeDefData(node.data)._size);
          return {
            id: node.data.id,
            w: size,
            h: size,
            x: 28 * Math.sqrt(i) * Math.cos(i * golden),
            y: 28 * Math.sqrt(i) * Math.sin(i * golden),
          };
        }),
        edges: elements.edges.map((edge) => ({
          id: edge.data.id,
          source: edge.data.source,
          target: edge.data.target,
        })),
      });
      performance.mark('graph:layout-computed');
      return positions;
    } catch (error) {
      if ((error as Error).name === 'LayoutCancelled') return null;
      this.handlers.onLayoutState?.('failed', (error as Error).message);
      return null;
    }
  }

  /**
   * Moves the view far from the graph while many elements change: Cytoscape skips drawing what
   * lies outside the view, so the frames between chunks cost next to nothing. Returns the undo.
   */
  private park(): () => void {
    const zoom = this.cy.zoom();
    const pan = { ...this.cy.pan() };
    this.cy.viewport({ zoom: 1, pan: { x: -1e7, y: -1e7 } });
    return () => this.cy.viewport({ zoom, pan });
  }

  /**
   * Adds what is not on the canvas yet. New nodes go in a ring around `near` (the expanded node),
   * leaving everything else where it is; without `near` they spiral out from the view's centre,
   * unless `positions` says where each goes.
   */
  async add(elements: Elements, near?: string, positions?: Positions): Promise<AddResult> {
    const drawing = this.drawing;
    // One set of ids, not a Cytoscape lookup per node and three per edge (a collection each).
    const present = new Set(this.cy.elements().map((element) => element.id()));
    const fresh = elements.nodes.filter((node) => !present.has(node.data.id));
    for (const node of fresh) present.add(node.data.id);
    const edges: EdgeDefinition[] = [];
    let skippedEdges = 0;
    for (const edge of elements.edges) {
      const { source, target, id } = edge.data;
      if (present.has(id)) continue;
      if (present.has(source) && present.has(target)) {
        edges.push({ group: 'edges', data: this.edgeData(edge.data) });
      } else skippedEdges += 1;
    }
    await this.ensureMode(this.cy.elements().length + fresh.length + edges.length);
    if (this.drawing !== drawing) return nothingAdded();
    const placed = positions ? null : this.initialPositions(fresh.length, near);
    const nodes: NodeDefinition[] = fresh.map((node, i) => ({
      group: 'nodes',
      data: this.nodeDefData(node.data),
      position: positions?.[node.data.id] ?? placed?.[i] ?? { x: 0, y: 0 },
    }));
    if (positions) {
      // A laid-out graph is framed before it is drawn (a zoom change after would render every
      // node's texture again), then shown in steps, each drawn in a frame of its own: the nodes a
      // part at a time (their first drawing is their textures'), then the edges.
      this.frame(
        nodes.map((node) => ({
          x: node.position!.x,
          y: node.position!.y,
          size: Number(node.data._size),
          label: node.data._label,
        })),
      );
      this.revealing = true;
      try {
        let warmed = 0;
        for (const part of revealSteps<ElementDefinition>(nodes, edges)) {
          warmed += await this.addParked(part);
          performance.mark('graph:reveal-step', { detail: { elements: part.length, zoom: this.cy.zoom() } });
          await nextFrame();
          if (this.drawing !== drawing) break;
        }
        if (this.drawing === drawing)
          performance.mark('graph:textures-warmed', { detail: { nodes: warmed } });
      } finally {
        this.revealing = false;
      }
      if (this.big) this.labelSoon();
    } else await this.addParked([...nodes, ...edges]);
    if (this.drawing !== drawing) return nothingAdded();
    this.changed();
    if (near && nodes.length > 0) this.revealAll();
    return {
      nodes: nodes.map((node) => node.data.id!),
      edges: edges.map((edge) => edge.data.id!),
      skippedEdges,
    };
  }

  /**
   * Adds in chunks, the view parked while there is more than one, and renders the textures of the
   * new nodes before the view comes back (texture-warmup.ts). Returns the nodes warmed.
   */
  private async addParked(elements: ElementDefinition[]): Promise<number> {
    const zoom = this.cy.zoom();
    const chunk = this.big ? ADD_CHUNK : LABELLED_ADD_CHUNK;
    const restore = elements.length > chunk ? this.park() : null;
    let warmed = 0;
    await this.addInChunks(elements, chunk, (added) => {
      warmed += warmNodeTextures(this.cy, added.nodes(), zoom);
    });
    restore?.();
    return warmed;
  }

  /** One chunk per task: the frame between them draws (or, parked, skips) what was added. */
  private async addInChunks(
    elements: ElementDefinition[],
    size: number,
    afterChunk?: (added: cytoscape.Collection) => void,
  ): Promise<void> {
    const drawing = this.drawing;
    for (let start = 0; start < elements.length && this.drawing === drawing; start += size) {
      const chunk = elements.slice(start, start + size);
      let added = this.cy.collection();
      this.cy.batch(() => {
        added = this.cy.add(chunk);
      });
      afterChunk?.(added);
      if (start + size < elements.length) await nextFrame();
    }
  }

  private nodeDefData(data: CyNodeData): Record<string, unknown> {
    const style = labelStyle(data.label);
    const count = typeof data.articleCount === 'number' ? data.articleCount : 0;
    const size = Math.min(90, style.size * (1 + 0.28 * Math.log2(1 + count)));
    const name = data.name || data.id;
    return {
      ...data,
      _label: name.length > 48 ? `${name.slice(0, 46)}…` : name,
      _size: Math.round(size),
      _shape: style.shape,
      ...this.paint(data),
    };
  }

  /** A node's colour and ring: its label's, or what the view's nodeColor and nodeRing say. */
  private paint(data: CyNodeData): { _color: string; _ring: number } {
    return {
      _color: this.options.nodeColor?.(data) ?? labelStyle(data.label).color,
      _ring: this.options.nodeRing?.(data) ?? 0,
    };
  }

  /** Paints the nodes again when what the view colours them by has come (e.g. their communities). */
  repaintNodes(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.data(this.paint(node.data() as CyNodeData));
      });
    });
  }

  private edgeData(data: CyEdgeData): CyEdgeData {
    const width = this.options.edgeWidth?.(data) ?? (this.big ? 1 : 1.2);
    return {
      ...data,
      _w: width,
      _edgeLabel: this.options.edgeLabel?.(data) ?? data.type,
      _labelFont: EDGE_LABEL_PX,
      ...(this.options.undirected ? { _undirected: true } : {}),
    };
  }

  private initialPositions(count: number, near?: string): { x: number; y: number }[] {
    if (count === 0) return [];
    const parent = near ? this.cy.getElementById(near) : null;
    if (parent && parent.nonempty()) {
      const centre = parent.position();
      // Open the ring away from the rest of the graph, so new nodes land in free space.
      const others = this.cy.nodes().not(parent);
      const box = others.length > 0 ? others.boundingBox() : null;
      const away = box ? Math.atan2(centre.y - (box.y1 + box.h / 2), centre.x - (box.x1 + box.w / 2)) : 0;
      const spread = others.length > 0 ? Math.PI * 1.4 : Math.PI * 2;
      // Rings 90 px apart, each holding as many nodes as fit at ~70 px spacing along its arc.
      const positions: { x: number; y: number }[] = [];
      for (let ring = 0, placed = 0; placed < count; ring += 1) {
        const radius = 160 + ring * 90;
        const capacity = Math.max(6, Math.floor((spread * radius) / 70));
        const inRing = Math.min(capacity, count - placed);
        for (let i = 0; i < inRing; i += 1) {
          const angle =
            away - spread / 2 + (spread * (i + 0.5)) / inRing + (ring % 2) * (spread / inRing / 2);
          positions.push({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
        }
        placed += inRing;
      }
      return positions;
    }
    const extent = this.cy.extent();
    const cx = (extent.x1 + extent.x2) / 2;
    const cy = (extent.y1 + extent.y2) / 2;
    // Sunflower spiral: even spacing, O(n), a sensible picture until the layout returns.
    const golden = Math.PI * (3 - Math.sqrt(5));
    return Array.from({ length: count }, (_, i) => ({
      x: cx + 28 * Math.sqrt(i) * Math.cos(i * golden),
      y: cy + 28 * Math.sqrt(i) * Math.sin(i * golden),
    }));
  }

  /** Lays out the visible nodes in the worker; breadth-first grows from `roots` (default: the selection). */
  async runLayout(name: LayoutName = this.layoutName, randomize = true, roots?: string[]): Promise<void> {
    this.layoutName = name;
    const nodes = this.cy.nodes(':visible');
    if (nodes.length === 0) return;
    const selected = this.cy.nodes(':selected');
    // Labelled (small) graphs under fCoSE or concentric: keep whole labels apart, not only the
    // shapes. Tree and grid rows would widen by the longest label and shrink the picture.
    const spaceForLabels = !this.big && (name === 'fcose' || name === 'concentric');
    this.handlers.onLayoutState?.('running');
    performance.mark('graph:layout-start');
    let positions: Positions;
    try {
      positions = await this.layouts.run({
        name,
        randomize,
        roots:
          roots ??
          (selected.nonempty() ? selected.map((n) => n.id()) : [nodes.max((n) => n.degree(false)).ele.id()]),
        nodes: nodes.map((node) => {
          const box = spaceForLabels
            ? node.boundingBox({ includeLabels: true })
            : { w: node.width(), h: node.height() };
          return { id: node.id(), w: box.w, h: box.h, x: node.position('x'), y: node.position('y') };
        }),
        edges: this.cy
          .edges(':visible')
          .map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() })),
      });
    } catch (error) {
      if ((error as Error).name === 'LayoutCancelled') return;
      this.handlers.onLayoutState?.('failed', (error as Error).message);
      return;
    }
    if (this.destroyed) return;
    performance.mark('graph:layout-computed');
    await this.applyPositions(positions);
    performance.mark('graph:layout-applied', { detail: { name, ...this.size } });
    this.handlers.onLayoutState?.('done');
  }

  private async applyPositions(positions: Positions): Promise<void> {
    const nodes = this.cy.nodes().filter((node) => positions[node.id()] !== undefined);
    if (nodes.length < ANIMATE_BELOW && this.hasSize) {
      // The view moves with the nodes to where their final positions, labels included, fit.
      const target = this.viewportFor(
        this.cy
          .nodes(':visible')
          .map((node) => ({ ...(positions[node.id()] ?? node.position()), ...this.framing(node) })),
      );
      this.fitted = target;
      const layout = nodes.layout({
        name: 'preset',
        positions,
        animate: true,
        animationDuration: 450,
        animationEasing: 'ease-out-cubic',
        fit: false,
        ...(target ?? {}),
      });
      layout.run();
      await layout.promiseOn('layoutstop');
      return;
    }
    const list = nodes.toArray() as NodeSingular[];
    const restore = this.park();
    for (let start = 0; start < list.length; start += ADD_CHUNK) {
      this.cy.batch(() => {
        for (const node of list.slice(start, start + ADD_CHUNK)) node.position(positions[node.id()]!);
      });
      if (start + ADD_CHUNK < list.length) await nextFrame();
    }
    restore();
    this.fit(false);
  }

  /** Zooms out (animated) when some nodes lie outside the view, e.g. after an expand. */
  private revealAll(): void {
    const view = this.cy.extent();
    const box = this.cy.elements(':visible').boundingBox();
    const inside = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
    if (!inside) this.fit();
  }

  select(id: string | null, centre = false): void {
    this.cy.$(':selected').unselect();
    if (!id) {
      this.clearFocus();
      return;
    }
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    element.select();
    if (element.isNode()) this.focusNeighbourhood(element);
    if (!this.big) this.farLabelsSoon();
    if (centre) this.cy.animate({ center: { eles: element }, duration: 250 });
  }

  selectedIds(): string[] {
    return this.cy.$(':selected').map((element) => element.id());
  }

  private focusNeighbourhood(node: NodeSingular): void {
    if (this.cy.elements().length > BIG_GRAPH) return;
    this.cy.batch(() => {
      this.cy.elements().addClass('faded');
      node.closedNeighborhood().removeClass('faded');
    });
  }

  clearFocus(): void {
    this.cy.batch(() => this.cy.elements('.faded').removeClass('faded'));
  }

  markExpanded(id: string): void {
    this.cy.getElementById(id).addClass('expanded');
  }

  /** A node waiting for an answer about it (being expanded): drawn with a dashed ring. */
  markBusy(id: string, busy: boolean): void {
    const node = this.cy.getElementById(id);
    if (busy) node.addClass('busy');
    else node.removeClass('busy');
  }

  /** Removes nodes (and their edges); returns them, with positions, so undo can put them back. */
  remove(ids: readonly string[]): ElementDefinition[] {
    let chosen = this.cy.collection();
    for (const id of ids) chosen = chosen.union(this.cy.getElementById(id));
    const removed = chosen.union(chosen.nodes().connectedEdges());
    const jsons = removed.jsons() as unknown as ElementDefinition[];
    removed.remove();
    this.changed();
    return jsons;
  }

  restore(elements: readonly ElementDefinition[]): void {
    const missing = elements.filter((element) => !this.has(String(element.data.id)));
    const nodes = missing.filter((element) => element.group === 'nodes');
    const edges = missing.filter(
      (element) =>
        element.group === 'edges' &&
        (this.has(String(element.data.source)) || nodes.some((n) => n.data.id === element.data.source)) &&
        (this.has(String(element.data.target)) || nodes.some((n) => n.data.id === element.data.target)),
    );
    this.cy.batch(() => this.cy.add([...nodes, ...edges]));
    this.changed();
  }

  setHidden(ids: readonly string[], hidden: boolean): void {
    this.cy.batch(() => {
      for (const id of ids) {
        const element = this.cy.getElementById(id);
        if (hidden) element.addClass('hidden').unselect();
        else element.removeClass('hidden');
      }
    });
    this.changed();
  }

  hiddenIds(): string[] {
    return this.cy.nodes('.hidden').map((node) => node.id());
  }

  highlightPath(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    this.spotlight(nodeIds, edgeIds, nodeIds, edgeIds);
  }

  /**
   * Fades everything but these nodes and edges, the marked ones outlined; no nodes given: all
   * back as they were.
   */
  spotlight(
    nodeIds: readonly string[],
    edgeIds: readonly string[],
    markedNodes: readonly string[] = [],
    markedEdges: readonly string[] = [],
  ): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('path-node path-edge faded');
      if (nodeIds.length === 0) return;
      cy.elements().addClass('faded');
      for (const id of [...nodeIds, ...edgeIds]) cy.getElementById(id).removeClass('faded');
      for (const id of markedNodes) cy.getElementById(id).removeClass('faded').addClass('path-node');
      for (const id of markedEdges) cy.getElementById(id).removeClass('faded').addClass('path-edge');
    });
  }

  clear(): void {
    this.drawing += 1;
    this.layouts.cancel();
    this.cy.elements().remove();
    this.changed();
  }

  /** What lies over the canvas (the frame's toolbar and legend), measured at each fit. */
  private cover: () => CanvasCover = () => ({ top: 0, corner: { width: 0, height: 0 } });

  /** Fits keep the graph clear of what this measures (the frame's toolbar and legend). */
  keepClearOf(measure: () => CanvasCover): void {
    this.cover = measure;
  }

  /** A canvas in a hidden pane has no size: fitting then would zoom to nothing; do it when shown. */
  private needsFit = false;

  /** The view the last fit chose: while the canvas still shows it, the user has not moved it. */
  private fitted: Viewport | null = null;

  /**
   * The toolbar or legend changed size (e.g. the legend grew when the communities came after the
   * map): fits again to the room they now leave, unless the user moved the view since the last
   * fit. A fit or layout still moving the view is let finish first. A big graph is framed once:
   * a new zoom would render every node's texture again, so there the user refits (0 or ⤢).
   */
  overlaysChanged(): void {
    if (this.big) return;
    if (this.cy.animated()) {
      requestAnimationFrame(() => this.overlaysChanged());
      return;
    }
    const refit = this.fitted !== null && sameView({ zoom: this.cy.zoom(), pan: this.cy.pan() }, this.fitted);
    performance.mark('graph:overlays-changed', { detail: { refit } });
    if (refit) this.fit();
  }

  private get hasSize(): boolean {
    return this.element.clientWidth > 0 && this.element.clientHeight > 0;
  }

  fit(animate = true): void {
    if (!this.hasSize) {
      this.needsFit = true;
      return;
    }
    const target = this.viewportFor(
      this.cy.nodes(':visible').map((node) => ({ ...node.position(), ...this.framing(node) })),
    );
    if (!target) return;
    this.fitted = target;
    if (animate && !this.big) this.cy.animate({ ...target, duration: 250 });
    else this.cy.viewport(target);
  }

  private framing(node: NodeSingular): { size: number; label: unknown } {
    return { size: Number(node.data('_size')), label: node.data('_label') };
  }

  /** Frames nodes that are not drawn yet as fit() would frame them. */
  private frame(nodes: { x: number; y: number; size: number; label: unknown }[]): void {
    if (!this.hasSize) {
      this.needsFit = true;
      return;
    }
    const target = this.viewportFor(nodes);
    if (!target) return;
    this.fitted = target;
    this.cy.viewport(target);
  }

  /**
   * The view that frames these nodes (graph coordinates), no closer than FIT_MAX_ZOOM (a fit to a
   * handful of nodes would blow them up). A small graph's labels are framed too, at the size they
   * will be drawn (far-labels.ts), so none hangs off the canvas's sides; a big graph draws its
   * labels only zoomed in, and is framed by its shapes. The toolbar and the open legend are kept
   * clear: the graph goes below the one, and beside or above the other, whichever frames it larger.
   */
  private viewportFor(nodes: { x: number; y: number; size: number; label: unknown }[]): Viewport | null {
    const rooms = roomsClearOf({ width: this.cy.width(), height: this.cy.height() }, this.cover());
    const views = rooms.map((room) => {
      const view = this.viewportIn(nodes, { width: room.width, height: room.height, padding: FIT_PADDING });
      return view && { zoom: view.zoom, pan: { x: view.pan.x + room.x, y: view.pan.y + room.y } };
    });
    return views.reduce<Viewport | null>(
      (best, view) => (view && (!best || view.zoom > best.zoom) ? view : best),
      null,
    );
  }

  private viewportIn(
    nodes: { x: number; y: number; size: number; label: unknown }[],
    view: { width: number; height: number; padding: number },
  ): Viewport | null {
    const zoomRange = { min: this.cy.minZoom(), max: FIT_MAX_ZOOM };
    if (this.big) {
      const box = boxOfNodes(nodes.map(({ x, y, size }) => ({ position: { x, y }, size })));
      return box ? fitViewport(box, view, zoomRange) : null;
    }
    const framed: FramedNode[] = nodes.map(({ x, y, size, label }) => ({
      x,
      y,
      size,
      labelWidth: labelWidthOf(label),
    }));
    return frameWithLabels(framed, view, zoomRange, {
      below: LABEL_MARGIN + LABEL_HEIGHT,
      readableZoom: MIN_LABEL_PX / LABEL_FONT,
    });
  }

  zoomBy(factor: number): void {
    const zoom = this.cy.zoom() * factor;
    this.cy.zoom({
      level: Math.max(this.cy.minZoom(), Math.min(this.cy.maxZoom(), zoom)),
      renderedPosition: { x: this.element.clientWidth / 2, y: this.element.clientHeight / 2 },
    });
  }

  resize(): void {
    this.cy.resize();
    if (this.needsFit && this.hasSize) {
      this.needsFit = false;
      this.fit(false);
    }
  }

  exportPng(filename: string): void {
    const blob = this.cy.png({
      output: 'blob',
      full: true,
      bg: '#ffffff',
      scale: this.big ? 1 : 2,
      maxWidth: 8_000,
      maxHeight: 8_000,
    });
    download(filename, blob);
  }

  /** The canvas as Cytoscape elements (the API's format) with positions. */
  toJson(): { nodes: unknown[]; edges: unknown[] } {
    const strip = (data: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('_')));
    return {
      nodes: this.cy.nodes().map((node) => ({ data: strip(node.data()), position: node.position() })),
      edges: this.cy.edges().map((edge) => ({ data: strip(edge.data()) })),
    };
  }

  exportJson(filename: string): void {
    download(filename, new Blob([JSON.stringify(this.toJson(), null, 2)], { type: 'application/json' }));
  }

  private onKey(event: KeyboardEvent): void {
    if (event.target !== this.element || event.altKey || event.metaKey || event.ctrlKey) return;
    const nodes = this.cy.nodes(':visible');
    const selected = this.cy.nodes(':selected').first();
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowUp': {
        if (nodes.empty()) return;
        event.preventDefault();
        const next = selected.nonempty() ? this.nearestInDirection(selected, event.key) : nodes.first();
        if (next) {
          this.select(next.id(), true);
          this.handlers.onNodeSelect?.(next.id());
        }
        return;
      }
      case 'Enter':
        if (selected.nonempty()) {
          event.preventDefault();
          this.handlers.onNodeActivate?.(selected.id());
        }
        return;
      case 'Delete':
      case 'Backspace':
        if (selected.nonempty()) {
          event.preventDefault();
          this.handlers.onDeleteKey?.(this.selectedIds());
        }
        return;
      case 'Escape':
        this.select(null);
        this.handlers.onNodeSelect?.(null);
        return;
      case '+':
      case '=':
        this.zoomBy(1.25);
        return;
      case '-':
        this.zoomBy(0.8);
        return;
      case '0':
        this.fit();
        return;
    }
  }

  /** The closest visible node roughly in the direction of the arrow key. */
  private nearestInDirection(from: NodeSingular, key: string): NodeSingular | null {
    const origin = from.position();
    const [dx, dy] =
      key === 'ArrowRight' ? [1, 0] : key === 'ArrowLeft' ? [-1, 0] : key === 'ArrowDown' ? [0, 1] : [0, -1];
    let best: NodeSingular | null = null;
    let bestScore = Infinity;
    this.cy.nodes(':visible').forEach((node) => {
      if (node.same(from)) return;
      const p = node.position();
      const vx = p.x - origin.x;
      const vy = p.y - origin.y;
      const along = vx * dx! + vy * dy!;
      if (along <= 0) return;
      const across = Math.abs(vx * dy! - vy * dx!);
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = node;
      }
    });
    return best;
  }

  destroy(): void {
    this.destroyed = true;
    this.layouts.dispose();
    this.cy.destroy();
  }
}

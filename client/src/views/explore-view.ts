import type { ElementDefinition } from 'cytoscape';
import {
  isWindowSet,
  NODE_LABELS,
  type CyEdgeData,
  type CyNodeData,
  type NodeLabel,
} from '../../../model/index.js';
import { api } from '../api-client.js';
import { CanvasFrame } from '../canvas-frame.js';
import { propertyList } from '../data-table.js';
import { h } from '../dom.js';
import { decodeOp, describeOp, encodeOp, isPrefix, sameOps, type ExploreOp } from '../explore-ops.js';
import { displayId, plural } from '../format.js';
import { isLayoutName } from '../layout-protocol.js';
import { labelChip, labelIcon } from '../legend.js';
import { SearchBox } from '../search-box.js';
import { emptyState, errorState, loadingState } from '../status.js';
import { intParam } from '../url-state.js';
import type { View, ViewContext } from '../view.js';

const DEFAULT_LIMIT = 25;

interface Applied {
  op: ExploreOp;
  undo: () => void;
}

/**
 * Explore: search puts nodes on the canvas, double-click (or Enter) expands a node's neighbours
 * near it, without re-laying out the rest. Every change is an operation in the URL, undoable.
 */
export class ExploreView implements View {
  readonly id = 'explore' as const;
  readonly title = 'Explore';
  readonly sidebar: HTMLElement;
  readonly main: HTMLElement;
  readonly panelHint =
    'Select a node to see every fact of it. Double-click a node, or press Enter, to expand it.';
  readonly windowHelp =
    'Expanding brings only articles dated in the window (other nodes have no date and all come). What is on the canvas stays.';
  readonly panelActions;

  private readonly frame: CanvasFrame;
  private readonly undoButton: HTMLButtonElement;
  private readonly showHiddenButton: HTMLButtonElement;
  private readonly selectionButtons: HTMLButtonElement[];
  private readonly limitInput: HTMLInputElement;
  private readonly labelBoxes = new Map<NodeLabel, HTMLInputElement>();
  private applied: Applied[] = [];
  /** Names of nodes known before they are on the canvas (picked from search), for progress notes. */
  private readonly names = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();
  private selected: string | null = null;
  private generation = 0;

  constructor(private readonly ctx: ViewContext) {
    this.frame = new CanvasFrame(
      {
        onNodeSelect: (id) => this.onSelect(id),
        onEdgeSelect: (data) => this.onEdge(data),
        onNodeActivate: (id) => this.expand(id),
        onDeleteKey: (ids) => this.run({ kind: 'remove', ids }),
        onChange: () => this.refreshSide(),
        onLayoutChange: () => this.save(),
      },
      { name: 'Explore graph', exportName: 'horizon-explore' },
    );
    this.main = h('div', { class: 'view-main' }, this.frame.element);

    const search = new SearchBox({
      label: 'Find a node',
      placeholder: 'Theme, keyword, article, issue…',
      meaning: true,
      onPick: (result) => {
        this.names.set(result.id, result.name);
        this.run({ kind: 'add', id: result.id });
      },
    });

    this.limitInput = h('input', {
      class: 'number-input',
      type: 'number',
      id: 'expand-limit',
      attrs: { min: 1, max: 500, value: DEFAULT_LIMIT, 'aria-describedby': 'expand-limit-help' },
      on: { change: () => this.save() },
    });
    const labelFilter = h(
      'fieldset',
      { class: 'label-filter' },
      h('legend', { text: 'Expand to' }),
      ...NODE_LABELS.map((label) => {
        const box = h('input', {
          type: 'checkbox',
          attrs: { value: label, checked: true },
          on: { change: () => this.save() },
        });
        this.labelBoxes.set(label, box);
        return h('label', { class: 'check' }, box, labelIcon(label, 12), label);
      }),
    );
    const button = (text: string, title: string, run: () => void, primary = false): HTMLButtonElement =>
      h('button', {
        class: primary ? 'button button-primary' : 'button',
        type: 'button',
        text,
        title,
        on: { click: run },
      });
    const expandButton = button(
      'Expand',
      'Expand the selected node (double-click, or Enter)',
      () => {
        if (this.selected) this.expand(this.selected);
      },
      true,
    );
    const hideButton = button('Hide', 'Hide the selected nodes (they stay in the graph)', () =>
      this.run({ kind: 'hide', ids: this.frame.canvas.selectedIds() }),
    );
    const removeButton = button('Remove', 'Remove the selected nodes from the canvas (Delete)', () =>
      this.run({ kind: 'remove', ids: this.frame.canvas.selectedIds() }),
    );
    this.selectionButtons = [expandButton, hideButton, removeButton];
    this.showHiddenButton = button('Show hidden', 'Show the hidden nodes again', () =>
      this.run({ kind: 'show', ids: this.frame.canvas.hiddenIds() }),
    );
    this.undoButton = button('Undo', 'Undo the last change (Ctrl+Z)', () => this.undo());
    const clearButton = button('Clear', 'Remove everything from the canvas', () => this.reset(true));

    this.sidebar = h(
      'div',
      { class: 'view-side' },
      search.element,
      h(
        'section',
        { class: 'side-section' },
        h('h3', { class: 'panel-heading', text: 'Selection' }),
        h('div', { class: 'button-row' }, expandButton, hideButton, removeButton),
        h('div', { class: 'button-row' }, this.undoButton, this.showHiddenButton, clearButton),
      ),
      h(
        'details',
        { class: 'side-section expand-options' },
        h('summary', { text: 'Expand options' }),
        h(
          'div',
          { class: 'field' },
          h('label', { class: 'field-label', text: 'Neighbours per expand', attrs: { for: 'expand-limit' } }),
          this.limitInput,
          h('p', { class: 'field-help', id: 'expand-limit-help', text: 'Best connected first.' }),
        ),
        labelFilter,
      ),
      h(
        'details',
        { class: 'side-section shortcuts' },
        h('summary', { text: 'Keyboard' }),
        h(
          'dl',
          { class: 'property-list' },
          ...[
            ['Arrows', 'Move the selection on the canvas'],
            ['Enter', 'Expand the selected node'],
            ['Delete', 'Remove the selected node'],
            ['+ / − / 0', 'Zoom in, out, fit'],
            ['Ctrl+Z', 'Undo'],
          ].flatMap(([key, what]) => [h('dt', {}, h('kbd', { text: key })), h('dd', { text: what })]),
        ),
      ),
    );

    this.panelActions = [
      {
        label: 'Expand',
        primary: true,
        title: 'Put its neighbours on the canvas',
        run: (id: string) => this.expand(id),
      },
      { label: 'Hide', run: (id: string) => this.run({ kind: 'hide', ids: [id] }) },
      { label: 'Remove', run: (id: string) => this.run({ kind: 'remove', ids: [id] }) },
    ];

    this.main.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !event.shiftKey) {
        event.preventDefault();
        this.undo();
      }
    });
    this.refreshSide();
  }

  // ---- state in the URL ----

  private params(): URLSearchParams {
    const params = new URLSearchParams();
    for (const { op } of this.applied) params.append('op', encodeOp(op));
    if (this.frame.canvas.layoutName !== 'fcose') params.set('layout', this.frame.canvas.layoutName);
    if (this.selected) params.set('sel', this.selected);
    const labels = this.expandLabels();
    if (labels.length > 0) params.set('xl', labels.join(','));
    const limit = this.expandLimit();
    if (limit !== DEFAULT_LIMIT) params.set('xn', String(limit));
    return params;
  }

  private save(): void {
    this.ctx.saveState(this.id, this.params());
  }

  /** Params for a link that adds `id` to the current canvas, and expands it to `expand` if given. */
  paramsWithNode(id: string, expand?: NodeLabel[]): URLSearchParams {
    const params = this.params();
    if (!this.frame.canvas.has(id)) params.append('op', encodeOp({ kind: 'add', id }));
    if (expand) params.append('op', encodeOp(this.expandOp(id, expand)));
    params.set('sel', id);
    return params;
  }

  open(params: URLSearchParams): void {
    const layout = params.get('layout');
    this.frame.setLayout(isLayoutName(layout) ? layout : 'fcose');
    const xl = (params.get('xl') ?? '').split(',').filter(Boolean);
    for (const [label, box] of this.labelBoxes) box.checked = xl.length === 0 || xl.includes(label);
    this.limitInput.value = String(intParam(params, 'xn', DEFAULT_LIMIT, 1, 500));
    const ops = params.getAll('op').flatMap((text) => decodeOp(text) ?? []);
    const selection = params.get('sel');
    const current = this.applied.map((a) => a.op);
    if (sameOps(ops, current)) {
      this.enqueue(async () => this.restoreSelection(selection));
      return;
    }
    const replayAll = !isPrefix(current, ops);
    const rest = replayAll ? ops : ops.slice(current.length);
    this.enqueue(async () => {
      if (replayAll) this.reset(false);
      const generation = this.generation;
      const many = rest.length > 1 || replayAll;
      if (many)
        this.frame.showOverlay(loadingState(`Rebuilding the canvas (${plural(rest.length, 'step')})…`));
      for (const op of rest) {
        if (generation !== this.generation) return;
        await this.apply(op, many);
      }
      this.frame.showOverlay(null);
      if (many && this.frame.canvas.size.nodes > 1) {
        this.frame.canvas.cy.fit(undefined, 40);
        await this.frame.canvas.runLayout(this.frame.canvas.layoutName, true);
      }
      this.restoreSelection(selection);
      this.save();
      this.refreshSide();
    });
  }

  private restoreSelection(id: string | null): void {
    if (id && this.frame.canvas.has(id)) {
      this.frame.canvas.select(id, true);
      this.onSelect(id);
    }
  }

  private visible = false;

  shown(): void {
    this.visible = true;
    this.frame.canvas.resize();
    this.refreshSide();
  }

  hidden(): void {
    this.visible = false;
  }

  // ---- operations ----

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.frame.showOverlay(errorState(error, 'That did not work'));
      window.setTimeout(() => this.refreshSide(), 0);
    });
  }

  addNode(id: string): void {
    this.run({ kind: 'add', id });
  }

  expand(id: string): void {
    this.run(this.expandOp(id, this.expandLabels()));
  }

  /** An expansion of `id` to `labels`, in the time window shown now. */
  private expandOp(id: string, labels: NodeLabel[]): ExploreOp {
    const window = this.ctx.timeWindow.current;
    return {
      kind: 'expand',
      id,
      labels,
      limit: this.expandLimit(),
      ...(isWindowSet(window) ? { window } : {}),
    };
  }

  private run(op: ExploreOp): void {
    if ('ids' in op && op.ids.length === 0) return;
    this.enqueue(async () => {
      await this.apply(op, false);
      this.save();
      this.refreshSide();
    });
  }

  /** Applies one operation and records it with its undo; no-ops are not recorded. */
  private async apply(op: ExploreOp, replaying: boolean): Promise<void> {
    const canvas = this.frame.canvas;
    switch (op.kind) {
      case 'add': {
        if (canvas.has(op.id)) {
          if (!replaying) this.select(op.id);
          return;
        }
        this.frame.showOverlay(null);
        const done = this.frame.busy(`Adding “${this.names.get(op.id) ?? displayId(op.id)}”…`);
        let added;
        try {
          const node = await api.node(op.id);
          const data: CyNodeData = { ...node.properties, id: node.id, label: node.label, name: node.name };
          added = await canvas.add({ nodes: [{ data }], edges: [] });
        } finally {
          done();
        }
        this.record(op, () => canvas.remove(added.nodes));
        if (!replaying) this.select(op.id);
        return;
      }
      case 'expand': {
        if (!canvas.has(op.id)) return;
        const name = canvas.nodeData(op.id)?.name ?? displayId(op.id);
        const done = this.frame.busy(`Expanding “${name}”…`);
        canvas.markBusy(op.id, true);
        let added;
        try {
          const elements = await api.neighbors(op.id, op.labels, op.limit, { timeWindow: op.window ?? {} });
          added = await canvas.add(elements, op.id);
        } finally {
          canvas.markBusy(op.id, false);
          done();
        }
        canvas.markExpanded(op.id);
        if (!replaying) {
          const skipped =
            added.skippedEdges > 0 ? ` (${plural(added.skippedEdges, 'edge')} to nodes not shown)` : '';
          this.ctx.notify(
            added.nodes.length === 0 && added.edges.length === 0
              ? 'No further neighbours with these labels: everything is already on the canvas.'
              : `Added ${plural(added.nodes.length, 'node')} and ${plural(added.edges.length, 'edge')}${skipped}.`,
          );
        }
        if (added.nodes.length === 0 && added.edges.length === 0) return;
        this.record(op, () => canvas.remove([...added.nodes, ...added.edges]));
        return;
      }
      case 'remove': {
        const ids = op.ids.filter((id) => canvas.has(id));
        if (ids.length === 0) return;
        const removed: ElementDefinition[] = canvas.remove(ids);
        if (this.selected && ids.includes(this.selected)) this.onSelect(null);
        this.record({ kind: 'remove', ids }, () => canvas.restore(removed));
        return;
      }
      case 'hide': {
        const ids = op.ids.filter((id) => canvas.has(id));
        if (ids.length === 0) return;
        canvas.setHidden(ids, true);
        if (this.selected && ids.includes(this.selected)) this.onSelect(null);
        this.record({ kind: 'hide', ids }, () => canvas.setHidden(ids, false));
        return;
      }
      case 'show': {
        const ids = op.ids.filter((id) => canvas.has(id));
        if (ids.length === 0) return;
        canvas.setHidden(ids, false);
        this.record({ kind: 'show', ids }, () => canvas.setHidden(ids, true));
        return;
      }
    }
  }

  private record(op: ExploreOp, undo: () => void): void {
    this.applied.push({ op, undo });
  }

  undo(): void {
    this.enqueue(async () => {
      const last = this.applied.pop();
      if (!last) return;
      last.undo();
      this.ctx.notify(`Undid: ${describeOp(last.op)}.`);
      if (this.selected && !this.frame.canvas.has(this.selected)) this.onSelect(null);
      this.save();
      this.refreshSide();
    });
  }

  private reset(save: boolean): void {
    this.generation += 1;
    this.applied = [];
    this.frame.canvas.clear();
    this.onSelect(null);
    if (save) this.save();
    this.refreshSide();
  }

  private expandLabels(): NodeLabel[] {
    const checked = [...this.labelBoxes].filter(([, box]) => box.checked).map(([label]) => label);
    return checked.length === this.labelBoxes.size ? [] : checked;
  }

  private expandLimit(): number {
    const value = Number.parseInt(this.limitInput.value, 10);
    return Number.isFinite(value) ? Math.max(1, Math.min(500, value)) : DEFAULT_LIMIT;
  }

  // ---- selection and side panels ----

  private select(id: string): void {
    this.frame.canvas.select(id, true);
    this.onSelect(id);
  }

  private onSelect(id: string | null): void {
    this.selected = id;
    if (id) this.ctx.details.showNode(id);
    else this.ctx.details.showHint();
    for (const button of this.selectionButtons) button.disabled = id === null;
    this.save();
  }

  private onEdge(data: CyEdgeData | null): void {
    if (!data) return;
    const canvas = this.frame.canvas;
    const source = canvas.nodeData(data.source);
    const target = canvas.nodeData(data.target);
    const properties = Object.entries(data).filter(
      ([key]) => !['id', 'source', 'target', 'type'].includes(key) && !key.startsWith('_'),
    );
    this.ctx.details.showContent(
      h('h3', { class: 'node-name', text: data.type }),
      h(
        'p',
        { class: 'edge-ends' },
        source ? labelChip(source.label) : null,
        h('button', {
          class: 'link-button',
          type: 'button',
          text: source?.name ?? data.source,
          on: { click: () => this.select(data.source) },
        }),
        ' → ',
        target ? labelChip(target.label) : null,
        h('button', {
          class: 'link-button',
          type: 'button',
          text: target?.name ?? data.target,
          on: { click: () => this.select(data.target) },
        }),
      ),
      properties.length > 0
        ? h('section', { class: 'detail-section' }, h('h4', { text: 'Properties' }), propertyList(properties))
        : h('p', { class: 'muted', text: 'This relationship has no properties.' }),
    );
  }

  private refreshSide(): void {
    const canvas = this.frame.canvas;
    const hidden = canvas.hiddenIds().length;
    this.showHiddenButton.disabled = hidden === 0;
    this.showHiddenButton.textContent = hidden > 0 ? `Show hidden (${hidden})` : 'Show hidden';
    const last = this.applied[this.applied.length - 1];
    this.undoButton.disabled = !last;
    this.undoButton.title = last ? `Undo: ${describeOp(last.op)} (Ctrl+Z)` : 'Nothing to undo';
    for (const button of this.selectionButtons) button.disabled = this.selected === null;
    if (canvas.size.nodes === 0) {
      if (this.visible) this.showStart();
    } else this.frame.showOverlay(null);
  }

  private startBox: HTMLElement | null = null;

  /** The empty canvas says what to do, and offers the best-connected themes as a start. */
  private showStart(): void {
    if (this.startBox) {
      this.frame.showOverlay(this.startBox);
      return;
    }
    const suggestions = h('div', { class: 'suggestions' });
    this.startBox = emptyState(
      'The canvas is empty',
      'Search for a theme, keyword, article or issue on the left and pick a result to put it here. Double-click a node (or select it and press Enter) to expand its neighbours.',
      suggestions,
    );
    this.frame.showOverlay(this.startBox);
    api
      .themes(1, 40)
      .then((themes) => {
        const top = [...themes.nodes]
          .sort((a, b) => (b.data.articleCount ?? 0) - (a.data.articleCount ?? 0))
          .slice(0, 6);
        if (top.length === 0) return;
        suggestions.replaceChildren(
          h('p', { class: 'state-hint', text: 'Or start from a frequent theme:' }),
          h(
            'div',
            { class: 'chip-row' },
            ...top.map((node) =>
              h(
                'button',
                {
                  class: 'chip chip-button',
                  type: 'button',
                  on: { click: () => this.run({ kind: 'add', id: node.data.id }) },
                },
                labelIcon('Theme', 12),
                node.data.name,
              ),
            ),
          ),
        );
      })
      .catch((error: unknown) => {
        suggestions.replaceChildren(errorState(error, 'The graph cannot be read'));
        // Try again next time the canvas is empty.
        this.startBox = null;
      });
  }
}

import { formatWindow, isWindowSet, type PathsResponse } from '../../../model/index.js';
import { api, isAbort } from '../api-client.js';
import { CanvasFrame } from '../canvas-frame.js';
import { h } from '../dom.js';
import { plural } from '../format.js';
import { labelIcon } from '../legend.js';
import { SearchBox } from '../search-box.js';
import { emptyState, errorState, loadingState } from '../status.js';
import { intParam } from '../url-state.js';
import type { View, ViewContext } from '../view.js';

const DEFAULT_HOPS = 4;

interface End {
  id: string;
  name: string;
  label: string;
}

/** Paths: the shortest paths between two picked nodes (GET /api/paths), each one highlightable. */
export class PathsView implements View {
  readonly id = 'paths' as const;
  readonly title = 'Paths';
  readonly sidebar: HTMLElement;
  readonly main: HTMLElement;
  readonly panelHint = 'Pick two nodes on the left and find the shortest paths between them.';
  readonly windowHelp =
    'Only paths whose articles, ends included, are all dated in the window. Other nodes have no date.';
  readonly panelActions;

  private readonly frame: CanvasFrame;
  private readonly fromBox: SearchBox;
  private readonly toBox: SearchBox;
  private readonly hopsInput: HTMLInputElement;
  private readonly hubsInput: HTMLInputElement;
  private readonly findButton: HTMLButtonElement;
  private readonly pathList = h('ol', { class: 'path-list' });
  private readonly pathInfo = h('p', { class: 'muted', attrs: { 'aria-live': 'polite' } });
  private from: End | null = null;
  private to: End | null = null;
  private loadedKey: string | null = null;
  private controller: AbortController | null = null;
  private result: PathsResponse | null = null;
  private activePath = -1;

  constructor(private readonly ctx: ViewContext) {
    this.frame = new CanvasFrame(
      {
        onNodeSelect: (id) => (id ? this.ctx.details.showNode(id) : this.ctx.details.showHint()),
        onNodeActivate: (id) => this.ctx.openInExplore(id),
      },
      { name: 'Paths graph', exportName: 'horizon-paths' },
    );
    this.main = h('div', { class: 'view-main' }, this.frame.element);
    this.fromBox = new SearchBox({
      label: 'From',
      placeholder: 'A theme, an article, an issue…',
      keepValue: true,
      onPick: (result) => {
        this.from = result;
        this.updateButton();
        this.save();
      },
    });
    this.toBox = new SearchBox({
      label: 'To',
      placeholder: 'Another node',
      keepValue: true,
      onPick: (result) => {
        this.to = result;
        this.updateButton();
        this.save();
        void this.find();
      },
    });
    this.hopsInput = h('input', {
      id: 'paths-hops',
      type: 'number',
      class: 'number-input',
      attrs: { min: 1, max: 6, value: DEFAULT_HOPS },
      on: { change: () => this.save() },
    });
    this.hubsInput = h('input', {
      type: 'checkbox',
      attrs: { checked: true },
      on: { change: () => this.save() },
    });
    this.findButton = h('button', {
      class: 'button button-primary',
      type: 'button',
      text: 'Find paths',
      disabled: true,
      on: { click: () => void this.find() },
    });
    const swap = h('button', {
      class: 'button',
      type: 'button',
      text: '⇅ Swap',
      title: 'Swap From and To',
      on: {
        click: () => {
          [this.from, this.to] = [this.to, this.from];
          this.fromBox.setValue(this.from?.name ?? '');
          this.toBox.setValue(this.to?.name ?? '');
          this.save();
        },
      },
    });
    this.sidebar = h(
      'div',
      { class: 'view-side' },
      this.fromBox.element,
      this.toBox.element,
      h(
        'section',
        { class: 'side-section' },
        h(
          'div',
          { class: 'field field-inline' },
          h('label', { class: 'field-label', text: 'At most hops', attrs: { for: 'paths-hops' } }),
          this.hopsInput,
        ),
        h(
          'label',
          { class: 'check', title: 'Category and Page nodes link almost everything' },
          this.hubsInput,
          'Avoid hubs (Category, Page) along the way',
        ),
        h('div', { class: 'button-row' }, this.findButton, swap),
      ),
      h(
        'section',
        { class: 'side-section grow' },
        h('h3', { class: 'panel-heading', text: 'Shortest paths' }),
        this.pathInfo,
        this.pathList,
      ),
    );
    this.panelActions = [
      { label: 'Open in Explore', primary: true, run: (id: string) => this.ctx.openInExplore(id) },
    ];
    this.frame.setLayout('breadthfirst');
    this.showIdle();
  }

  private showIdle(): void {
    this.frame.showOverlay(
      emptyState(
        'Pick two nodes',
        'Choose From and To on the left; the shortest paths between them appear here.',
      ),
    );
  }

  private updateButton(): void {
    this.findButton.disabled = !this.from || !this.to;
  }

  private hops(): number {
    const value = Number.parseInt(this.hopsInput.value, 10);
    return Number.isFinite(value) ? Math.max(1, Math.min(6, value)) : DEFAULT_HOPS;
  }

  private params(): URLSearchParams {
    const params = new URLSearchParams();
    if (this.from) params.set('from', this.from.id);
    if (this.to) params.set('to', this.to.id);
    if (this.hops() !== DEFAULT_HOPS) params.set('max', String(this.hops()));
    if (!this.hubsInput.checked) params.set('hubs', '1');
    return params;
  }

  private save(): void {
    this.ctx.saveState(this.id, this.params());
  }

  open(params: URLSearchParams): void {
    this.hopsInput.value = String(intParam(params, 'max', DEFAULT_HOPS, 1, 6));
    this.hubsInput.checked = params.get('hubs') !== '1';
    const fromId = params.get('from');
    const toId = params.get('to');
    void Promise.all([this.resolveEnd(fromId), this.resolveEnd(toId)]).then(([from, to]) => {
      this.from = from;
      this.to = to;
      this.fromBox.setValue(from?.name ?? '');
      this.toBox.setValue(to?.name ?? '');
      this.updateButton();
      if (from && to) void this.find();
    });
  }

  private async resolveEnd(id: string | null): Promise<End | null> {
    if (!id) return null;
    if (this.from?.id === id) return this.from;
    if (this.to?.id === id) return this.to;
    try {
      const node = await api.node(id);
      return { id: node.id, name: node.name, label: node.label };
    } catch {
      return { id, name: id, label: id.split(':')[0] ?? '' };
    }
  }

  shown(): void {
    this.frame.canvas.resize();
  }

  windowChanged(): void {
    void this.find();
  }

  private async find(): Promise<void> {
    if (!this.from || !this.to) return;
    this.save();
    const timeWindow = this.ctx.timeWindow.current;
    const key = `${this.from.id}|${this.to.id}|${this.hops()}|${this.hubsInput.checked}|${formatWindow(timeWindow)}`;
    if (key === this.loadedKey) return;
    if (this.from.id === this.to.id) {
      this.frame.showOverlay(emptyState('From and To are the same node', 'Pick two different nodes.'));
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.frame.showOverlay(loadingState('Searching for the shortest paths…'));
    this.pathList.replaceChildren();
    this.pathInfo.textContent = '';
    try {
      const result = await api.paths(this.from.id, this.to.id, this.hops(), this.hubsInput.checked, {
        signal: controller.signal,
        timeWindow,
      });
      if (controller.signal.aborted) return;
      this.loadedKey = key;
      this.result = result;
      this.activePath = -1;
      if (result.paths.length === 0) {
        this.frame.canvas.clear();
        this.frame.showOverlay(
          emptyState(
            `No path of at most ${plural(this.hops(), 'hop')}`,
            `Nothing links “${this.from.name}” to “${this.to.name}” within ${plural(this.hops(), 'hop')}${this.hubsInput.checked ? ' without passing through a Category or Page' : ''}${isWindowSet(timeWindow) ? ' through articles of the time window' : ''}. Allow more hops${this.hubsInput.checked ? ', allow hubs' : ''}${isWindowSet(timeWindow) ? ' or widen the window' : ''}.`,
          ),
        );
        return;
      }
      this.frame.showOverlay(null);
      this.renderList(result);
      await this.frame.canvas.setElements(result.elements, this.frame.canvas.layoutName, [this.from.id]);
      this.highlight(0);
    } catch (error) {
      if (isAbort(error)) return;
      this.loadedKey = null;
      this.frame.showOverlay(errorState(error, 'The paths could not be found'));
    }
  }

  private renderList(result: PathsResponse): void {
    const names = new Map(result.elements.nodes.map((node) => [node.data.id, node.data]));
    const length = result.paths[0]?.length ?? 0;
    this.pathInfo.textContent = `${plural(result.paths.length, 'path')} of ${plural(length, 'hop')}.`;
    this.pathList.replaceChildren(
      ...result.paths.map((path, index) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              class: 'path-button',
              type: 'button',
              attrs: { 'aria-pressed': 'false' },
              on: { click: () => this.highlight(index) },
            },
            h('span', { class: 'sr-only', text: `Path ${index + 1}: ` }),
            ...path.nodes.map((id) => {
              const node = names.get(id);
              return h(
                'span',
                { class: 'path-step', title: node?.name ?? id },
                labelIcon(node?.label ?? 'Keyword', 11),
                h('span', { class: 'path-step-name', text: node?.name ?? id }),
              );
            }),
          ),
        ),
      ),
    );
  }

  private highlight(index: number): void {
    const path = this.result?.paths[index];
    if (!path) return;
    this.activePath = index;
    this.frame.canvas.highlightPath(path.nodes, path.edges);
    this.pathList.querySelectorAll('.path-button').forEach((button, i) => {
      button.setAttribute('aria-pressed', String(i === index));
    });
  }
}

import {
  formatWindow,
  isWindowSet,
  VIEW_DEFAULTS,
  type CyEdgeData,
  type Elements,
} from '../../../model/index.js';
import { api, isAbort } from '../api-client.js';
import { CanvasFrame } from '../canvas-frame.js';
import { conceptMembers } from '../concept-members.js';
import { evidenceList } from '../details-panel.js';
import { debounce, h } from '../dom.js';
import { formatNumber, plural } from '../format.js';
import { isLayoutName } from '../layout-protocol.js';
import { labelChip, labelIcon } from '../legend.js';
import { measuresTable } from '../measures.js';
import { fillSparklines, sparkSlot } from '../node-time.js';
import { emptyState, errorState, loadingState } from '../status.js';
import { describeWindow } from '../time-window.js';
import { intParam } from '../url-state.js';
import type { View, ViewContext } from '../view.js';

const DEFAULT_MIN = VIEW_DEFAULTS.themes.minCount;
const DEFAULT_LIMIT = VIEW_DEFAULTS.themes.limit;
/** Themes of the list, most articles first, that get a sparkline (one trends request holds 50). */
const SPARKLINES = 50;

/**
 * Themes map: theme concepts (themes that mean the same, with why) linked by the articles they
 * share (GET /api/themes/network). Edge width is
 * the number of shared articles, node size the theme's article count. An edge answers "why are
 * these linked?" with the articles that have both; a theme lists its articles.
 */
export class ThemesView implements View {
  readonly id = 'themes' as const;
  readonly title = 'Themes';
  readonly sidebar: HTMLElement;
  readonly main: HTMLElement;
  readonly panelHint =
    'Click a link between two themes to see the articles that connect them, or a theme to list its articles.';
  readonly windowHelp =
    'The map counts only articles dated in the window: links, their measures and theme sizes are the window’s. Undated articles are left out.';
  readonly panelActions;

  private readonly frame: CanvasFrame;
  private readonly slider: HTMLInputElement;
  private readonly sliderValue: HTMLOutputElement;
  private readonly limitInput: HTMLInputElement;
  private readonly themeList = h('ol', {
    class: 'rank-list',
    attrs: { 'aria-label': 'Themes by article count' },
  });
  private readonly summary = h('p', { class: 'muted', attrs: { 'aria-live': 'polite' } });
  private controller: AbortController | null = null;
  private loaded: string | null = null;
  private selection: string | null = null;

  constructor(private readonly ctx: ViewContext) {
    this.frame = new CanvasFrame(
      {
        onNodeSelect: (id) => this.selectTheme(id),
        onEdgeSelect: (data) => this.selectLink(data),
        onNodeActivate: (id) => this.ctx.openInExplore(id),
        onLayoutChange: () => this.save(),
      },
      {
        name: 'Themes map',
        exportName: 'horizon-themes',
        undirected: true,
        edgeLabel: (data) => plural(Number(data.count ?? 0), 'shared article'),
        edgeWidth: (data) => 1 + 2.2 * Math.sqrt(Math.max(0, Number(data.count ?? 1) - 1)),
      },
    );
    this.main = h('div', { class: 'view-main' }, this.frame.element);

    this.sliderValue = h('output', { class: 'slider-value', attrs: { for: 'themes-min' } });
    this.slider = h('input', {
      id: 'themes-min',
      type: 'range',
      class: 'slider',
      attrs: { min: 1, max: 15, step: 1, value: DEFAULT_MIN },
      on: {
        input: () => {
          this.sliderValue.textContent = this.slider.value;
          this.reloadSoon();
        },
      },
    });
    this.limitInput = h('input', {
      id: 'themes-limit',
      type: 'number',
      class: 'number-input',
      attrs: { min: 10, max: 2000, step: 10, value: DEFAULT_LIMIT },
      on: { change: () => this.reload() },
    });
    this.sidebar = h(
      'div',
      { class: 'view-side' },
      h(
        'section',
        { class: 'side-section' },
        h(
          'div',
          { class: 'field' },
          h(
            'label',
            { class: 'field-label', attrs: { for: 'themes-min' } },
            'Minimum shared articles ',
            this.sliderValue,
          ),
          this.slider,
          h('p', {
            class: 'field-help',
            text: 'Two themes are linked when at least this many articles have both.',
          }),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { class: 'field-label', text: 'Strongest links shown', attrs: { for: 'themes-limit' } }),
          this.limitInput,
        ),
        this.summary,
      ),
      h(
        'section',
        { class: 'side-section' },
        h('h3', { class: 'panel-heading', text: 'Reading the map' }),
        h(
          'ul',
          { class: 'key-list' },
          h(
            'li',
            {},
            labelIcon('ThemeGroup', 12),
            ' a theme concept: themes that mean the same; larger = more articles',
          ),
          h('li', {}, labelIcon('Theme', 12), ' a theme in no concept yet'),
          h(
            'li',
            {},
            h('span', { class: 'edge-sample', attrs: { 'aria-hidden': 'true' } }),
            ' thicker = more shared articles',
          ),
        ),
      ),
      h(
        'section',
        { class: 'side-section grow' },
        h('h3', { class: 'panel-heading', text: 'Themes' }),
        this.themeList,
      ),
    );
    this.panelActions = [
      {
        label: 'Open in Explore',
        primary: true,
        title: 'Put it on the Explore canvas',
        run: (id: string) => this.ctx.openInExplore(id),
      },
    ];
  }

  private params(): URLSearchParams {
    const params = new URLSearchParams();
    const min = Number(this.slider.value);
    if (min !== DEFAULT_MIN) params.set('min', String(min));
    const limit = Number(this.limitInput.value);
    if (limit !== DEFAULT_LIMIT) params.set('limit', String(limit));
    if (this.frame.canvas.layoutName !== 'fcose') params.set('layout', this.frame.canvas.layoutName);
    if (this.selection) params.set('sel', this.selection);
    return params;
  }

  private save(): void {
    this.ctx.saveState(this.id, this.params());
  }

  open(params: URLSearchParams): void {
    this.slider.value = String(intParam(params, 'min', DEFAULT_MIN, 1, 15));
    this.sliderValue.textContent = this.slider.value;
    this.limitInput.value = String(intParam(params, 'limit', DEFAULT_LIMIT, 10, 2000));
    const layout = params.get('layout');
    this.frame.setLayout(isLayoutName(layout) ? layout : 'fcose');
    this.selection = params.get('sel');
    void this.load();
  }

  shown(): void {
    this.frame.canvas.resize();
  }

  private readonly reloadSoon = debounce(() => this.reload(), 250);

  private reload(): void {
    this.selection = null;
    void this.load();
  }

  windowChanged(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    const min = Number(this.slider.value);
    const limit = Number(this.limitInput.value);
    const timeWindow = this.ctx.timeWindow.current;
    const key = `${min}/${limit}/${formatWindow(timeWindow)}`;
    this.save();
    if (key === this.loaded) {
      this.applySelection();
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.frame.showOverlay(loadingState('Loading the themes map…'));
    try {
      const elements = await api.themes(min, limit, { signal: controller.signal, timeWindow });
      if (controller.signal.aborted) return;
      this.loaded = key;
      this.renderList(elements);
      const windowed = isWindowSet(timeWindow);
      if (elements.nodes.length === 0) {
        this.frame.canvas.clear();
        this.frame.showOverlay(
          emptyState(
            'No themes share that many articles',
            `No two themes have ${plural(min, 'article')} in common${windowed ? ' in the time window' : ''}. Move the slider left to lower the minimum${windowed ? ', or widen the window' : ''}.`,
          ),
        );
        this.summary.textContent = '';
        return;
      }
      this.frame.showOverlay(null);
      this.summary.textContent = `${plural(elements.nodes.length, 'theme')} and ${plural(elements.edges.length, 'link')} (at least ${plural(min, 'shared article')})${windowed ? `, articles ${describeWindow(timeWindow)}` : ''}.`;
      await this.frame.canvas.setElements(elements);
      this.applySelection();
    } catch (error) {
      if (isAbort(error)) return;
      this.loaded = null;
      this.frame.showOverlay(errorState(error, 'The themes map could not be loaded'));
    }
  }

  private applySelection(): void {
    const id = this.selection;
    if (!id || !this.frame.canvas.has(id)) return;
    this.frame.canvas.select(id);
    const element = this.frame.canvas.cy.getElementById(id);
    if (element.isEdge()) this.selectLink(element.data() as CyEdgeData);
    else this.selectTheme(id);
  }

  private renderList(elements: Elements): void {
    const themes = [...elements.nodes].sort(
      (a, b) =>
        (b.data.articleCount ?? 0) - (a.data.articleCount ?? 0) || a.data.name.localeCompare(b.data.name),
    );
    const sparkSlots = new Map<string, HTMLElement>();
    this.themeList.replaceChildren(
      ...themes.map((node, index) => {
        const slot = sparkSlot();
        if (index < SPARKLINES) sparkSlots.set(node.data.id, slot);
        return h(
          'li',
          {},
          h(
            'button',
            {
              class: 'rank-button',
              type: 'button',
              on: {
                click: () => {
                  this.frame.canvas.select(node.data.id, true);
                  this.selectTheme(node.data.id);
                },
              },
            },
            h('span', { class: 'rank-name', text: node.data.name }),
            slot,
            h('span', { class: 'rank-count', text: formatNumber(node.data.articleCount ?? 0) }),
          ),
        );
      }),
    );
    void fillSparklines(sparkSlots, this.ctx.timeWindow.current, this.controller?.signal);
  }

  private async selectTheme(id: string | null): Promise<void> {
    this.selection = id;
    this.save();
    if (!id) {
      this.ctx.details.showHint(this.panelHint);
      return;
    }
    const node = this.frame.canvas.nodeData(id);
    const concept = id.startsWith('ThemeGroup:');
    const list = h('div', {}, loadingState('Loading its articles…'));
    const members = h('div', {});
    this.ctx.details.showContent(
      h(
        'div',
        {},
        labelChip(concept ? 'ThemeGroup' : 'Theme'),
        h('h3', { class: 'node-name', text: node?.name ?? id }),
        h('p', { class: 'node-id', text: id }),
      ),
      h(
        'div',
        { class: 'action-bar' },
        h('button', {
          class: 'button button-primary',
          type: 'button',
          text: 'Open in Explore',
          on: { click: () => this.ctx.openInExplore(id) },
        }),
      ),
      members,
      ...this.ctx.details.timeSections(id, node?.label ?? 'Theme'),
      h('section', { class: 'detail-section' }, h('h4', { text: 'Articles with this theme' }), list),
    );
    try {
      const { articles, total } = concept
        ? await this.conceptArticles(id, members)
        : await this.themeArticles(id);
      list.replaceChildren(
        total > articles.length
          ? h('p', { class: 'muted', text: `The newest ${articles.length} of ${total}.` })
          : '',
        evidenceList(articles, (article) => this.ctx.details.showNode(article, true), 'No articles.'),
      );
    } catch (error) {
      list.replaceChildren(errorState(error, 'Its articles could not be loaded'));
    }
  }

  private async themeArticles(
    id: string,
  ): Promise<{ articles: { id: string; title: string }[]; total: number }> {
    const neighbors = await api.neighbors(id, ['Article'], 200, {
      timeWindow: this.ctx.timeWindow.current,
    });
    const articles = neighbors.nodes
      .filter((n) => n.data.id !== id)
      .map((n) => ({ id: n.data.id, title: n.data.name }));
    return { articles, total: neighbors.meta?.total ?? articles.length };
  }

  /** A theme concept: its member themes and why each is in it, then the newest articles of any. */
  private async conceptArticles(
    id: string,
    members: HTMLElement,
  ): Promise<{ articles: { id: string; title: string }[]; total: number }> {
    const concept = await api.concept(id, 100, { timeWindow: this.ctx.timeWindow.current });
    members.replaceChildren(
      h(
        'section',
        { class: 'detail-section' },
        h('h4', {
          text: concept.size > 1 ? `One concept: ${plural(concept.size, 'theme')}` : 'A theme alone',
        }),
        conceptMembers(concept.members, (member) => this.ctx.details.showNode(member, true)),
      ),
    );
    return { articles: concept.articles, total: concept.articleCount };
  }

  private async selectLink(data: CyEdgeData | null): Promise<void> {
    if (!data) return;
    this.selection = data.id;
    this.save();
    const a = this.frame.canvas.nodeData(data.source);
    const b = this.frame.canvas.nodeData(data.target);
    const body = h('div', {}, loadingState('Finding the articles that link them…'));
    this.ctx.details.showContent(
      h(
        'div',
        {},
        h('p', { class: 'eyebrow', text: 'Why are these linked?' }),
        h(
          'h3',
          { class: 'node-name' },
          a?.name ?? data.source,
          h('span', { class: 'link-mark', text: ' ↔ ' }),
          b?.name ?? data.target,
        ),
      ),
      body,
    );
    try {
      const link = await api.themeLink(data.source, data.target, 100, {
        timeWindow: this.ctx.timeWindow.current,
      });
      body.replaceChildren(
        h(
          'p',
          { class: 'link-summary' },
          `${plural(link.measures.count, 'article')} have both (of ${formatNumber(link.a.articleCount)} with “${link.a.name}” and ${formatNumber(link.b.articleCount)} with “${link.b.name}”).`,
        ),
        measuresTable(link.measures),
        h(
          'section',
          { class: 'detail-section' },
          h('h4', { text: 'Articles that link them' }),
          evidenceList(link.evidence, (id) => this.ctx.details.showNode(id, true)),
          link.evidence.length < link.measures.count
            ? h('p', { class: 'muted', text: `Newest ${link.evidence.length} of ${link.measures.count}.` })
            : null,
        ),
      );
    } catch (error) {
      body.replaceChildren(errorState(error, 'The linking articles could not be loaded'));
    }
  }
}

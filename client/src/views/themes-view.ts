import {
  formatWindow,
  isWindowSet,
  VIEW_DEFAULTS,
  type CyEdgeData,
  type Elements,
  type NodeCentrality,
  type ThemeCommunities,
} from '../../../model/index.js';
import { api, isAbort } from '../api-client.js';
import { CanvasFrame } from '../canvas-frame.js';
import { communityList, communitySwatch, gapList, ringSwatch } from '../community-panels.js';
import { conceptMembers } from '../concept-members.js';
import { evidenceList } from '../details-panel.js';
import { debounce, h } from '../dom.js';
import { displayId, formatNumber, plural } from '../format.js';
import { isLayoutName } from '../layout-protocol.js';
import { edgeSwatch, labelChip, labelIcon, type LegendSection } from '../legend.js';
import { measuresTable } from '../measures.js';
import { fillSparklines, sparkSlot } from '../node-time.js';
import { COMMUNITY_HUES, COMMUNITY_REST_COLOR, communityColor } from '../palette.js';
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
 * share (GET /api/themes/network). Edge width is the number of shared articles, node size the
 * theme's article count, colour its community and a ring its betweenness
 * (GET /api/themes/communities, same window): with nothing selected the details panel lists the
 * communities and the structural gaps between them. An edge answers "why are these linked?" with
 * the articles that have both; a theme lists its articles.
 */
export class ThemesView implements View {
  readonly id = 'themes' as const;
  readonly title = 'Themes';
  readonly sidebar: HTMLElement;
  readonly main: HTMLElement;
  readonly panelHint =
    'Click a link between two themes to see the articles that connect them, or a theme to list its articles; click the empty map to come back here.';
  readonly windowHelp =
    'The map counts only articles dated in the window: links, their measures, theme sizes and communities are the window’s. Undated articles are left out.';
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
  private analysis: ThemeCommunities | Error | null = null;
  private visible = false;
  private readonly centrality = new Map<string, NodeCentrality>();
  private maxBetweenness = 0;
  private elements: Elements | null = null;
  private controller: AbortController | null = null;
  private loaded: string | null = null;
  private selection: string | null = null;
  /** The list's community swatches, painted again when the communities come. */
  private readonly listSwatches = new Map<string, SVGSVGElement>();
  /** The selected theme's "On the map" section, filled again when the communities come. */
  private onTheMap: { id: string; slot: HTMLElement } | null = null;

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
        nodeColor: (data) => {
          const found = this.centrality.get(data.id);
          return found ? communityColor(found.community) : undefined;
        },
        nodeRing: (data) => this.ringOf(data.id),
        legend: () => this.legendSections(),
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
    this.visible = true;
    this.frame.canvas.resize();
    this.showReading();
  }

  hidden(): void {
    this.visible = false;
  }

  windowChanged(): void {
    void this.load();
  }

  private readonly reloadSoon = debounce(() => this.reload(), 250);

  private reload(): void {
    this.selection = null;
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
    // The map is drawn as soon as it comes, its communities painted on it when they come (they may
    // take longer); without them when they fail, rather than not at all.
    const communities = api
      .themeCommunities(min, limit, { signal: controller.signal, timeWindow })
      .catch((error: unknown) => error as Error);
    try {
      const elements = await api.themes(min, limit, { signal: controller.signal, timeWindow });
      if (controller.signal.aborted) return;
      this.loaded = key;
      this.elements = elements;
      this.setAnalysis(null);
      this.renderList(elements);
      void this.paintCommunities(communities, controller.signal);
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

  private async paintCommunities(
    communities: Promise<ThemeCommunities | Error>,
    signal: AbortSignal,
  ): Promise<void> {
    const analysis = await communities;
    if (signal.aborted || isAbort(analysis)) return;
    this.setAnalysis(analysis);
    this.frame.canvas.repaintNodes();
    this.frame.refreshLegend();
    for (const [id, swatch] of this.listSwatches) {
      const painted = communitySwatch(this.centrality.get(id)?.community);
      swatch.replaceWith(painted);
      this.listSwatches.set(id, painted);
    }
    if (this.onTheMap?.id === this.selection) {
      this.onTheMap.slot.replaceChildren(this.centralitySection(this.onTheMap.id) ?? '');
    }
    this.showReading();
  }

  private setAnalysis(analysis: ThemeCommunities | Error | null): void {
    this.analysis = analysis;
    this.centrality.clear();
    this.maxBetweenness = 0;
    if (analysis === null || analysis instanceof Error) return;
    for (const node of analysis.nodes) this.centrality.set(node.id, node);
    this.maxBetweenness = Math.max(0, ...analysis.nodes.map((node) => node.betweenness));
  }

  /**
   * With nothing selected, the details panel reads the map: its communities and the structural
   * gaps between them (clicking one shows it alone on the map).
   */
  private showReading(): void {
    const analysis = this.analysis;
    if (!this.visible || this.selection || analysis === null) return;
    if (analysis instanceof Error) {
      this.ctx.details.showContent(
        h('p', { class: 'eyebrow', text: 'Reading the map' }),
        errorState(analysis, 'The communities could not be computed'),
      );
      return;
    }
    const actions = {
      focus: (communities: number[], themes: string[]) => this.focusCommunities(communities, themes),
      selectTheme: (id: string) => {
        this.frame.canvas.select(id, true);
        void this.selectTheme(id);
      },
    };
    this.ctx.details.showContent(
      h(
        'div',
        {},
        h('p', { class: 'eyebrow', text: 'Reading the map' }),
        h('p', { class: 'muted reading-hint', text: this.panelHint }),
      ),
      h(
        'section',
        { class: 'detail-section' },
        h('h4', { text: `Communities (${analysis.communities.length})` }),
        h('p', {
          class: 'field-help',
          text: `Themes more linked to each other than to the rest (Louvain, modularity ${formatNumber(analysis.modularity, 2)}), named by their most linked themes. Click one to see it alone.`,
        }),
        communityList(analysis, actions),
      ),
      h(
        'section',
        { class: 'detail-section' },
        h('h4', { text: 'Structural gaps' }),
        h('p', {
          class: 'field-help',
          text: 'Large communities linked less than their sizes predict: where ideas could connect.',
        }),
        gapList(analysis, actions),
      ),
    );
  }

  /**
   * The bridging themes get a ring: the higher their betweenness (relative to the map's highest),
   * the thicker; below a fifth of it, none, so the rings single out the few that matter.
   */
  private ringOf(id: string): number {
    const betweenness = this.centrality.get(id)?.betweenness ?? 0;
    if (this.maxBetweenness <= 0) return 0;
    const share = betweenness / this.maxBetweenness;
    return share < 0.2 ? 0 : Math.round(2 + 4 * share);
  }

  private legendSections(): LegendSection[] {
    const analysis = this.analysis instanceof Error ? null : this.analysis;
    const shown = analysis?.communities.slice(0, COMMUNITY_HUES) ?? [];
    const rest = (analysis?.communities ?? []).slice(COMMUNITY_HUES);
    return [
      {
        title: 'Communities',
        items: [
          ...shown.map((community) => ({
            swatch: communitySwatch(community.id, 14),
            name: community.name,
            count: community.size,
          })),
          ...(rest.length > 0
            ? [
                {
                  swatch: communitySwatch(undefined, 14),
                  name: `${plural(rest.length, 'smaller community', 'smaller communities')}`,
                  count: rest.reduce((sum, community) => sum + community.size, 0),
                },
              ]
            : []),
        ],
      },
      {
        title: 'Reading the map',
        items: [
          ...this.shapeItems(),
          { swatch: ringSwatch(), name: 'ringed: a bridging theme (betweenness)' },
          { swatch: edgeSwatch(true, 3), name: 'thicker: more shared articles' },
        ],
      },
    ];
  }

  /** The shapes on the map: theme concepts, and themes in no concept yet (both before it is loaded). */
  private shapeItems(): LegendSection['items'] {
    const labels = new Set(this.elements?.nodes.map((node) => node.data.label) ?? ['ThemeGroup', 'Theme']);
    return [
      ...(labels.has('ThemeGroup')
        ? [
            {
              swatch: labelIcon('ThemeGroup', 14, COMMUNITY_REST_COLOR),
              name: 'a theme concept: themes that mean the same; larger: more articles',
            },
          ]
        : []),
      ...(labels.has('Theme')
        ? [{ swatch: labelIcon('Theme', 14, COMMUNITY_REST_COLOR), name: 'a theme in no concept yet' }]
        : []),
    ];
  }

  /** Shows only these communities' themes and links, with `themes` marked; none: the whole map. */
  private focusCommunities(communities: number[], themes: string[]): void {
    const canvas = this.frame.canvas;
    if (communities.length === 0 || !this.elements) {
      canvas.spotlight([], []);
      return;
    }
    const inside = new Set(
      [...this.centrality.values()]
        .filter((node) => communities.includes(node.community))
        .map((node) => node.id),
    );
    for (const id of themes) inside.add(id);
    const edges = this.elements.edges
      .filter(({ data }) => inside.has(data.source) && inside.has(data.target))
      .map(({ data }) => data.id);
    canvas.spotlight([...inside], edges, themes);
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
    this.listSwatches.clear();
    this.themeList.replaceChildren(
      ...themes.map((node, index) => {
        const slot = sparkSlot();
        if (index < SPARKLINES) sparkSlots.set(node.data.id, slot);
        const swatch = communitySwatch(this.centrality.get(node.data.id)?.community);
        this.listSwatches.set(node.data.id, swatch);
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
            swatch,
            h('span', { class: 'rank-name', text: node.data.name }),
            slot,
            h('span', { class: 'rank-count', text: formatNumber(node.data.articleCount ?? 0) }),
          ),
        );
      }),
    );
    void fillSparklines(sparkSlots, this.ctx.timeWindow.current, this.controller?.signal);
  }

  /** Where the theme sits on the map: its community and how central it is. */
  private centralitySection(id: string): HTMLElement | null {
    const found = this.centrality.get(id);
    const analysis = this.analysis instanceof Error ? null : this.analysis;
    const community = found ? analysis?.communities[found.community] : undefined;
    if (!found || !community) return null;
    const rank =
      [...this.centrality.values()].filter((node) => node.betweenness > found.betweenness).length + 1;
    return h(
      'section',
      { class: 'detail-section' },
      h('h4', { text: 'On the map' }),
      h(
        'dl',
        { class: 'property-list' },
        h('dt', { text: 'Community' }),
        h('dd', {}, communitySwatch(found.community), ' ', community.name),
        h('dt', { text: 'Bridging' }),
        h(
          'dd',
          {
            title:
              'Betweenness centrality: the share of shortest paths between other themes through this one',
          },
          `${formatNumber(found.betweenness, 3)} (${rank} of ${this.centrality.size})`,
        ),
        h('dt', { text: 'Weighted degree' }),
        h('dd', {
          title: 'Shared articles summed over its links on the map',
          text: formatNumber(found.weightedDegree),
        }),
      ),
    );
  }

  private async selectTheme(id: string | null): Promise<void> {
    this.selection = id;
    this.save();
    if (!id) {
      this.ctx.details.showHint(this.panelHint);
      this.showReading();
      return;
    }
    const node = this.frame.canvas.nodeData(id);
    const concept = id.startsWith('ThemeGroup:');
    const list = h('div', {}, loadingState('Loading its articles…'));
    const members = h('div', {});
    const onTheMap = h('div', {}, this.centralitySection(id));
    this.onTheMap = { id, slot: onTheMap };
    this.ctx.details.showContent(
      h(
        'div',
        {},
        labelChip(concept ? 'ThemeGroup' : 'Theme'),
        h('h3', { class: 'node-name', text: node?.name ?? id }),
        h('p', { class: 'node-id', text: displayId(id) }),
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
      onTheMap,
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

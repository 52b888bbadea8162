import {
  formatWindow,
  MEASURES,
  MeasureSchema,
  parseNodeId,
  VIEW_DEFAULTS,
  type CooccurringResponse,
  type EvidenceArticle,
  type Measure,
  type Measures,
  type PairsResponse,
} from '../../../model/index.js';
import { api, isAbort } from '../api-client.js';
import { conceptMembers } from '../concept-members.js';
import { CanvasFrame } from '../canvas-frame.js';
import { dataTable } from '../data-table.js';
import { evidenceList } from '../details-panel.js';
import { h } from '../dom.js';
import { plural } from '../format.js';
import { labelChip } from '../legend.js';
import { MEASURE_INFO, formatMeasure, measuresTable } from '../measures.js';
import { fillSparklines, sparkSlot } from '../node-time.js';
import { SearchBox } from '../search-box.js';
import { emptyState, errorState, loadingState } from '../status.js';
import { intParam } from '../url-state.js';
import type { View, ViewContext } from '../view.js';

const TABS = ['list', 'graph', 'pairs'] as const;
type Tab = (typeof TABS)[number];
const TAB_TITLES: Record<Tab, string> = {
  list: 'Co-occurring',
  graph: 'Ego graph',
  pairs: 'Strongest pairs',
};
const DEFAULT_MIN = VIEW_DEFAULTS.issues.minCount;
const PAIRS_LIMIT = VIEW_DEFAULTS.issues.pairsLimit;

interface Ranked {
  group: { id: string; name: string; size: number; articleCount: number };
  measures: Measures;
  evidence: EvidenceArticle[];
}

/**
 * Co-occurring issues, over issue groups (issue names rarely repeat, DESIGN.md): the picked
 * issue's group and why each member belongs, the groups that co-occur with it ranked by the
 * chosen measure with their evidence, the same as an ego graph, and the strongest pairs overall.
 */
export class IssuesView implements View {
  readonly id = 'issues' as const;
  readonly title = 'Issues';
  readonly sidebar: HTMLElement;
  readonly main: HTMLElement;
  readonly panelHint =
    'Pick an issue on the left; click a co-occurring group or a pair to see the articles behind it.';
  readonly windowHelp =
    'Co-occurrence counts only articles dated in the window: groups, measures, evidence and the strongest pairs are the window’s. Undated articles are left out.';
  readonly panelActions;

  private readonly frame: CanvasFrame;
  private readonly search: SearchBox;
  private readonly measureInputs = new Map<Measure, HTMLInputElement>();
  private readonly minInput: HTMLInputElement;
  private readonly groupBox = h('div', { class: 'group-box' });
  private readonly listPane = h('div', { class: 'pane list-pane' });
  private readonly graphPane: HTMLElement;
  private readonly pairsPane = h('div', { class: 'pane pairs-pane' });
  private readonly tabButtons = new Map<Tab, HTMLButtonElement>();
  private tab: Tab = 'list';
  private issueId: string | null = null;
  private measure: Measure = VIEW_DEFAULTS.issues.measure;
  private result: CooccurringResponse | null = null;
  private loadedKey: string | null = null;
  private pairsKey: string | null = null;
  private controller: AbortController | null = null;
  private pairsController: AbortController | null = null;

  constructor(private readonly ctx: ViewContext) {
    this.frame = new CanvasFrame(
      {
        onNodeSelect: (id) => this.showGroup(id),
        onEdgeSelect: (data) =>
          data && this.showGroup(data.source === this.result?.group.id ? data.target : data.source),
        onNodeActivate: (id) => this.focusOn(id),
        onLayoutChange: () => this.save(),
      },
      {
        name: 'Co-occurring issue groups',
        exportName: 'horizon-issues',
        undirected: true,
        edgeLabel: (data) => plural(Number(data.count ?? 0), 'shared article'),
        edgeWidth: (data) => 1 + 2 * Math.sqrt(Math.max(0, Number(data.count ?? 1) - 1)),
      },
    );
    this.graphPane = h('div', { class: 'pane graph-pane' }, this.frame.element);

    this.search = new SearchBox({
      label: 'Pick an issue',
      placeholder: 'e.g. privacy, misinformation…',
      labels: ['Issue'],
      meaning: true,
      keepValue: true,
      onPick: (result) => {
        this.issueId = result.id;
        void this.load();
      },
    });
    const measureGroup = h(
      'fieldset',
      { class: 'segmented', attrs: { 'aria-label': 'Rank by' } },
      h('legend', { text: 'Rank by' }),
      ...MEASURES.map((measure) => {
        const input = h('input', {
          type: 'radio',
          attrs: { name: 'issues-measure', value: measure, checked: measure === this.measure },
          on: {
            change: () => {
              this.measure = measure;
              void this.load();
            },
          },
        });
        this.measureInputs.set(measure, input);
        return h(
          'label',
          { class: 'segment', title: MEASURE_INFO[measure].help },
          input,
          h('span', { text: MEASURE_INFO[measure].title }),
        );
      }),
    );
    this.minInput = h('input', {
      id: 'issues-min',
      type: 'number',
      class: 'number-input',
      attrs: { min: 1, max: 50, value: DEFAULT_MIN },
      on: { change: () => void this.load() },
    });
    this.sidebar = h(
      'div',
      { class: 'view-side' },
      this.search.element,
      h(
        'section',
        { class: 'side-section' },
        measureGroup,
        h(
          'div',
          { class: 'field' },
          h('label', { class: 'field-label', text: 'Minimum shared articles', attrs: { for: 'issues-min' } }),
          this.minInput,
        ),
      ),
      h(
        'p',
        { class: 'field-help' },
        'Issue names rarely repeat across documents, so co-occurrence is computed over issue groups: names judged equivalent by a stated similarity rule.',
      ),
    );

    const tabList = h(
      'div',
      { class: 'subtabs', role: 'tablist', attrs: { 'aria-label': 'Issue views' } },
      ...TABS.map((tab) => {
        const button = h('button', {
          class: 'subtab',
          type: 'button',
          role: 'tab',
          id: `issues-tab-${tab}`,
          text: TAB_TITLES[tab],
          attrs: { 'aria-controls': `issues-pane-${tab}` },
          on: { click: () => this.setTab(tab, true), keydown: (event) => this.tabKey(event, tab) },
        });
        this.tabButtons.set(tab, button);
        return button;
      }),
    );
    for (const [tab, pane] of [
      ['list', this.listPane],
      ['graph', this.graphPane],
      ['pairs', this.pairsPane],
    ] as const) {
      pane.id = `issues-pane-${tab}`;
      pane.setAttribute('role', 'tabpanel');
      pane.setAttribute('aria-labelledby', `issues-tab-${tab}`);
    }
    this.main = h(
      'div',
      { class: 'view-main issues-main' },
      tabList,
      this.listPane,
      this.graphPane,
      this.pairsPane,
    );
    this.panelActions = [
      {
        label: 'Open in Explore',
        primary: true,
        run: (id: string) => this.ctx.openInExplore(id),
      },
    ];
    this.setTab('list', false);
  }

  private tabKey(event: KeyboardEvent, tab: Tab): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.indexOf(tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    this.setTab(next, true);
    this.tabButtons.get(next)?.focus();
  }

  private setTab(tab: Tab, save: boolean): void {
    this.tab = tab;
    for (const [name, button] of this.tabButtons) {
      button.setAttribute('aria-selected', String(name === tab));
      button.tabIndex = name === tab ? 0 : -1;
    }
    this.listPane.hidden = tab !== 'list';
    this.graphPane.hidden = tab !== 'graph';
    this.pairsPane.hidden = tab !== 'pairs';
    if (tab === 'graph') this.frame.canvas.resize();
    if (tab === 'pairs') void this.loadPairs();
    if (save) this.save();
  }

  private params(): URLSearchParams {
    const params = new URLSearchParams();
    if (this.issueId) params.set('id', this.issueId);
    params.set('measure', this.measure);
    const min = this.minCount();
    if (min !== DEFAULT_MIN) params.set('min', String(min));
    if (this.tab !== 'list') params.set('tab', this.tab);
    return params;
  }

  private save(): void {
    this.ctx.saveState(this.id, this.params());
  }

  private minCount(): number {
    const value = Number.parseInt(this.minInput.value, 10);
    return Number.isFinite(value) && value > 0 ? value : DEFAULT_MIN;
  }

  open(params: URLSearchParams): void {
    const measure = MeasureSchema.safeParse(params.get('measure'));
    this.measure = measure.success ? measure.data : VIEW_DEFAULTS.issues.measure;
    for (const [name, input] of this.measureInputs) input.checked = name === this.measure;
    this.minInput.value = String(intParam(params, 'min', DEFAULT_MIN, 1, 50));
    this.issueId = params.get('id');
    const tab = params.get('tab');
    this.setTab((TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'list', false);
    void this.load();
  }

  shown(): void {
    this.frame.canvas.resize();
  }

  windowChanged(): void {
    void this.load();
  }

  private focusOn(id: string): void {
    if (id === this.result?.group.id) return;
    this.issueId = id;
    void this.load();
  }

  private async load(): Promise<void> {
    this.save();
    if (this.tab === 'pairs') void this.loadPairs();
    if (!this.issueId) {
      this.result = null;
      this.loadedKey = null;
      this.groupBox.replaceChildren();
      this.listPane.replaceChildren(
        emptyState(
          'No issue picked',
          'Search for an issue on the left (a word of its name is enough). Its group, and the groups that co-occur with it, appear here; Strongest pairs needs no pick.',
        ),
      );
      this.frame.canvas.clear();
      this.frame.showOverlay(
        emptyState('No issue picked', 'Pick an issue on the left to see its ego graph.'),
      );
      return;
    }
    const timeWindow = this.ctx.timeWindow.current;
    const key = `${this.issueId}/${this.measure}/${this.minCount()}/${formatWindow(timeWindow)}`;
    if (key === this.loadedKey) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.listPane.replaceChildren(loadingState('Finding co-occurring issue groups…'));
    this.frame.showOverlay(loadingState('Loading the ego graph…'));
    try {
      const result = await api.cooccurring(this.issueId, this.measure, this.minCount(), 30, {
        signal: controller.signal,
        timeWindow,
      });
      if (controller.signal.aborted) return;
      this.result = result;
      this.loadedKey = key;
      this.search.setValue(result.issue.name);
      this.renderList(result);
      await this.renderGraph(result);
    } catch (error) {
      if (isAbort(error)) return;
      this.loadedKey = null;
      this.listPane.replaceChildren(errorState(error, 'Co-occurring issues could not be loaded'));
      this.frame.showOverlay(errorState(error, 'The ego graph could not be loaded'));
    }
  }

  private groupCard(result: CooccurringResponse): HTMLElement {
    const { group } = result;
    return h(
      'section',
      { class: 'card group-card' },
      h(
        'div',
        { class: 'card-head' },
        labelChip('IssueGroup'),
        h('h3', { class: 'card-title', text: group.name }),
        h(
          'p',
          { class: 'muted' },
          `${plural(group.size, 'member')} · ${plural(group.articleCount, 'article')} · picked: “${result.issue.name}”`,
        ),
      ),
      conceptMembers(group.members, (id) => this.ctx.details.showNode(id, true)),
    );
  }

  private renderList(result: CooccurringResponse): void {
    const measure = result.measure;
    const items = result.results as Ranked[];
    const max = Math.max(...items.map((item) => Math.abs(item.measures[measure])), 1e-9);
    const sparkSlots = new Map(items.map((item) => [item.group.id, sparkSlot()]));
    const list =
      items.length === 0
        ? emptyState(
            'No group co-occurs often enough',
            `No other issue group shares ${plural(this.minCount(), 'article')} with this one. Lower the minimum on the left (1 shows every co-occurrence).`,
          )
        : h(
            'ol',
            { class: 'ranked-list' },
            ...items.map((item, index) =>
              h(
                'li',
                { class: 'ranked-item' },
                h(
                  'div',
                  { class: 'ranked-head' },
                  h('span', { class: 'rank', text: String(index + 1) }),
                  h('button', {
                    class: 'link-button ranked-name',
                    type: 'button',
                    text: item.group.name,
                    title: 'Show the evidence in the panel',
                    on: { click: () => this.showGroup(item.group.id) },
                  }),
                  sparkSlots.get(item.group.id),
                  h('span', { class: 'ranked-size', text: plural(item.group.size, 'issue') }),
                ),
                h(
                  'div',
                  { class: 'ranked-measure' },
                  h(
                    'span',
                    { class: 'bar', attrs: { 'aria-hidden': 'true' } },
                    h('meter', {
                      attrs: {
                        min: 0,
                        max: 1,
                        value: Math.max(0, item.measures[measure] / max),
                        title: `${MEASURE_INFO[measure].title} ${formatMeasure(measure, item.measures[measure])}`,
                      },
                    }),
                  ),
                  h('span', {
                    class: 'measure-value',
                    text: `${MEASURE_INFO[measure].title} ${formatMeasure(measure, item.measures[measure])}`,
                  }),
                  h('span', { class: 'muted', text: ` · ${plural(item.measures.count, 'shared article')}` }),
                ),
                h(
                  'details',
                  { class: 'evidence' },
                  h('summary', { text: `Evidence (${item.evidence.length})` }),
                  evidenceList(item.evidence, (id) => this.ctx.details.showNode(id)),
                ),
              ),
            ),
          );
    void fillSparklines(sparkSlots, this.ctx.timeWindow.current, this.controller?.signal);
    this.listPane.replaceChildren(
      this.groupCard(result),
      h(
        'h3',
        { class: 'section-title' },
        `Co-occurring groups, by ${MEASURE_INFO[measure].title}`,
        h('span', { class: 'muted', text: ` — ${MEASURE_INFO[measure].help}` }),
      ),
      list,
    );
  }

  private async renderGraph(result: CooccurringResponse): Promise<void> {
    if (result.elements.nodes.length === 0) {
      this.frame.canvas.clear();
      this.frame.showOverlay(emptyState('Nothing to draw', 'No co-occurring groups at this minimum.'));
      return;
    }
    this.frame.showOverlay(null);
    this.frame.setLayout(result.elements.nodes.length > 2 ? 'concentric' : 'fcose');
    await this.frame.canvas.setElements(result.elements, this.frame.canvas.layoutName);
    this.frame.canvas.select(result.group.id);
  }

  private showGroup(id: string | null): void {
    if (!id || !this.result) return;
    const label = parseNodeId(id)?.label ?? 'IssueGroup';
    if (id === this.result.group.id || id === this.result.issue.id) {
      const group = this.result.group;
      this.ctx.details.showContent(
        this.groupCard(this.result),
        ...this.ctx.details.timeSections(group.id, parseNodeId(group.id)?.label ?? label),
      );
      return;
    }
    const item = (this.result.results as Ranked[]).find((r) => r.group.id === id);
    if (!item) {
      this.ctx.details.showNode(id);
      return;
    }
    this.ctx.details.showContent(
      h(
        'div',
        {},
        h('p', { class: 'eyebrow', text: 'Co-occurs with the picked issue’s group' }),
        labelChip(label),
        h('h3', { class: 'node-name', text: item.group.name }),
      ),
      measuresTable(item.measures),
      ...this.ctx.details.timeSections(id, label),
      h(
        'div',
        { class: 'action-bar' },
        h('button', {
          class: 'button',
          type: 'button',
          text: 'Make it the focus',
          title: 'Show what co-occurs with this group',
          on: { click: () => this.focusOn(id) },
        }),
      ),
      h(
        'section',
        { class: 'detail-section' },
        h('h4', { text: 'Articles with both' }),
        evidenceList(item.evidence, (article) => this.ctx.details.showNode(article, true)),
      ),
    );
  }

  private async loadPairs(): Promise<void> {
    const timeWindow = this.ctx.timeWindow.current;
    const key = `${this.measure}/${this.minCount()}/${formatWindow(timeWindow)}`;
    if (key === this.pairsKey) return;
    this.pairsController?.abort();
    const controller = new AbortController();
    this.pairsController = controller;
    this.pairsPane.replaceChildren(loadingState('Ranking all issue-group pairs…'));
    try {
      const pairs = await api.pairs(this.measure, this.minCount(), PAIRS_LIMIT, {
        signal: controller.signal,
        timeWindow,
      });
      if (controller.signal.aborted) return;
      this.pairsKey = key;
      this.renderPairs(pairs);
    } catch (error) {
      if (isAbort(error)) return;
      this.pairsPane.replaceChildren(errorState(error, 'The strongest pairs could not be loaded'));
    }
  }

  private renderPairs(response: PairsResponse): void {
    const measure = response.measure;
    if (response.pairs.length === 0) {
      this.pairsPane.replaceChildren(
        emptyState(
          'No pairs at this minimum',
          `No two issue groups share ${plural(this.minCount(), 'article')}. Lower the minimum on the left.`,
        ),
      );
      return;
    }
    type Pair = PairsResponse['pairs'][number];
    const groupButton = (group: Pair['a']): HTMLElement =>
      h('button', {
        class: 'link-button',
        type: 'button',
        text: group.name,
        title: 'Make it the picked issue group',
        on: {
          click: () => {
            this.issueId = group.id;
            this.setTab('list', false);
            void this.load();
          },
        },
      });
    const table = dataTable<Pair>(
      [
        { title: '#', cell: (_row, i) => i + 1, numeric: true },
        { title: 'Group A', cell: (row) => groupButton(row.a) },
        { title: 'Group B', cell: (row) => groupButton(row.b) },
        ...MEASURES.map((m) => ({
          title: MEASURE_INFO[m].title,
          cell: (row: Pair) => formatMeasure(m, row.measures[m]),
          numeric: true,
          className: m === measure ? 'sorted' : undefined,
        })),
        {
          title: 'Evidence',
          cell: (row) =>
            h('button', {
              class: 'button button-small',
              type: 'button',
              text: `${row.evidence.length} article${row.evidence.length === 1 ? '' : 's'}`,
              on: { click: () => this.showPair(row) },
            }),
        },
      ],
      response.pairs,
      {
        caption: `The strongest issue-group pairs by ${MEASURE_INFO[measure].title} (at least ${plural(this.minCount(), 'shared article')})`,
        className: 'pairs-table',
      },
    );
    this.pairsPane.replaceChildren(h('div', { class: 'table-scroll' }, table));
  }

  private showPair(pair: PairsResponse['pairs'][number]): void {
    this.ctx.details.showContent(
      h(
        'div',
        {},
        h('p', { class: 'eyebrow', text: 'Why do these co-occur?' }),
        h(
          'h3',
          { class: 'node-name' },
          pair.a.name,
          h('span', { class: 'link-mark', text: ' ↔ ' }),
          pair.b.name,
        ),
      ),
      measuresTable(pair.measures),
      h(
        'section',
        { class: 'detail-section' },
        h('h4', { text: 'Articles with both' }),
        evidenceList(pair.evidence, (article) => this.ctx.details.showNode(article, true)),
      ),
    );
  }
}

import {
  EMERGING_KINDS,
  EMERGING_MIN_COUNT,
  formatWindow,
  IsoDateSchema,
  isWindowSet,
  periodStart,
  VIEW_DEFAULTS,
  type EmergingItem,
  type EmergingKind,
  type EmergingResponse,
  type TimeWindow,
} from '../../../model/index.js';
import { api, isAbort } from '../api-client.js';
import { evidenceList } from '../details-panel.js';
import { debounce, h } from '../dom.js';
import { formatNumber, plural } from '../format.js';
import { labelChip } from '../legend.js';
import { countBars, describeCounts } from '../sparkline.js';
import { emptyState, errorState, loadingState } from '../status.js';
import { describeWindow } from '../time-window.js';
import { intParam } from '../url-state.js';
import type { View, ViewContext } from '../view.js';

const DEFAULTS = VIEW_DEFAULTS.emerging;
const KIND_TITLES: Record<EmergingKind, [string, string]> = {
  theme: ['Themes', 'theme'],
  issue: ['Issues', 'issue'],
  keyword: ['Keywords', 'keyword'],
  signal: ['Signals', 'signal'],
};

/**
 * Emerging (GET /api/emerging): the themes, issues, keywords or signals whose share of articles
 * grew from the baseline to the recent part of the time window, ranked by a score that keeps
 * small counts quiet, each with its trend and the recent articles behind it.
 */
export class EmergingView implements View {
  readonly id = 'emerging' as const;
  readonly title = 'Emerging';
  readonly sidebar: HTMLElement;
  readonly main: HTMLElement;
  readonly panelHint = 'Click an item to see its trend, its signals over time and its articles.';
  readonly windowHelp =
    'Emerging compares the end of the window (the recent part) with the rest of it (the baseline). Without a window: every dated article.';
  readonly panelActions;

  private readonly kindInputs = new Map<EmergingKind, HTMLInputElement>();
  private readonly sinceInput: HTMLInputElement;
  private readonly minInput: HTMLInputElement;
  private readonly sinceHelp = h('p', {
    class: 'field-help',
    id: 'emerging-since-help',
    text: 'Empty: where the newest quarter of the window’s dated articles starts. The baseline is the window before it.',
  });
  private readonly summary = h('div', { class: 'emerging-summary', attrs: { 'aria-live': 'polite' } });
  private readonly list = h('div', { class: 'emerging-list' });
  private kind: EmergingKind = DEFAULTS.kind;
  private controller: AbortController | null = null;
  private loadedKey: string | null = null;

  constructor(private readonly ctx: ViewContext) {
    const kinds = h(
      'fieldset',
      { class: 'segmented' },
      h('legend', { text: 'What to rank' }),
      ...EMERGING_KINDS.map((kind) => {
        const input = h('input', {
          type: 'radio',
          attrs: { name: 'emerging-kind', value: kind, checked: kind === this.kind },
          on: {
            change: () => {
              this.kind = kind;
              void this.load();
            },
          },
        });
        this.kindInputs.set(kind, input);
        return h('label', { class: 'segment' }, input, h('span', { text: KIND_TITLES[kind][0] }));
      }),
    );
    this.sinceInput = h('input', {
      id: 'emerging-since',
      type: 'date',
      class: 'date-input',
      attrs: { 'aria-describedby': 'emerging-since-help' },
      on: { change: () => void this.load() },
    });
    this.minInput = h('input', {
      id: 'emerging-min',
      type: 'number',
      class: 'number-input',
      attrs: { min: 1, max: 100, value: EMERGING_MIN_COUNT },
      on: { input: () => this.loadSoon() },
    });
    this.sidebar = h(
      'div',
      { class: 'view-side' },
      h(
        'section',
        { class: 'side-section' },
        kinds,
        h(
          'div',
          { class: 'field' },
          h('label', { class: 'field-label', text: 'Recent part starts', attrs: { for: 'emerging-since' } }),
          this.sinceInput,
          this.sinceHelp,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', {
            class: 'field-label',
            text: 'Minimum recent articles',
            attrs: { for: 'emerging-min' },
          }),
          this.minInput,
        ),
      ),
      h(
        'section',
        { class: 'side-section statistic' },
        h('h3', { class: 'panel-heading', text: 'How it is scored' }),
        h(
          'p',
          {},
          'Each item’s share of the recent articles is compared with its share of the baseline articles (of its kind: articles with at least one theme, for themes).',
        ),
        h(
          'p',
          {},
          'The score is how much that share grew ',
          h('strong', { text: 'at least' }),
          ', with 95 % confidence: the growth minus 1.645 standard errors, both smoothed by adding ½ to every count. One article against none has a large growth but a large error too, so it scores below a steadier rise.',
        ),
        h(
          'p',
          {},
          'An item needs the minimum number of recent articles to be scored at all, and only scores above 0 (grew, at 95 %) are listed.',
        ),
        h(
          'details',
          { class: 'formula' },
          h('summary', { text: 'The formula' }),
          h('code', {
            text: 'score = ln( ((r+½)/(R+1)) / ((b+½)/(B+1)) ) − 1.645·√(1/(r+½) + 1/(b+½))',
          }),
          h('p', {
            class: 'field-help',
            text: 'r, b: the item’s recent and baseline articles; R, B: all recent and baseline articles of its kind.',
          }),
        ),
      ),
    );
    this.main = h(
      'div',
      { class: 'view-main emerging-main' },
      h('div', { class: 'emerging-scroll' }, this.summary, this.list),
    );
    this.panelActions = [
      { label: 'Open in Explore', primary: true, run: (id: string) => this.ctx.openInExplore(id) },
    ];
  }

  private params(): URLSearchParams {
    const params = new URLSearchParams();
    if (this.kind !== DEFAULTS.kind) params.set('kind', this.kind);
    if (this.since()) params.set('since', this.since()!);
    if (this.minCount() !== DEFAULTS.minCount) params.set('min', String(this.minCount()));
    return params;
  }

  private since(): string | undefined {
    const parsed = IsoDateSchema.safeParse(this.sinceInput.value);
    return parsed.success ? parsed.data : undefined;
  }

  private minCount(): number {
    const value = Number.parseInt(this.minInput.value, 10);
    return Number.isFinite(value) && value > 0 ? Math.min(value, 100) : DEFAULTS.minCount;
  }

  open(params: URLSearchParams): void {
    const kind = params.get('kind');
    this.kind = (EMERGING_KINDS as readonly string[]).includes(kind ?? '')
      ? (kind as EmergingKind)
      : DEFAULTS.kind;
    for (const [name, input] of this.kindInputs) input.checked = name === this.kind;
    this.sinceInput.value = IsoDateSchema.safeParse(params.get('since')).success ? params.get('since')! : '';
    this.minInput.value = String(intParam(params, 'min', DEFAULTS.minCount, 1, 100));
    void this.load();
  }

  shown(): void {}

  windowChanged(): void {
    void this.load();
  }

  private readonly loadSoon = debounce(() => void this.load(), 300);

  private async load(): Promise<void> {
    this.ctx.saveState(this.id, this.params());
    const timeWindow = this.ctx.timeWindow.current;
    const since = this.since();
    const key = `${this.kind}/${since ?? ''}/${this.minCount()}/${formatWindow(timeWindow)}`;
    if (key === this.loadedKey) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.list.replaceChildren(loadingState(`Scoring ${KIND_TITLES[this.kind][0].toLowerCase()}…`));
    try {
      const answer = await api.emerging(
        this.kind,
        {
          ...(since ? { since } : {}),
          minCount: this.minCount(),
          limit: DEFAULTS.limit,
          period: DEFAULTS.period,
        },
        { signal: controller.signal, timeWindow },
      );
      if (controller.signal.aborted) return;
      this.loadedKey = key;
      this.render(answer, timeWindow);
    } catch (error) {
      if (isAbort(error)) return;
      this.loadedKey = null;
      this.summary.replaceChildren();
      this.list.replaceChildren(errorState(error, 'What is emerging could not be worked out'));
    }
  }

  private render(answer: EmergingResponse, timeWindow: TimeWindow): void {
    this.sinceHelp.textContent = `Empty: where the newest quarter of the window’s dated articles starts${
      !this.since() && answer.since ? ` (here ${answer.since})` : ''
    }. The baseline is the window before it.`;
    const [plural_, one] = KIND_TITLES[answer.kind];
    const window = isWindowSet(timeWindow) ? describeWindow(timeWindow) : 'every dated article';
    this.summary.replaceChildren(
      h('h2', { class: 'emerging-title', text: `Emerging ${plural_.toLowerCase()}` }),
      h(
        'p',
        { class: 'muted' },
        answer.since
          ? `Recent part: from ${answer.since}, ${plural(answer.recentArticles, `article`)} with a ${one}. Baseline: ${plural(answer.baselineArticles, 'article')} before it. Window: ${window}. ${plural(answer.considered, one)} with at least ${plural(answer.minCount, 'recent article')} scored.`
          : `Window: ${window}.`,
      ),
    );
    if (answer.items.length === 0) {
      this.list.replaceChildren(
        emptyState(
          `No ${one} is emerging here`,
          answer.message ??
            `No ${one} with at least ${plural(answer.minCount, 'recent article')} grew with a score above 0. Lower the minimum, move the start of the recent part, or widen the time window.`,
        ),
      );
      return;
    }
    const shadeFrom = answer.since ? answer.periods.indexOf(periodStart(answer.since, answer.period)) : -1;
    this.list.replaceChildren(
      h(
        'ol',
        { class: 'ranked-list' },
        ...answer.items.map((item, index) => this.renderItem(item, index, answer, shadeFrom)),
      ),
    );
  }

  private renderItem(
    item: EmergingItem,
    index: number,
    answer: EmergingResponse,
    shadeFrom: number,
  ): HTMLElement {
    const growth = item.baselineShare > 0 ? item.recentShare / item.baselineShare : null;
    return h(
      'li',
      { class: 'ranked-item emerging-item' },
      h(
        'div',
        { class: 'ranked-head' },
        h('span', { class: 'rank', text: String(index + 1) }),
        labelChip(item.label),
        h('button', {
          class: 'link-button ranked-name',
          type: 'button',
          text: item.name,
          title: 'Its trend, signals and articles in the panel',
          on: { click: () => this.ctx.details.showNode(item.id) },
        }),
        item.isNew
          ? h('span', { class: 'badge badge-new', text: 'new', title: 'No article in the baseline' })
          : null,
        item.size > 1 ? h('span', { class: 'ranked-size', text: plural(item.size, 'name') }) : null,
      ),
      h(
        'div',
        { class: 'emerging-figures' },
        countBars(item.counts, {
          width: 220,
          height: 30,
          className: 'sparkline sparkline-emerging',
          label: describeCounts(item.counts, answer.periods, answer.period),
          ...(shadeFrom >= 0 ? { shadeFrom } : {}),
        }),
        h(
          'dl',
          { class: 'emerging-numbers' },
          h('dt', { text: 'Recent' }),
          h('dd', { text: `${formatNumber(item.recent)} (${percent(item.recentShare)})` }),
          h('dt', { text: 'Before' }),
          h('dd', { text: `${formatNumber(item.baseline)} (${percent(item.baselineShare)})` }),
          h('dt', { text: 'Share grew' }),
          h('dd', {
            text: `${growth === null ? 'from nothing' : `×${formatNumber(growth, 1)}`}, at least ×${formatNumber(item.ratioAtLeast, 2)}`,
          }),
          h('dt', { text: 'Score' }),
          h('dd', { class: 'measure-value', text: formatNumber(item.score, 3) }),
        ),
      ),
      h(
        'details',
        { class: 'evidence' },
        h('summary', { text: `Recent articles (${item.evidence.length} of ${item.recent})` }),
        evidenceList(
          item.evidence.map((article) => ({
            id: article.id,
            title: `${article.date ?? 'undated'} · ${article.title}`,
          })),
          (id) => this.ctx.details.showNode(id),
        ),
      ),
    );
  }
}

const percent = (share: number): string => `${formatNumber(share * 100, 1)} %`;

import type { CypherResponse } from '../../../model/index.js';
import { ApiError, api, isAbort } from '../api-client.js';
import { CanvasFrame } from '../canvas-frame.js';
import { EXAMPLES, clearHistory, readHistory, remember, type HistoryEntry } from '../cypher-history.js';
import type { CypherEditorHandle } from '../cypher-editor.js';
import { resultsTable } from '../cypher-table.js';
import { h, replace } from '../dom.js';
import { plural } from '../format.js';
import { emptyState, loadingState } from '../status.js';
import type { View, ViewContext } from '../view.js';

type Mode = 'graph' | 'table';

/**
 * Cypher console: POST /api/cypher (read-only, time-limited and row-capped by the server). Results
 * as a graph or a table; Neo4j's message inline on an error; history in localStorage.
 */
export class CypherView implements View {
  readonly id = 'cypher' as const;
  readonly title = 'Cypher';
  readonly sidebar: HTMLElement;
  readonly main: HTMLElement;
  /** Cypher queries say their own dates (e.g. `WHERE a.date >= date('2025-01-01')`). */
  readonly windowHelp = null;
  readonly panelHint = 'Run a query; click a node of the result to see its details here.';
  readonly panelActions;

  private readonly frame: CanvasFrame;
  private readonly editorHost = h('div', { class: 'editor-host' });
  private readonly paramsInput: HTMLTextAreaElement;
  private readonly paramsBox: HTMLDetailsElement;
  private readonly errorBox = h('div', { class: 'query-error', role: 'alert', hidden: true });
  private readonly resultInfo = h('p', { class: 'result-info', attrs: { 'aria-live': 'polite' } });
  private readonly tablePane = h('div', { class: 'pane table-pane' });
  private readonly graphPane: HTMLElement;
  private readonly modeButtons = new Map<Mode, HTMLButtonElement>();
  private readonly historyList = h('ol', { class: 'history-list' });
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private editor: CypherEditorHandle | null = null;
  private fallback: HTMLTextAreaElement | null = null;
  private pendingValue = '';
  private mode: Mode = 'graph';
  private modeChosen = false;
  private lastRun: string | null = null;
  private controller: AbortController | null = null;
  private result: CypherResponse | null = null;

  constructor(private readonly ctx: ViewContext) {
    this.frame = new CanvasFrame(
      {
        onNodeSelect: (id) => (id ? this.ctx.details.showNode(id) : this.ctx.details.showHint()),
        onNodeActivate: (id) => this.ctx.openInExplore(id),
        onLayoutChange: () => undefined,
      },
      { name: 'Query result graph', exportName: 'horizon-cypher' },
    );
    this.graphPane = h('div', { class: 'pane graph-pane' }, this.frame.element);
    this.paramsInput = h('textarea', {
      id: 'cypher-params',
      class: 'params-input',
      attrs: { rows: 4, spellcheck: 'false', placeholder: '{ "minRelevancy": 4 }' },
      on: {
        keydown: (event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
            event.preventDefault();
            this.run();
          }
        },
      },
    });
    this.paramsBox = h(
      'details',
      { class: 'params' },
      h('summary', { text: 'Parameters (JSON)' }),
      h('label', { class: 'sr-only', text: 'Parameters as a JSON object', attrs: { for: 'cypher-params' } }),
      this.paramsInput,
    );
    this.runButton = h('button', {
      class: 'button button-primary',
      type: 'button',
      text: 'Run',
      title: 'Run the query (Ctrl+Enter or ⌘+Enter)',
      on: { click: () => this.run() },
    });
    this.cancelButton = h('button', {
      class: 'button',
      type: 'button',
      text: 'Cancel',
      title: 'Stop the running query (the server ends it in Neo4j)',
      hidden: true,
      on: { click: () => this.cancel() },
    });
    const modeSwitch = h(
      'div',
      { class: 'segmented-buttons', role: 'group', attrs: { 'aria-label': 'Show the result as' } },
      ...(['graph', 'table'] as const).map((mode) => {
        const button = h('button', {
          class: 'segment-button',
          type: 'button',
          text: mode === 'graph' ? 'Graph' : 'Table',
          attrs: { 'aria-pressed': 'false' },
          on: {
            click: () => {
              this.modeChosen = true;
              this.setMode(mode);
              this.save();
            },
          },
        });
        this.modeButtons.set(mode, button);
        return button;
      }),
    );
    this.main = h(
      'div',
      { class: 'view-main cypher-main' },
      h(
        'div',
        { class: 'query-area' },
        this.editorHost,
        this.paramsBox,
        h(
          'div',
          { class: 'query-bar' },
          this.runButton,
          this.cancelButton,
          h(
            'span',
            { class: 'muted kbd-hint' },
            h('kbd', { text: 'Ctrl' }),
            '+',
            h('kbd', { text: 'Enter' }),
            ' runs',
          ),
          h('span', { class: 'spacer' }),
          this.resultInfo,
          modeSwitch,
        ),
        this.errorBox,
      ),
      this.graphPane,
      this.tablePane,
    );

    this.sidebar = h(
      'div',
      { class: 'view-side' },
      h(
        'section',
        { class: 'side-section' },
        h('h3', { class: 'panel-heading', text: 'Examples' }),
        h(
          'ul',
          { class: 'example-list' },
          ...EXAMPLES.map((example) =>
            h(
              'li',
              {},
              h('button', {
                class: 'link-button',
                type: 'button',
                text: example.title,
                title: example.query,
                on: {
                  click: () => {
                    this.setQuery(
                      example.query,
                      example.params ? JSON.stringify(example.params, null, 2) : '',
                    );
                    this.run();
                  },
                },
              }),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'side-section grow' },
        h(
          'div',
          { class: 'section-head' },
          h('h3', { class: 'panel-heading', text: 'History' }),
          h('button', {
            class: 'button button-small button-quiet',
            type: 'button',
            text: 'Clear',
            on: {
              click: () => {
                clearHistory();
                this.renderHistory([]);
              },
            },
          }),
        ),
        this.historyList,
      ),
      h(
        'p',
        { class: 'field-help' },
        'Read-only: the server refuses writes, runs each query with a time limit and returns at most 1,000 rows.',
      ),
    );
    this.panelActions = [
      { label: 'Open in Explore', primary: true, run: (id: string) => this.ctx.openInExplore(id) },
    ];
    this.renderHistory(readHistory());
    this.setMode('graph');
    this.showIdle();
  }

  private editorLoad: Promise<void> | null = null;

  private ensureEditor(): Promise<void> {
    this.editorLoad ??= import('../cypher-editor.js')
      .then(({ createEditor }) => {
        this.editorHost.replaceChildren();
        this.editor = createEditor(this.editorHost, {
          value: this.pendingValue,
          label: 'Cypher query',
          onRun: () => this.run(),
          onChange: (value) => (this.pendingValue = value),
        });
      })
      .catch((error: unknown) => {
        console.warn('Cypher editor unavailable, using a plain text area:', error);
        // Without the editor chunk (e.g. an interrupted load) a plain text area still works.
        this.fallback = h('textarea', {
          class: 'fallback-editor',
          attrs: { rows: 6, spellcheck: 'false', 'aria-label': 'Cypher query' },
          on: {
            input: () => (this.pendingValue = this.fallback!.value),
            keydown: (event) => {
              if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
                event.preventDefault();
                this.run();
              }
            },
          },
        });
        this.fallback.value = this.pendingValue;
        this.editorHost.replaceChildren(this.fallback);
      });
    return this.editorLoad;
  }

  private query(): string {
    return (this.editor?.getValue() ?? this.fallback?.value ?? this.pendingValue).trim();
  }

  private setQuery(query: string, params: string): void {
    this.pendingValue = query;
    this.editor?.setValue(query);
    if (this.fallback) this.fallback.value = query;
    this.paramsInput.value = params;
    this.paramsBox.open = params.trim().length > 0;
  }

  private params(): URLSearchParams {
    const params = new URLSearchParams();
    const query = this.query();
    if (query) params.set('q', query);
    const json = this.paramsInput.value.trim();
    if (json) params.set('p', json);
    if (this.modeChosen) params.set('mode', this.mode);
    return params;
  }

  private save(): void {
    this.ctx.saveState(this.id, this.params());
  }

  open(params: URLSearchParams): void {
    const mode = params.get('mode');
    if (mode === 'graph' || mode === 'table') {
      this.modeChosen = true;
      this.setMode(mode);
    }
    const query = params.get('q');
    const json = params.get('p') ?? '';
    if (!this.editor && !this.fallback) this.editorHost.replaceChildren(loadingState('Loading the editor…'));
    void this.ensureEditor().then(() => {
      if (query !== null) {
        this.setQuery(query, json);
        // A shared link reopens its result too: the query is read-only by construction.
        if (`${query}\n${json}` !== this.lastRun) this.run();
      } else if (!this.query()) {
        this.setQuery(EXAMPLES[0]!.query, '');
      }
    });
  }

  shown(): void {
    this.frame.canvas.resize();
  }

  private setMode(mode: Mode): void {
    this.mode = mode;
    for (const [name, button] of this.modeButtons) button.setAttribute('aria-pressed', String(name === mode));
    this.graphPane.hidden = mode !== 'graph';
    this.tablePane.hidden = mode !== 'table';
    if (mode === 'graph') {
      this.frame.canvas.resize();
    } else this.renderTable();
  }

  /** The table is built when first shown: a graph-mode run does not pay for 1,000 rows of DOM. */
  private tableFor: CypherResponse | null = null;

  private renderTable(): void {
    const result = this.result;
    if (!result || this.tableFor === result) return;
    this.tableFor = result;
    this.tablePane.replaceChildren(
      result.rows.length === 0
        ? emptyState(
            'No rows',
            'The query ran but matched nothing. Check labels and property names (they are case-sensitive).',
          )
        : resultsTable(result, (id) => this.ctx.details.showNode(id)),
    );
    if (result.truncated) {
      this.tablePane.prepend(
        h('p', {
          class: 'notice',
          text: `Only the first ${result.summary.rowCount.toLocaleString('en')} rows are shown. Add a LIMIT or aggregate to see everything.`,
        }),
      );
    }
  }

  private showIdle(): void {
    this.frame.showOverlay(
      emptyState(
        'No result yet',
        'Write a query above and press Ctrl+Enter (⌘+Enter on a Mac), or pick an example.',
      ),
    );
    this.tablePane.replaceChildren(emptyState('No result yet', 'Run a query to see its rows here.'));
  }

  run(): void {
    const query = this.query();
    if (!query) {
      this.showError('Nothing to run', 'Write a Cypher query first.');
      return;
    }
    let params: Record<string, unknown> = {};
    const json = this.paramsInput.value.trim();
    if (json) {
      try {
        const parsed: unknown = JSON.parse(json);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        params = parsed as Record<string, unknown>;
      } catch (error) {
        this.paramsBox.open = true;
        this.showError(
          'Parameters are not valid JSON',
          `Write a JSON object such as {"text": "ai"} (${(error as Error).message}).`,
        );
        return;
      }
    }
    this.lastRun = `${query}\n${json}`;
    this.renderHistory(remember(query, json));
    this.save();
    void this.execute(query, params);
  }

  /**
   * While a query runs, the previous result stays in view marked as such (dimmed, a note on the
   * canvas) and the query can be cancelled; an error or a cancel clears it, so nothing on screen
   * passes for the answer of a query that gave none.
   */
  private async execute(query: string, params: Record<string, unknown>): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.errorBox.hidden = true;
    this.runButton.disabled = true;
    this.cancelButton.hidden = false;
    this.resultInfo.textContent = 'Running…';
    this.main.classList.add('is-running');
    const done = this.frame.busy(
      this.result ? 'Running… (the result shown is the previous query’s)' : 'Running…',
    );
    try {
      const result = await api.cypher(query, params, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.result = result;
      await this.render(result);
    } catch (error) {
      if (isAbort(error)) {
        if (this.controller === controller)
          this.clearResult('Cancelled', 'The query was stopped before it answered.');
        return;
      }
      if (error instanceof ApiError) this.showError(error.code, error.message);
      else this.showError('Error', (error as Error).message);
    } finally {
      done();
      if (this.controller === controller) {
        this.runButton.disabled = false;
        this.cancelButton.hidden = true;
        this.main.classList.remove('is-running');
      }
    }
  }

  private cancel(): void {
    // Closing the request makes the server end the query in Neo4j.
    this.controller?.abort();
  }

  /** No result on screen: after an error or a cancel, the previous one would pass for the answer. */
  private clearResult(title: string, hint: string): void {
    this.result = null;
    this.tableFor = null;
    this.resultInfo.textContent = title === 'Cancelled' ? 'Cancelled.' : '';
    this.frame.canvas.clear();
    this.frame.showOverlay(emptyState(title, hint));
    this.tablePane.replaceChildren(emptyState(title, hint));
  }

  private showError(code: string, message: string): void {
    const hint =
      code === 'QUERY_REFUSED'
        ? 'The console is read-only: MATCH … RETURN queries work; CREATE, MERGE, SET, DELETE and admin commands do not.'
        : code === 'TIMEOUT'
          ? 'Add a LIMIT or narrow the pattern.'
          : null;
    replace(
      this.errorBox,
      h('p', { class: 'error-head' }, h('code', { class: 'error-code', text: code })),
      h('pre', { class: 'error-message', text: message }),
      hint ? h('p', { class: 'state-hint', text: hint }) : null,
    );
    this.errorBox.hidden = false;
    this.clearResult('No result', 'The query did not run: the reason is above the result.');
  }

  private async render(result: CypherResponse): Promise<void> {
    const { summary } = result;
    const graphSize = result.elements.nodes.length;
    this.resultInfo.textContent = [
      plural(summary.rowCount, 'row'),
      graphSize > 0
        ? `${plural(graphSize, 'node')}, ${plural(result.elements.edges.length, 'relationship')}`
        : '',
      `${summary.resultConsumedAfterMs} ms`,
      result.truncated ? 'truncated: only the first rows are shown' : '',
    ]
      .filter(Boolean)
      .join(' · ');
    this.tableFor = null;
    this.setMode(this.modeChosen ? this.mode : graphSize > 0 ? 'graph' : 'table');
    if (graphSize === 0) {
      this.frame.canvas.clear();
      this.frame.showOverlay(
        emptyState(
          'No nodes or relationships in this result',
          'Return nodes, relationships or paths (e.g. RETURN a, r, t) to draw them; the rows are in the Table.',
        ),
      );
      return;
    }
    this.frame.showOverlay(null);
    await this.frame.canvas.setElements(result.elements);
  }

  private renderHistory(entries: HistoryEntry[]): void {
    if (entries.length === 0) {
      this.historyList.replaceChildren(h('li', { class: 'muted', text: 'Queries you run appear here.' }));
      return;
    }
    this.historyList.replaceChildren(
      ...entries.slice(0, 30).map((entry) =>
        h(
          'li',
          {},
          h('button', {
            class: 'history-item',
            type: 'button',
            text: entry.query.replace(/\s+/g, ' '),
            title: entry.params ? `${entry.query}\nparams: ${entry.params}` : entry.query,
            on: { click: () => this.setQuery(entry.query, entry.params) },
          }),
        ),
      ),
    );
  }
}

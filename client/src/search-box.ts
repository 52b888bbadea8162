import {
  GROUPED_LABELS,
  NODE_LABELS,
  type GroupedLabel,
  type NodeLabel,
  type SearchResult,
} from '../../model/index.js';
import { api, isAbort } from './api-client.js';
import { debounce, h, uniqueId } from './dom.js';
import { labelIcon } from './legend.js';

export interface SearchBoxOptions {
  label: string;
  placeholder?: string;
  /** Fixed label filter (e.g. Issue); when absent, a select lets the user choose (or all). */
  labels?: readonly NodeLabel[];
  onPick(result: SearchResult): void;
  /** Keep the picked name in the input (for "from"/"to" pickers). */
  keepValue?: boolean;
  limit?: number;
  /** Offer "by meaning": names like the text, through GET /api/similar (issues, themes, keywords, signals). */
  meaning?: boolean;
}

/**
 * A type-ahead combobox over GET /api/search (WAI-ARIA combobox pattern): arrows move through the
 * options, Enter picks, Escape closes. Each keystroke aborts the previous request.
 */
export class SearchBox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly message: HTMLElement;
  private readonly labelSelect: HTMLSelectElement | null;
  private readonly meaningToggle: HTMLInputElement | null;
  private results: SearchResult[] = [];
  private active = -1;
  private controller: AbortController | null = null;

  constructor(private readonly options: SearchBoxOptions) {
    const listId = uniqueId('search-list');
    const inputId = uniqueId('search-input');
    this.input = h('input', {
      id: inputId,
      class: 'search-input',
      type: 'search',
      role: 'combobox',
      attrs: {
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: options.placeholder ?? 'Search…',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
        'aria-controls': listId,
      },
      on: {
        input: () => this.onInput(),
        keydown: (event) => this.onKey(event),
        blur: () => window.setTimeout(() => this.close(), 150),
        focus: () => {
          if (this.results.length > 0) this.open();
        },
      },
    });
    this.list = h('ul', {
      id: listId,
      class: 'search-results',
      role: 'listbox',
      hidden: true,
      attrs: { 'aria-label': `${options.label} results` },
    });
    this.message = h('p', { class: 'search-message', attrs: { 'aria-live': 'polite' } });
    this.labelSelect = options.labels
      ? null
      : h(
          'select',
          {
            class: 'search-labels',
            title: 'Only this label',
            attrs: { 'aria-label': `${options.label}: label filter` },
            on: { change: () => this.onInput() },
          },
          h('option', { text: 'All labels', attrs: { value: '' } }),
          ...NODE_LABELS.map((label) => h('option', { text: label, attrs: { value: label } })),
        );
    this.meaningToggle = options.meaning
      ? h('input', {
          type: 'checkbox',
          class: 'meaning-toggle',
          on: { change: () => this.onInput() },
        })
      : null;
    this.element = h(
      'div',
      { class: 'search-box' },
      h('label', { class: 'field-label', text: options.label, attrs: { for: inputId } }),
      h('div', { class: 'search-row' }, this.input, this.labelSelect),
      this.meaningToggle
        ? h(
            'label',
            {
              class: 'meaning-label',
              title: 'Names that mean something like the text, not only those with its words',
            },
            this.meaningToggle,
            ' by meaning (“issues like this”)',
          )
        : null,
      this.list,
      this.message,
    );
  }

  setValue(text: string): void {
    this.input.value = text;
  }

  focus(): void {
    this.input.focus();
  }

  private labels(): NodeLabel[] {
    if (this.options.labels) return [...this.options.labels];
    const value = this.labelSelect?.value ?? '';
    return value ? [value as NodeLabel] : [];
  }

  /** The label searched by meaning: the one chosen if it has embeddings, else issues. */
  private meaningLabel(): GroupedLabel {
    const chosen = this.labels()[0];
    return GROUPED_LABELS.find((label) => label === chosen) ?? 'Issue';
  }

  private query(text: string, signal: AbortSignal): Promise<SearchResult[]> {
    const limit = this.options.limit ?? 12;
    if (!this.meaningToggle?.checked) return api.search(text, this.labels(), limit, { signal });
    return api
      .similar(text, this.meaningLabel(), limit, { signal })
      .then((results) => results.map(({ id, label, name, cosine }) => ({ id, label, name, score: cosine })));
  }

  private readonly search = debounce((text: string) => void this.fetch(text), 140);

  private onInput(): void {
    const text = this.input.value.trim();
    this.controller?.abort();
    if (text.length < 2) {
      this.results = [];
      this.render();
      this.message.textContent = text.length === 0 ? '' : 'Type at least two characters.';
      return;
    }
    this.message.textContent = 'Searching…';
    this.search(text);
  }

  private async fetch(text: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      this.results = await this.query(text, controller.signal);
      this.message.textContent =
        this.results.length === 0
          ? `Nothing matches “${text}”. Try fewer or shorter words${this.labels().length ? ', or all labels' : ''}.`
          : '';
      this.active = this.results.length > 0 ? 0 : -1;
      this.render();
    } catch (error) {
      if (isAbort(error)) return;
      this.results = [];
      this.render();
      this.message.textContent = `Search failed: ${(error as Error).message}`;
    }
  }

  private render(): void {
    const items = this.results.map((result, index) => {
      const item = h(
        'li',
        {
          id: `${this.list.id}-${index}`,
          class: index === this.active ? 'search-result active' : 'search-result',
          role: 'option',
          attrs: { 'aria-selected': index === this.active ? 'true' : 'false' },
          on: {
            mousedown: (event) => {
              event.preventDefault();
              this.pick(index);
            },
          },
        },
        labelIcon(result.label),
        h('span', { class: 'result-name', text: result.name }),
        h('span', {
          class: 'result-label',
          text: this.meaningToggle?.checked ? `${result.label} · ${result.score.toFixed(2)}` : result.label,
        }),
      );
      return item;
    });
    this.list.replaceChildren(...items);
    if (items.length > 0 && document.activeElement === this.input) this.open();
    else this.close();
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private move(delta: number): void {
    if (this.results.length === 0) return;
    this.active = (this.active + delta + this.results.length) % this.results.length;
    this.render();
    this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (this.list.hidden && this.results.length > 0) this.open();
        else this.move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.move(-1);
        break;
      case 'Enter':
        if (this.active >= 0 && this.results[this.active]) {
          event.preventDefault();
          this.pick(this.active);
        }
        break;
      case 'Escape':
        this.close();
        break;
    }
  }

  private pick(index: number): void {
    const result = this.results[index];
    if (!result) return;
    this.close();
    if (this.options.keepValue) this.input.value = result.name;
    else {
      this.input.value = '';
      this.results = [];
      this.render();
    }
    this.message.textContent = '';
    this.options.onPick(result);
  }
}

import {
  addDays,
  formatWindow,
  isWindowSet,
  nextPeriod,
  periodStart,
  VIEW_DEFAULTS,
  type TimelineResponse,
  type TimeWindow,
} from '../../model/index.js';
import { api } from './api-client.js';
import { debounce, h } from './dom.js';
import { formatNumber, plural } from './format.js';
import { countBars, periodLabel } from './sparkline.js';

/**
 * The time window the views share: its value, and who must hear of a change. The shell keeps it
 * in the URL (`window=…`), the control sets it, the views read it for every request.
 */
export class TimeWindowState {
  private value: TimeWindow = {};
  private readonly listeners = new Set<() => void>();

  get current(): TimeWindow {
    return this.value;
  }

  /** Sets the window; listeners hear of it only when it changed and `quiet` is not set. */
  set(window: TimeWindow, quiet = false): void {
    const next = isWindowSet(window) ? { ...window } : {};
    if (formatWindow(next) === formatWindow(this.value)) return;
    this.value = next;
    if (!quiet) for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }
}

const PERIOD = VIEW_DEFAULTS.timeline.period;
const CHART = { width: 268, height: 44 };

/**
 * One control for the window: the histogram of articles per month (GET /api/timeline) with two
 * handles over it. A handle at either end leaves that end open; both at the ends is no window.
 * Changes apply once the handles rest (the views reload then).
 */
export class TimeWindowControl {
  readonly element: HTMLElement;
  private readonly chart = h('div', { class: 'tw-chart-bars' });
  private readonly start: HTMLInputElement;
  private readonly end: HTMLInputElement;
  private readonly value = h('output', { class: 'tw-value', attrs: { 'aria-live': 'polite' } });
  private readonly clearButton: HTMLButtonElement;
  private readonly axis = h('div', { class: 'tw-axis', attrs: { 'aria-hidden': 'true' } });
  private readonly help = h('p', { class: 'field-help tw-help' });
  private timeline: TimelineResponse | null = null;

  constructor(private readonly state: TimeWindowState) {
    const range = (name: string, label: string) =>
      h('input', {
        type: 'range',
        class: `tw-range tw-${name}`,
        attrs: { min: 0, max: 0, step: 1, value: 0, 'aria-label': label, disabled: true },
        on: { input: () => this.moved(name === 'start' ? 'start' : 'end') },
      });
    this.start = range('start', 'Window start');
    this.end = range('end', 'Window end');
    this.clearButton = h('button', {
      class: 'button button-small button-quiet tw-clear',
      type: 'button',
      text: 'All dates',
      title: 'Remove the time window: every article counts again, undated ones too',
      hidden: true,
      on: { click: () => this.state.set({}) },
    });
    this.element = h(
      'section',
      { class: 'time-window', attrs: { 'aria-label': 'Time window' } },
      h('div', { class: 'tw-head' }, h('span', { class: 'tw-title', text: 'Time window' }), this.clearButton),
      this.value,
      h('div', { class: 'tw-chart' }, this.chart, h('div', { class: 'tw-ranges' }, this.start, this.end)),
      this.axis,
      this.help,
    );
    state.subscribe(() => this.show());
    this.value.textContent = 'Loading the digest dates…';
  }

  /** What the window does in the active view; null hides the control (the view ignores it). */
  setHelp(text: string | null): void {
    this.element.hidden = text === null;
    this.help.textContent = text ?? '';
  }

  async load(): Promise<void> {
    try {
      this.timeline = await api.timeline(PERIOD);
    } catch {
      this.value.textContent = 'The digest dates could not be read.';
      return;
    }
    const last = Math.max(0, this.timeline.periods.length - 1);
    for (const input of [this.start, this.end]) {
      input.max = String(last);
      input.disabled = this.timeline.periods.length < 2;
    }
    this.show();
  }

  /** The handles, the bars and the words for the current window. */
  private show(): void {
    const timeline = this.timeline;
    if (!timeline) return;
    const { periods } = timeline;
    const window = this.state.current;
    const index = (day: string | undefined, fallback: number) => {
      if (!day) return fallback;
      const at = periods.indexOf(periodStart(day, PERIOD));
      if (at >= 0) return at;
      return day < (periods[0] ?? '') ? 0 : periods.length - 1;
    };
    this.start.value = String(index(window.from, 0));
    this.end.value = String(index(window.to, periods.length - 1));
    this.draw(Number(this.start.value), Number(this.end.value), isWindowSet(window));
  }

  private draw(first: number, last: number, windowed: boolean): void {
    const timeline = this.timeline!;
    const { periods, counts } = timeline;
    const inRange = counts.slice(first, last + 1).reduce((sum, n) => sum + n, 0);
    this.chart.replaceChildren(
      countBars(counts, {
        ...CHART,
        className: 'tw-bars',
        label: `Articles per month, ${periods.length} months`,
        ...(windowed ? { active: [first, last] as const } : {}),
      }),
    );
    this.start.setAttribute('aria-valuetext', periods[first] ? periodLabel(periods[first], PERIOD) : '');
    this.end.setAttribute('aria-valuetext', periods[last] ? periodLabel(periods[last], PERIOD) : '');
    this.axis.replaceChildren(
      h('span', { text: periods[0] ? periodLabel(periods[0], PERIOD) : '' }),
      h('span', { text: periods.at(-1) ? periodLabel(periods.at(-1)!, PERIOD) : '' }),
    );
    this.clearButton.hidden = !windowed;
    const window = this.state.current;
    this.value.textContent = windowed
      ? `${describeWindow(window)} · ${plural(inRange, 'article')}${timeline.undated > 0 ? ` (${formatNumber(timeline.undated)} undated left out)` : ''}`
      : `All dates · ${plural(timeline.dated + timeline.undated, 'article')}`;
  }

  private readonly apply = debounce(() => {
    const periods = this.timeline?.periods ?? [];
    const first = Number(this.start.value);
    const last = Number(this.end.value);
    const next: TimeWindow = {};
    if (first > 0) next.from = periods[first]!;
    if (last < periods.length - 1) next.to = addDays(nextPeriod(periods[last]!, PERIOD), -1);
    this.state.set(next);
  }, 300);

  private moved(which: 'start' | 'end'): void {
    let first = Number(this.start.value);
    let last = Number(this.end.value);
    if (first > last) {
      if (which === 'start') last = first;
      else first = last;
      this.start.value = String(first);
      this.end.value = String(last);
    }
    const periods = this.timeline?.periods ?? [];
    const whole = first === 0 && last === periods.length - 1;
    this.draw(first, last, !whole);
    if (!whole) {
      const from = first > 0 ? periods[first] : undefined;
      const to = last < periods.length - 1 ? addDays(nextPeriod(periods[last]!, PERIOD), -1) : undefined;
      this.value.textContent = `${describeWindow({ ...(from ? { from } : {}), ...(to ? { to } : {}) })} …`;
    }
    this.apply();
  }
}

/** "2025-01-01 – 2025-06-30", "from 2025-01-01", "until 2025-06-30". */
export function describeWindow(window: TimeWindow): string {
  if (window.from && window.to) return `${window.from} – ${window.to}`;
  if (window.from) return `from ${window.from}`;
  if (window.to) return `until ${window.to}`;
  return 'All dates';
}

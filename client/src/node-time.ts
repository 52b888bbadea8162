import { isWindowSet, VIEW_DEFAULTS, type SignalEntry, type TimeWindow } from '../../model/index.js';
import { api, isAbort } from './api-client.js';
import { h } from './dom.js';
import { formatNumber, plural } from './format.js';
import { countBars, describeCounts } from './sparkline.js';
import { errorState, loadingState } from './status.js';
import { describeWindow } from './time-window.js';

/**
 * A node's time in the details panel: its trend (articles per month, first and last seen) and
 * the signals of its articles, newest first. Both count in the time window when one is set.
 */

const PERIOD = VIEW_DEFAULTS.timeline.period;
const SIGNALS_SHOWN = 20;

const windowNote = (window: TimeWindow): string =>
  isWindowSet(window) ? ` in the window (${describeWindow(window)})` : '';

/**
 * Sparklines in a list: each slot (by node id, at most 50) gets its node's articles per month in
 * the window. A list stands without them when they cannot be read.
 */
export async function fillSparklines(
  slots: ReadonlyMap<string, HTMLElement>,
  window: TimeWindow,
  signal?: AbortSignal,
): Promise<void> {
  if (slots.size === 0) return;
  try {
    const trends = await api.trends([...slots.keys()].slice(0, 50), PERIOD, {
      ...(signal ? { signal } : {}),
      timeWindow: window,
    });
    for (const trend of trends.items) {
      slots.get(trend.id)?.replaceChildren(
        countBars(trend.counts, {
          width: 56,
          height: 14,
          className: 'sparkline',
          label: describeCounts(trend.counts, trends.periods, trends.period),
        }),
      );
    }
  } catch {
    // Without its sparklines the list still says everything else.
  }
}

/** An empty place for a sparkline in a list row. */
export function sparkSlot(): HTMLElement {
  return h('span', { class: 'spark-slot', attrs: { 'aria-hidden': 'true' } });
}

export function trendSection(id: string, window: TimeWindow, signal: AbortSignal): HTMLElement {
  const body = h('div', {}, loadingState('Counting its articles over time…'));
  void api
    .trends([id], PERIOD, { signal, timeWindow: window })
    .then((trends) => {
      const trend = trends.items[0];
      if (!trend) {
        body.replaceChildren(h('p', { class: 'muted', text: 'No articles.' }));
        return;
      }
      const seen =
        trend.firstSeen && trend.lastSeen
          ? ` · first seen ${trend.firstSeen} · last seen ${trend.lastSeen}`
          : '';
      body.replaceChildren(
        countBars(trend.counts, {
          width: 300,
          height: 40,
          className: 'sparkline sparkline-wide',
          label: describeCounts(trend.counts, trends.periods, trends.period),
        }),
        h(
          'p',
          { class: 'muted trend-summary' },
          `${plural(trend.total, 'dated article')}${windowNote(window)}${seen}`,
          trend.undated > 0 ? ` · ${formatNumber(trend.undated)} undated (on no time axis)` : '',
        ),
      );
    })
    .catch((error: unknown) => {
      if (!isAbort(error)) body.replaceChildren(errorState(error, 'Its trend could not be loaded'));
    });
  return h('section', { class: 'detail-section time-section' }, h('h4', { text: 'Over time' }), body);
}

export function signalSection(
  id: string,
  window: TimeWindow,
  signal: AbortSignal,
  open: (id: string) => void,
): HTMLElement {
  const list = h('div', {});
  const relevancy = h(
    'select',
    {
      class: 'select-small',
      attrs: { 'aria-label': 'Minimum relevancy of the signals' },
      on: { change: () => load() },
    },
    ...[
      ['', 'any relevancy'],
      ['3', 'relevancy ≥ 3'],
      ['4', 'relevancy ≥ 4'],
      ['5', 'relevancy 5'],
    ].map(([value, text]) => h('option', { text, attrs: { value } })),
  );
  const load = (): void => {
    list.replaceChildren(loadingState('Reading the signals of its articles…'));
    const min = relevancy.value ? Number(relevancy.value) : undefined;
    api
      .signalTimeline(id, min, SIGNALS_SHOWN, { signal, timeWindow: window })
      .then((timeline) => {
        if (timeline.signals.length === 0) {
          list.replaceChildren(
            h('p', {
              class: 'muted',
              text: `No signals${min ? ' of that relevancy' : ''}${windowNote(window)}.`,
            }),
          );
          return;
        }
        list.replaceChildren(
          h('ol', { class: 'signal-timeline' }, ...timeline.signals.map((entry) => signalItem(entry, open))),
          ...(timeline.total > timeline.signals.length
            ? [
                h('p', {
                  class: 'muted',
                  text: `The newest ${timeline.signals.length} of ${timeline.total}.`,
                }),
              ]
            : []),
        );
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) list.replaceChildren(errorState(error, 'Its signals could not be loaded'));
      });
  };
  load();
  return h(
    'section',
    { class: 'detail-section time-section' },
    h('div', { class: 'section-head' }, h('h4', { text: 'Signals over time' }), relevancy),
    list,
  );
}

function signalItem(entry: SignalEntry, open: (id: string) => void): HTMLElement {
  const facts: [string, string | undefined][] = [
    ['Change', entry.change],
    ['In 10 years', entry.tenYear],
    ['Driving force', entry.drivingForce],
  ];
  return h(
    'li',
    { class: 'signal-entry' },
    h(
      'div',
      { class: 'signal-head' },
      h('span', { class: 'signal-date', text: entry.article.date ?? 'undated' }),
      h('button', {
        class: 'link-button signal-name',
        type: 'button',
        text: entry.signal.name,
        on: { click: () => open(entry.signal.id) },
      }),
      entry.relevancy !== undefined
        ? h('span', {
            class: `relevancy relevancy-${entry.relevancy}`,
            text: String(entry.relevancy),
            title: `Relevancy ${entry.relevancy} of 5`,
          })
        : null,
    ),
    h(
      'dl',
      { class: 'signal-facts' },
      ...facts
        .filter(([, value]) => value)
        .flatMap(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })]),
    ),
    h('button', {
      class: 'link-button signal-article',
      type: 'button',
      text: entry.article.title,
      title: `Show article ${entry.article.id}`,
      on: { click: () => open(entry.article.id) },
    }),
  );
}

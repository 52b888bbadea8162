import { svg } from './dom.js';
import { formatNumber } from './format.js';

/**
 * Counts per period drawn as small bars (digest counts are small integers, mostly 0 and 1: bars
 * read better than a line). One drawing for the sparklines of lists and panels and for the
 * histogram under the time window.
 */
export interface BarsOptions {
  width: number;
  height: number;
  className: string;
  /** What it shows, for screen readers and the tooltip. */
  label: string;
  /** Bars from this index on stand on a shaded band (the recent part of an emerging item). */
  shadeFrom?: number;
  /** Bars outside [first, last] are drawn faint (the periods outside a time window). */
  active?: readonly [number, number];
}

export function countBars(counts: readonly number[], options: BarsOptions): SVGSVGElement {
  const { width, height } = options;
  const chart = svg('svg', {
    // count-bars marks the app's own drawing (the untrusted-text journey tells it from text).
    class: `count-bars ${options.className}`,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': options.label,
    preserveAspectRatio: 'none',
  });
  const title = svg('title');
  title.textContent = options.label;
  chart.appendChild(title);
  const n = counts.length;
  if (n === 0) return chart;
  const step = width / n;
  const max = Math.max(1, ...counts);
  if (options.shadeFrom !== undefined && options.shadeFrom < n) {
    const x = Math.max(0, options.shadeFrom) * step;
    chart.appendChild(svg('rect', { class: 'bars-shade', x, y: 0, width: width - x, height }));
  }
  chart.appendChild(svg('rect', { class: 'bars-base', x: 0, y: height - 1, width, height: 1 }));
  const gap = step > 3 ? 1 : 0;
  counts.forEach((count, i) => {
    if (count <= 0) return;
    const barHeight = Math.max(2, ((height - 1) * count) / max);
    const outside = options.active && (i < options.active[0] || i > options.active[1]);
    chart.appendChild(
      svg('rect', {
        class: outside ? 'bar bar-out' : 'bar',
        x: i * step,
        y: height - 1 - barHeight,
        width: Math.max(0.8, step - gap),
        height: barHeight,
      }),
    );
  });
  return chart;
}

/** "Articles per month, Jan 2024 – Aug 2025: 20 in all, at most 3 in one month". */
export function describeCounts(
  counts: readonly number[],
  periods: readonly string[],
  period: string,
): string {
  if (periods.length === 0) return `No dated articles`;
  const total = counts.reduce((sum, n) => sum + n, 0);
  const span = `${periodLabel(periods[0]!, period)} – ${periodLabel(periods.at(-1)!, period)}`;
  return `Articles per ${period}, ${span}: ${formatNumber(total)} in all, at most ${formatNumber(Math.max(0, ...counts))} in one ${period}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period's first day as people name the period: "Mar 2025", "Q2 2025", "week of 2025-03-10". */
export function periodLabel(start: string, period: string): string {
  const [year, month] = start.split('-').map(Number) as [number, number];
  if (period === 'quarter') return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
  if (period === 'week') return `week of ${start}`;
  return `${MONTHS[month - 1]} ${year}`;
}

import { z } from 'zod';

/**
 * Time in the graph is the digest date: an article's `date`, set only when its PAGE starts with
 * YYYYMMDD (DESIGN.md). A time window keeps the articles dated from `from` to `to`, both days
 * included; either end may be open. Undated articles have no place on the time axis, so they are
 * left out whenever a window is set, and counted apart (`undated`) where counts are shown.
 */

const DATE_HELP = 'write it as YYYY-MM-DD, a day that exists (e.g. 2025-01-31)';

/** An ISO calendar date; the message names the value and the expected form. */
export const IsoDateSchema = z.iso.date({
  error: (issue) =>
    typeof issue.input === 'string'
      ? `"${issue.input.slice(0, 40)}" is not a date: ${DATE_HELP}`
      : `not a date: ${DATE_HELP}`,
});

export interface TimeWindow {
  from?: string;
  to?: string;
}

/** The names a window's ends take in a query (the paths route's from/to name its end nodes). */
export interface WindowFieldNames<F extends string, T extends string> {
  from: F;
  to: T;
}

/**
 * The one schema of a window in a query: two optional ISO dates, `from` not after `to`. Routes
 * extend it (`.safeExtend`) with their own fields; the check of the order stays with it.
 */
export function timeWindowSchema<F extends string = 'from', T extends string = 'to'>(
  names: WindowFieldNames<F, T> = { from: 'from', to: 'to' } as WindowFieldNames<F, T>,
) {
  const shape = {
    [names.from]: IsoDateSchema.optional().meta({
      description:
        'Only articles dated on or after this day (YYYY-MM-DD). With a window set, undated articles are left out.',
      example: '2025-01-01',
    }),
    [names.to]: IsoDateSchema.optional().meta({
      description:
        'Only articles dated on or before this day (YYYY-MM-DD). With a window set, undated articles are left out.',
      example: '2025-06-30',
    }),
  } as Record<F | T, z.ZodOptional<typeof IsoDateSchema>>;
  return z.strictObject(shape).check((ctx) => {
    const value = ctx.value as Record<string, string | undefined>;
    const from = value[names.from];
    const to = value[names.to];
    if (from && to && from > to) {
      ctx.issues.push({
        code: 'custom',
        input: to,
        path: [names.to],
        message: `${names.to} (${to}) is before ${names.from} (${from}): a window runs from its first day to its last`,
      });
    }
  });
}

export const TimeWindowSchema = timeWindowSchema();

/** The window an answer was computed for; null ends are open. */
export const WindowEchoSchema = z.object({ from: z.string().nullable(), to: z.string().nullable() });
export type WindowEcho = z.infer<typeof WindowEchoSchema>;

export function isWindowSet(window: TimeWindow | undefined): window is TimeWindow {
  return Boolean(window?.from || window?.to);
}

/** `2025-01-01..2025-06-30`, `2025-01-01..`, `..2025-06-30`: the window in a URL, '' for none. */
export function formatWindow(window: TimeWindow | undefined): string {
  return isWindowSet(window) ? `${window.from ?? ''}..${window.to ?? ''}` : '';
}

/** The inverse of formatWindow; null for anything that is not a valid window. */
export function parseWindow(text: string | null | undefined): TimeWindow | null {
  if (!text) return null;
  const match = /^([^.]*)\.\.([^.]*)$/.exec(text);
  if (!match) return null;
  const parsed = TimeWindowSchema.safeParse({
    ...(match[1] ? { from: match[1] } : {}),
    ...(match[2] ? { to: match[2] } : {}),
  });
  return parsed.success && isWindowSet(parsed.data) ? parsed.data : null;
}

/** How articles are counted over time: per ISO week (from Monday), calendar month or quarter. */
export const PERIODS = ['week', 'month', 'quarter'] as const;
export type Period = (typeof PERIODS)[number];
export const PeriodSchema = z.enum(PERIODS);

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date;
}

function iso(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** The first day of the period holding `day`: what Neo4j's `date.truncate(period, d)` gives. */
export function periodStart(day: string, period: Period): string {
  const date = utc(day);
  if (period === 'week') {
    const sinceMonday = (date.getUTCDay() + 6) % 7;
    date.setUTCDate(date.getUTCDate() - sinceMonday);
  } else {
    const month = date.getUTCMonth();
    date.setUTCDate(1);
    if (period === 'quarter') date.setUTCMonth(month - (month % 3));
  }
  return iso(date);
}

/** The first day of the next period, from a period's first day. */
export function nextPeriod(start: string, period: Period): string {
  const date = utc(start);
  if (period === 'week') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + (period === 'quarter' ? 3 : 1));
  return iso(date);
}

/** A day `days` after (or before, when negative) another. */
export function addDays(day: string, days: number): string {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** Periods on a time axis at most; a longer span keeps its newest ones (a stray 0001 date would give 24,000 months). */
export const MAX_AXIS_PERIODS = 520;

/**
 * The first days of every period from the one holding `first` to the one holding `last`: the
 * axis series are aligned to. When that is more than `max` periods, the newest `max`.
 */
export function periodAxis(first: string, last: string, period: Period, max = MAX_AXIS_PERIODS): string[] {
  const end = periodStart(last, period);
  const axis: string[] = [];
  for (let at = periodStart(first, period); at <= end; at = nextPeriod(at, period)) axis.push(at);
  return axis.length > max ? axis.slice(-max) : axis;
}

/** Counts per period start, laid on an axis (periods off the axis are dropped, missing ones are 0). */
export function onAxis(axis: readonly string[], counts: ReadonlyMap<string, number>): number[] {
  return axis.map((start) => counts.get(start) ?? 0);
}

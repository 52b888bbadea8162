import {
  onAxis,
  periodAxis,
  MAX_AXIS_PERIODS,
  type NodeLabel,
  type Period,
  type TimelineResponse,
  type TimeWindow,
  type Trend,
  type TrendsResponse,
  TREND_LABELS,
} from '../../model/index.js';
import type { NodeTarget } from '../graph/node-ref.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { ARTICLE_RELS, unitMembers } from './kind-units.js';
import { inWindow, isoDay, windowBounds, windowEcho, windowParams } from './time-window.js';

/**
 * Articles over time: the histogram of all articles per period (the time window control), and the
 * trend of a node (a theme, issue, keyword, signal, or a group of them): its articles per period,
 * first and last seen. Periods are Neo4j's `date.truncate` (ISO weeks from Monday, months, quarters).
 */

/** The first and last article dates, each read from one end of the Article(date) index. */
export const DATE_RANGE = `
CALL () { MATCH (a:Article) WHERE a.date IS NOT NULL RETURN a.date AS first ORDER BY a.date LIMIT 1 }
CALL () { MATCH (a:Article) WHERE a.date IS NOT NULL RETURN a.date AS last ORDER BY a.date DESC LIMIT 1 }
RETURN first, last`;

export const ARTICLES_PER_PERIOD = `
MATCH (a:Article) WHERE a.date IS NOT NULL
WITH date.truncate($period, a.date) AS start, count(*) AS n
RETURN toString(start) AS start, n ORDER BY start`;

/** Documents without a date (stubs are no documents). */
export const UNDATED_ARTICLES = `
MATCH (a:Article) WHERE a.date IS NULL AND a.stub IS NULL
RETURN count(a) AS n`;

export interface DateRange {
  first: string | null;
  last: string | null;
}

export async function readDateRange(tx: QueryRunner): Promise<DateRange> {
  const { records } = await tx.run(DATE_RANGE);
  const record = records[0];
  return { first: isoDay(record?.get('first')), last: isoDay(record?.get('last')) };
}

/** The axis of a window over the data: the window's days that hold articles' dates at all. */
export function windowAxis(range: DateRange, window: TimeWindow | undefined, period: Period) {
  const first = [window?.from, range.first].filter(Boolean).sort().at(-1);
  const last = [window?.to, range.last].filter(Boolean).sort()[0];
  if (!range.first || !first || !last || first > last) return { periods: [], clipped: false };
  const full = periodAxis(first, last, period, Number.POSITIVE_INFINITY);
  return { periods: full.slice(-MAX_AXIS_PERIODS), clipped: full.length > MAX_AXIS_PERIODS };
}

export async function readTimeline(tx: QueryRunner, period: Period): Promise<TimelineResponse> {
  const range = await readDateRange(tx);
  const { records } = await tx.run(ARTICLES_PER_PERIOD, { period });
  const { records: undated } = await tx.run(UNDATED_ARTICLES);
  const counts = new Map(records.map((record) => [record.get('start') as string, record.get('n') as number]));
  const axis = windowAxis(range, undefined, period);
  return {
    period,
    ...axis,
    counts: onAxis(axis.periods, counts),
    first: range.first,
    last: range.last,
    dated: [...counts.values()].reduce((sum, n) => sum + n, 0),
    undated: undated[0]!.get('n') as number,
  };
}

/**
 * Per node of one label: its articles (a group's through its members) counted per period, with
 * the undated ones apart. The label comes from the model's list (checked by the route), never
 * from text of the request.
 */
export function trendQuery(label: NodeLabel, windowed: boolean): string {
  if (!TREND_LABELS.includes(label)) throw new Error(`no trend for label ${label}`);
  return `
UNWIND $keys AS key
MATCH (n:${label} {key: key})
CALL (n) {
  ${unitMembers('n')}
  MATCH (member)<-[:${ARTICLE_RELS}]-(a:Article)
  WITH DISTINCT a
  ${windowed ? `WHERE a.date IS NULL OR ${inWindow('a')}` : ''}
  WITH a.date AS day, CASE WHEN a.date IS NULL THEN null ELSE date.truncate($period, a.date) END AS start
  WITH start, count(*) AS articles, min(day) AS first, max(day) AS last
  RETURN collect(CASE WHEN start IS NOT NULL THEN {start: toString(start), n: articles} END) AS series,
    sum(CASE WHEN start IS NULL THEN articles ELSE 0 END) AS undated, min(first) AS first, max(last) AS last
}
RETURN n.key AS key, coalesce(n.name, n.key) AS name, series, undated, first, last`;
}

export interface TrendsInput {
  period: Period;
  window?: TimeWindow;
  /** The axis the counts are laid on. */
  periods: readonly string[];
}

/** The trends of the nodes asked for on the window's axis, and which ids named no node. */
export async function readTrendsAnswer(
  tx: QueryRunner,
  targets: readonly NodeTarget[],
  input: { period: Period; window?: TimeWindow },
): Promise<TrendsResponse> {
  const axis = windowAxis(await readDateRange(tx), input.window, input.period);
  const items = await readTrends(tx, targets, { ...input, periods: axis.periods });
  const found = new Set(items.map((item) => item.id));
  return {
    period: input.period,
    ...axis,
    window: windowEcho(input.window),
    items,
    missing: targets.map((target) => target.id).filter((id) => !found.has(id)),
  };
}

/** Trends of the nodes asked for, in the order asked; nodes that do not exist are left out. */
export async function readTrends(
  tx: QueryRunner,
  targets: readonly NodeTarget[],
  input: TrendsInput,
): Promise<Trend[]> {
  const bounds = windowBounds(input.window);
  const found = new Map<string, Trend>();
  for (const label of new Set(targets.map((target) => target.label))) {
    const { records } = await tx.run(trendQuery(label, bounds !== null), {
      keys: targets.filter((target) => target.label === label).map((target) => target.key),
      period: input.period,
      ...(bounds ? windowParams(bounds) : {}),
    });
    for (const record of records) {
      const key = record.get('key') as string;
      const series = record.get('series') as { start: string; n: number }[];
      const target = targets.find((t) => t.label === label && t.key === key)!;
      found.set(target.id, {
        id: target.id,
        label,
        name: record.get('name') as string,
        total: series.reduce((sum, item) => sum + item.n, 0),
        undated: record.get('undated') as number,
        firstSeen: isoDay(record.get('first')),
        lastSeen: isoDay(record.get('last')),
        counts: onAxis(input.periods, new Map(series.map((item) => [item.start, item.n]))),
      });
    }
  }
  return targets.flatMap((target) => found.get(target.id) ?? []);
}

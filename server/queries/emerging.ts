import {
  EMERGING_RECENT_SHARE,
  EMERGING_STATISTIC_TEXT,
  emergingScore,
  nodeId,
  type EmergingItem,
  type EmergingKind,
  type EmergingResponse,
  type Period,
  type TimeWindow,
} from '../../model/index.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { int } from '../graph/parameters.js';
import {
  articlesOfKindInWindow,
  articlesOfUnit,
  unitColumns,
  unitRowOf,
  unitsOfArticles,
} from './kind-units.js';
import {
  dateParam,
  inWindow,
  isoDay,
  windowBounds,
  windowEcho,
  windowParams,
  FIRST_DAY,
  LAST_DAY,
} from './time-window.js';
import { readDateRange, readTrends, windowAxis } from './trends.js';

/**
 * Emerging units of a kind: their share of the recent part of the window against their share of
 * the baseline before it, scored by model/emerging.ts. Everything is read from the articles of the
 * window, found through the Article(date) index, so the answer is live for any window and any
 * grouping (issue groups or concepts) the graph holds.
 */

/** Dated articles of the window; with `$skip`, the date of the one that many from the newest. */
export const WINDOW_ARTICLES = `
MATCH (a:Article) WHERE ${inWindow('a')}
RETURN count(a) AS n`;

export const NTH_NEWEST_DATE = `
MATCH (a:Article) WHERE ${inWindow('a')}
WITH a.date AS day ORDER BY day DESC SKIP $skip LIMIT 1
RETURN day`;

/** Units of the kind with their recent and baseline article counts, those with ≥ minCount recent. */
export function emergingUnitsQuery(kind: EmergingKind): string {
  return `
MATCH (a:Article) WHERE ${inWindow('a')}
${unitsOfArticles(kind)}
WITH u, count(CASE WHEN a.date >= $since THEN 1 END) AS recent, count(*) AS inWindow
WHERE recent >= $minCount
RETURN ${unitColumns('u')}, recent, inWindow - recent AS baseline`;
}

/** The recent articles of each unit in $ids, newest first. */
export function emergingEvidenceQuery(kind: EmergingKind): string {
  return `
UNWIND $ids AS id
MATCH (u) WHERE elementId(u) = id
CALL (u) {
  ${articlesOfUnit(kind, 'u', `a.date >= $since AND a.date <= $windowTo`)}
  WITH a ORDER BY a.date DESC, a.title LIMIT $evidenceLimit
  RETURN collect({id: a.id, title: coalesce(a.title, a.id), date: toString(a.date)}) AS evidence
}
RETURN id, evidence`;
}

export interface EmergingInput {
  kind: EmergingKind;
  window?: TimeWindow;
  /** First day of the recent part; by default the newest quarter of the window's dated articles. */
  since?: string;
  minCount: number;
  limit: number;
  evidenceLimit: number;
  period: Period;
}

/** The default start of the recent part: the day from which the newest quarter of the window's dated articles run. */
async function defaultSince(tx: QueryRunner, params: Record<string, unknown>): Promise<string | null> {
  const { records } = await tx.run(WINDOW_ARTICLES, params);
  const n = records[0]!.get('n') as number;
  if (n === 0) return null;
  const skip = Math.max(0, Math.ceil(n * EMERGING_RECENT_SHARE) - 1);
  const { records: nth } = await tx.run(NTH_NEWEST_DATE, { ...params, skip: int(skip) });
  return isoDay(nth[0]?.get('day'));
}

export async function readEmerging(tx: QueryRunner, input: EmergingInput): Promise<EmergingResponse> {
  const bounds = windowBounds(input.window) ?? { from: FIRST_DAY, to: LAST_DAY };
  const params = windowParams(bounds);
  const axis = windowAxis(await readDateRange(tx), input.window, input.period);
  const since = input.since ?? (await defaultSince(tx, params));
  const answer = (
    recentArticles: number,
    baselineArticles: number,
    considered: number,
    items: EmergingItem[],
    message?: string,
  ): EmergingResponse => ({
    kind: input.kind,
    window: windowEcho(input.window),
    since,
    period: input.period,
    ...axis,
    recentArticles,
    baselineArticles,
    minCount: input.minCount,
    considered,
    statistic: EMERGING_STATISTIC_TEXT,
    items,
    ...(message ? { message } : {}),
  });
  if (!since) return answer(0, 0, 0, [], 'No dated article in the window: nothing to compare.');

  const split = { ...params, since: dateParam(since) };
  const { records: totals } = await tx.run(articlesOfKindInWindow(input.kind, true), split);
  const recentTotal = totals[0]!.get('recent') as number;
  const baselineTotal = (totals[0]!.get('n') as number) - recentTotal;
  if (baselineTotal === 0 || recentTotal === 0) {
    const empty = baselineTotal === 0 ? 'baseline (before the recent part)' : 'recent part';
    return answer(
      recentTotal,
      baselineTotal,
      0,
      [],
      `The ${empty} of the window has no article with a ${input.kind}: widen the window or move the start of the recent part.`,
    );
  }

  const { records } = await tx.run(emergingUnitsQuery(input.kind), {
    ...split,
    minCount: int(input.minCount),
  });
  const scored = records
    .map((record) => {
      const unit = unitRowOf(record);
      const recent = record.get('recent') as number;
      const baseline = record.get('baseline') as number;
      return { unit, recent, baseline, ...emergingScore({ recent, baseline, recentTotal, baselineTotal }) };
    })
    .filter((item) => item.score > 0)
    .sort((x, y) => y.score - x.score || y.recent - x.recent || x.unit.id.localeCompare(y.unit.id))
    .slice(0, input.limit);

  const evidence = new Map<string, EmergingItem['evidence']>();
  if (scored.length > 0) {
    const { records: rows } = await tx.run(emergingEvidenceQuery(input.kind), {
      ...split,
      ids: scored.map((item) => item.unit.elementId),
      evidenceLimit: int(input.evidenceLimit),
    });
    for (const row of rows) {
      const articles = row.get('evidence') as { id: string; title: string; date: string }[];
      evidence.set(
        row.get('id') as string,
        articles.map((article) => ({ ...article, id: nodeId('Article', article.id) })),
      );
    }
  }
  const trends = new Map(
    (
      await readTrends(
        tx,
        scored.map(({ unit }) => ({
          id: unit.id,
          label: unit.label,
          key: unit.key,
          property: 'key' as const,
        })),
        { period: input.period, window: bounds, periods: axis.periods },
      )
    ).map((trend) => [trend.id, trend]),
  );
  const items = scored.map(({ unit, ...item }): EmergingItem => {
    const trend = trends.get(unit.id);
    return {
      id: unit.id,
      label: unit.label,
      name: unit.name,
      size: unit.size,
      ...item,
      isNew: item.baseline === 0,
      firstSeen: trend?.firstSeen ?? null,
      lastSeen: trend?.lastSeen ?? null,
      counts: trend?.counts ?? [],
      evidence: evidence.get(unit.elementId) ?? [],
    };
  });
  return answer(recentTotal, baselineTotal, records.length, items);
}

import { nodeId, type SignalEntry, type SignalTimelineResponse, type TimeWindow } from '../../model/index.js';
import { displayName, matchNodePattern, type NodeTarget } from '../graph/node-ref.js';
import { int } from '../graph/parameters.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { ARTICLE_RELS, unitMembers } from './kind-units.js';
import { inWindow, isoDay, windowBounds, windowEcho, windowParams } from './time-window.js';

/**
 * The signals of the articles of a theme, issue, keyword or group (concept): each signal row with
 * its change, 10-year horizon, driving force and relevancy, newest article first (undated last),
 * optionally only rows of at least a relevancy and only articles of a window.
 */
export function signalTimelineQuery(target: NodeTarget, windowed: boolean): string {
  return `
MATCH ${matchNodePattern('n', target, 'key')}
CALL (n) {
  ${unitMembers('n')}
  MATCH (member)<-[:${ARTICLE_RELS}]-(a:Article)
  WITH DISTINCT a ${windowed ? `WHERE ${inWindow('a')}` : ''}
  MATCH (a)-[r:HAS_SIGNAL]->(s:Signal)
  WHERE $minRelevancy IS NULL OR r.relevancy >= $minRelevancy
  WITH a, r, s ORDER BY a.date IS NULL, a.date DESC, a.title, a.id, r.position
  RETURN count(*) AS total, collect({
    article: {id: a.id, title: coalesce(a.title, a.id), date: a.date},
    signal: {key: s.key, name: coalesce(s.name, s.key)},
    row: r {.description, .change, .tenYear, .drivingForce, .relevancy}
  })[0..$limit] AS signals
}
RETURN properties(n) AS properties, total, signals`;
}

interface SignalRow {
  article: { id: string; title: string; date: unknown };
  signal: { key: string; name: string };
  row: Record<'description' | 'change' | 'tenYear' | 'drivingForce' | 'relevancy', string | number | null>;
}

export interface SignalTimelineInput {
  minRelevancy?: number;
  limit: number;
  window?: TimeWindow;
}

export async function readSignalTimeline(
  tx: QueryRunner,
  target: NodeTarget,
  input: SignalTimelineInput,
): Promise<SignalTimelineResponse | null> {
  const bounds = windowBounds(input.window);
  const { records } = await tx.run(signalTimelineQuery(target, bounds !== null), {
    key: target.key,
    minRelevancy: input.minRelevancy === undefined ? null : int(input.minRelevancy),
    limit: int(input.limit),
    ...(bounds ? windowParams(bounds) : {}),
  });
  const record = records[0];
  if (!record) return null;
  const signals = (record.get('signals') as SignalRow[]).map(({ article, signal, row }): SignalEntry => ({
    article: { id: nodeId('Article', article.id), title: article.title, date: isoDay(article.date) },
    signal: { id: nodeId('Signal', signal.key), name: signal.name },
    ...(Object.fromEntries(
      Object.entries(row).filter(([, value]) => value !== null),
    ) as Partial<SignalEntry>),
  }));
  return {
    of: {
      id: target.id,
      label: target.label,
      name: displayName(target.label, record.get('properties') as Record<string, unknown>),
    },
    window: windowEcho(input.window),
    minRelevancy: input.minRelevancy ?? null,
    total: record.get('total') as number,
    signals,
  };
}

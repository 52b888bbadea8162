import type { Driver } from 'neo4j-driver';
import { cooccurrenceMeasures, type Measures } from '../model/cooccurrence.js';
import { CONCEPT_LABELS, type GroupedLabel } from '../model/labels.js';
import type { IssueGroupResult } from './cluster.js';
import { compareKeys } from '../model/compare-keys.js';
import type { SnapshotIssue } from './plan.js';

/**
 * Co-occurrence of issue and theme concepts, precomputed by the recomputation that builds them, so
 * that the whole-range "co-occurring issues", "strongest pairs" and the themes map are reads of
 * stored relationships:
 *   (:IssueGroup)-[:CO_OCCURS {count, jaccard, lift, npmi}]->(:IssueGroup)   one per pair, x.key < y.key
 *   (:ThemeGroup)-[:CO_OCCURS {…}]->(:ThemeGroup)                            likewise
 * over N = articles with at least one issue (theme). Only pairs sharing an article exist. A window
 * of time (or a graph whose groups are not computed yet) is still answered live by the server.
 */

/** The labels whose concepts' co-occurrence is stored. */
export const COOCCURRING_LABELS = ['Issue', 'Theme'] as const satisfies readonly GroupedLabel[];

export interface PairRow extends Measures {
  x: string;
  y: string;
}

/**
 * Every pair of groups sharing an article, sorted by (x, y), held flat: at 100,000 documents there
 * are ~730,000 pairs, ~100 MB as objects, 9 MB as these arrays. A pair's row is made when needed.
 */
export interface CooccurringPairs {
  /** The groups' keys, sorted by compareKeys; x and y index them. */
  keys: readonly string[];
  articleCounts: Int32Array;
  x: Int32Array;
  y: Int32Array;
  /** Articles the pair shares. */
  count: Int32Array;
  /** N: articles having any member, grouped or not. */
  articles: number;
}

/** Every pair of groups sharing an article. Pure. `issues`: the members, of either label. */
export function cooccurringPairs(
  issues: readonly SnapshotIssue[],
  groups: readonly IssueGroupResult[],
): CooccurringPairs {
  const ordered = [...groups].sort((a, b) => compareKeys(a.key, b.key));
  const groupOf = new Map<string, number>();
  ordered.forEach((group, index) => {
    for (const member of group.members) groupOf.set(member.key, index);
  });
  const groupsOfArticle = new Map<string, number[]>();
  // N counts every article with a member (an issue, a theme), grouped or not, as the live queries do.
  const withIssues = new Set<string>();
  for (const issue of issues) {
    for (const article of issue.articles) withIssues.add(article);
    const group = groupOf.get(issue.key);
    if (group === undefined) continue;
    for (const article of issue.articles) {
      const list = groupsOfArticle.get(article);
      if (!list) groupsOfArticle.set(article, [group]);
      else if (!list.includes(group)) list.push(group);
    }
  }
  groupOf.clear();
  // A pair is one number, x · groups + y with x < y: no string per pair.
  const size = ordered.length;
  const shared = new Map<number, number>();
  for (const list of groupsOfArticle.values()) {
    list.sort((a, b) => a - b);
    for (let i = 0; i < list.length - 1; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const pair = list[i]! * size + list[j]!;
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
  }
  groupsOfArticle.clear();
  const sorted = Float64Array.from(shared.keys()).sort();
  return {
    keys: ordered.map((group) => group.key),
    articleCounts: Int32Array.from(ordered, (group) => group.articleCount),
    x: Int32Array.from(sorted, (pair) => Math.floor(pair / size)),
    y: Int32Array.from(sorted, (pair) => pair % size),
    count: Int32Array.from(sorted, (pair) => shared.get(pair)!),
    articles: withIssues.size,
  };
}

/** The pair at `at`, with its measures. */
export function pairRow(pairs: CooccurringPairs, at: number): PairRow {
  const x = pairs.x[at]!;
  const y = pairs.y[at]!;
  return {
    x: pairs.keys[x]!,
    y: pairs.keys[y]!,
    ...cooccurrenceMeasures({
      n: pairs.articles,
      nA: pairs.articleCounts[x]!,
      nB: pairs.articleCounts[y]!,
      nAB: pairs.count[at]!,
    }),
  };
}

/** The first index in [low, high) where `below` is false; `below` must hold on a prefix of the range. */
function lowerBound(low: number, high: number, below: (at: number) => boolean): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (below(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the pair of groups keyed x and y, or -1. */
function findPair(pairs: CooccurringPairs, x: string, y: string): number {
  const { keys } = pairs;
  const xi = lowerBound(0, keys.length, (at) => compareKeys(keys[at]!, x) < 0);
  const yi = lowerBound(0, keys.length, (at) => compareKeys(keys[at]!, y) < 0);
  if (keys[xi] !== x || keys[yi] !== y) return -1;
  const at = lowerBound(
    0,
    pairs.x.length,
    (k) => pairs.x[k]! < xi || (pairs.x[k] === xi && pairs.y[k]! < yi),
  );
  return pairs.x[at] === xi && pairs.y[at] === yi ? at : -1;
}

const SCHEMA = [
  `CREATE INDEX cooccurs_npmi IF NOT EXISTS FOR ()-[r:CO_OCCURS]-() ON (r.npmi)`,
  `CREATE INDEX cooccurs_count IF NOT EXISTS FOR ()-[r:CO_OCCURS]-() ON (r.count)`,
];

/** The group label comes from the model's constant map, never from input. */
function statements(label: GroupedLabel) {
  const group = CONCEPT_LABELS[label];
  return {
    read: `
MATCH (x:${group})-[r:CO_OCCURS]->(y:${group})
RETURN x.key AS x, y.key AS y, r.count AS count, r.jaccard AS jaccard, r.lift AS lift, r.npmi AS npmi`,
    upsert: `
UNWIND $rows AS row
MATCH (x:${group} {key: row.x})
MATCH (y:${group} {key: row.y})
MERGE (x)-[r:CO_OCCURS]->(y)
SET r.count = row.count, r.jaccard = row.jaccard, r.lift = row.lift, r.npmi = row.npmi`,
    delete: `
UNWIND $rows AS row
MATCH (:${group} {key: row.x})-[r:CO_OCCURS]->(:${group} {key: row.y})
DELETE r`,
  };
}

const same = (a: Measures, b: Measures): boolean =>
  a.count === b.count &&
  Math.abs(a.jaccard - b.jaccard) < 1e-12 &&
  Math.abs(a.lift - b.lift) < 1e-9 &&
  Math.abs(a.npmi - b.npmi) < 1e-12;

/**
 * Brings the stored pairs in line, writing only what changed; returns the rows written. The stored
 * pairs are streamed and looked up in `wanted`, never all held at once.
 */
export async function writeCooccurrence(
  driver: Driver,
  wanted: CooccurringPairs,
  options: { database?: string; batchSize?: number; label?: GroupedLabel } = {},
): Promise<{ pairs: number; written: number; deleted: number }> {
  const { database, batchSize = 10_000, label = 'Issue' } = options;
  const size = wanted.x.length;
  const sql = statements(label);
  for (const statement of SCHEMA) await driver.executeQuery(statement, {}, { database });
  const session = driver.session({ database });
  try {
    const { unchanged, deletes } = await session.executeRead(async (tx) => {
      // The work may be retried: start from nothing each time.
      const unchanged = new Uint8Array(size);
      const deletes: { x: string; y: string }[] = [];
      for await (const record of tx.run(sql.read)) {
        const x = record.get('x') as string;
        const y = record.get('y') as string;
        const at = findPair(wanted, x, y);
        if (at < 0) deletes.push({ x, y });
        else if (same(pairRow(wanted, at), record.toObject() as unknown as Measures)) unchanged[at] = 1;
      }
      return { unchanged, deletes };
    });
    const upserts: number[] = [];
    for (let at = 0; at < size; at++) if (unchanged[at] === 0) upserts.push(at);
    for (let at = 0; at < deletes.length; at += batchSize) {
      const rows = deletes.slice(at, at + batchSize);
      await session.executeWrite((tx) => tx.run(sql.delete, { rows }));
    }
    for (let at = 0; at < upserts.length; at += batchSize) {
      const rows = upserts.slice(at, at + batchSize).map((pair) => pairRow(wanted, pair));
      await session.executeWrite((tx) => tx.run(sql.upsert, { rows }));
    }
    return { pairs: size, written: upserts.length, deleted: deletes.length };
  } finally {
    await session.close();
  }
}

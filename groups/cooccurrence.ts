import type { Driver } from 'neo4j-driver';
import { cooccurrenceMeasures, type Measures } from '../model/cooccurrence.js';
import { CONCEPT_LABELS, type GroupedLabel } from '../model/labels.js';
import type { IssueGroupResult } from './cluster.js';
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
 * Every pair of groups sharing an article, with its measures, sorted by (x, y) as `compareKeys`
 * orders keys. Pure. `issues`: the members, of either label.
 * Groups are numbered in key order, so a pair is one number (x · groups + y, x < y): at 100,000
 * articles there are about a million pairs, and a string per pair would cost ~100 MB.
 */
export function cooccurringPairs(
  issues: readonly SnapshotIssue[],
  groups: readonly IssueGroupResult[],
): { pairs: PairRow[]; articles: number } {
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
  const n = withIssues.size;
  const pairs: PairRow[] = [];
  for (const pair of [...shared.keys()].sort((a, b) => a - b)) {
    const x = ordered[Math.floor(pair / size)]!;
    const y = ordered[pair % size]!;
    pairs.push({
      x: x.key,
      y: y.key,
      ...cooccurrenceMeasures({ n, nA: x.articleCount, nB: y.articleCount, nAB: shared.get(pair)! }),
    });
  }
  return { pairs, articles: n };
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of the pair (x, y) in pairs sorted by compareKeys, or -1. */
function findPair(pairs: readonly PairRow[], x: string, y: string): number {
  let low = 0;
  let high = pairs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const pair = pairs[middle]!;
    const order = compareKeys(pair.x, x) || compareKeys(pair.y, y);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
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
 * pairs are streamed and looked up in `wanted` (sorted, as cooccurringPairs returns them), never
 * all held: at 100,000 articles there are about a million.
 */
export async function writeCooccurrence(
  driver: Driver,
  wanted: { pairs: PairRow[]; articles: number },
  options: { database?: string; batchSize?: number; label?: GroupedLabel } = {},
): Promise<{ pairs: number; written: number; deleted: number }> {
  const { database, batchSize = 10_000, label = 'Issue' } = options;
  const { pairs } = wanted;
  const sql = statements(label);
  for (const statement of SCHEMA) await driver.executeQuery(statement, {}, { database });
  const session = driver.session({ database });
  try {
    const { unchanged, deletes } = await session.executeRead(async (tx) => {
      // The work may be retried: start from nothing each time.
      const unchanged = new Uint8Array(pairs.length);
      const deletes: { x: string; y: string }[] = [];
      for await (const record of tx.run(sql.read)) {
        const x = record.get('x') as string;
        const y = record.get('y') as string;
        const at = findPair(pairs, x, y);
        if (at < 0) deletes.push({ x, y });
        else if (same(pairs[at]!, record.toObject() as unknown as Measures)) unchanged[at] = 1;
      }
      return { unchanged, deletes };
    });
    const upserts = pairs.filter((_, at) => unchanged[at] === 0);
    for (const [statement, rows] of [
      [sql.delete, deletes],
      [sql.upsert, upserts],
    ] as const) {
      for (let at = 0; at < rows.length; at += batchSize) {
        await session.executeWrite((tx) => tx.run(statement, { rows: rows.slice(at, at + batchSize) }));
      }
    }
    return { pairs: pairs.length, written: upserts.length, deleted: deletes.length };
  } finally {
    await session.close();
  }
}

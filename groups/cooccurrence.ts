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

/** Every pair of groups sharing an article, with its measures. Pure. `issues`: the members, of either label. */
export function cooccurringPairs(
  issues: readonly SnapshotIssue[],
  groups: readonly IssueGroupResult[],
): { pairs: PairRow[]; articles: number } {
  const groupOf = new Map<string, IssueGroupResult>();
  for (const group of groups) for (const member of group.members) groupOf.set(member.key, group);
  const groupsOfArticle = new Map<string, Set<string>>();
  // N counts every article with a member (an issue, a theme), grouped or not, as the live queries do.
  const withIssues = new Set<string>();
  for (const issue of issues) {
    for (const article of issue.articles) withIssues.add(article);
    const group = groupOf.get(issue.key);
    if (!group) continue;
    for (const article of issue.articles) {
      let set = groupsOfArticle.get(article);
      if (!set) groupsOfArticle.set(article, (set = new Set()));
      set.add(group.key);
    }
  }
  const articleCount = new Map(groups.map((group) => [group.key, group.articleCount]));
  const shared = new Map<string, number>();
  for (const set of groupsOfArticle.values()) {
    if (set.size < 2) continue;
    const keys = [...set].sort();
    for (let i = 0; i < keys.length - 1; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const pair = `${keys[i]}\u0000${keys[j]}`;
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
  }
  const n = withIssues.size;
  const pairs: PairRow[] = [];
  for (const [pair, nAB] of shared) {
    const [x, y] = pair.split('\u0000') as [string, string];
    pairs.push({
      x,
      y,
      ...cooccurrenceMeasures({ n, nA: articleCount.get(x)!, nB: articleCount.get(y)!, nAB }),
    });
  }
  return { pairs, articles: n };
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

/** Brings the stored pairs in line, writing only what changed; returns the rows written. */
export async function writeCooccurrence(
  driver: Driver,
  wanted: { pairs: PairRow[]; articles: number },
  options: { database?: string; batchSize?: number; label?: GroupedLabel } = {},
): Promise<{ pairs: number; written: number; deleted: number }> {
  const { database, batchSize = 10_000, label = 'Issue' } = options;
  const sql = statements(label);
  for (const statement of SCHEMA) await driver.executeQuery(statement, {}, { database });
  const { records } = await driver.executeQuery(sql.read, {}, { database, routing: 'READ' });
  const stored = new Map(
    records.map((record) => [
      `${record.get('x')}\u0000${record.get('y')}`,
      {
        count: record.get('count') as number,
        jaccard: record.get('jaccard') as number,
        lift: record.get('lift') as number,
        npmi: record.get('npmi') as number,
      },
    ]),
  );
  const upserts = wanted.pairs.filter((pair) => {
    const known = stored.get(`${pair.x}\u0000${pair.y}`);
    stored.delete(`${pair.x}\u0000${pair.y}`);
    return !known || !same(known, pair);
  });
  const deletes = [...stored.keys()].map((pair) => {
    const [x, y] = pair.split('\u0000') as [string, string];
    return { x, y };
  });
  const session = driver.session({ database });
  try {
    for (const [statement, rows] of [
      [sql.delete, deletes],
      [sql.upsert, upserts],
    ] as const) {
      for (let at = 0; at < rows.length; at += batchSize) {
        await session.executeWrite((tx) => tx.run(statement, { rows: rows.slice(at, at + batchSize) }));
      }
    }
  } finally {
    await session.close();
  }
  return { pairs: wanted.pairs.length, written: upserts.length, deleted: deletes.length };
}

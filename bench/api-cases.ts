import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { addDays, nextPeriod, nodeId, parseNodeId, type TimeWindow } from '../model/index.js';
import type { NodeTarget } from '../server/graph/node-ref.js';
import { readArticleDetails } from '../server/queries/article.js';
import { readConcept } from '../server/queries/concepts.js';
import { readCooccurringGroups, readStrongestPairs } from '../server/queries/issue-cooccurrence.js';
import { readNeighbors } from '../server/queries/neighbors.js';
import { readNodeDetails } from '../server/queries/nodes.js';
import { readPaths } from '../server/queries/paths.js';
import { searchNodes } from '../server/queries/search.js';
import { readStats } from '../server/queries/stats.js';
import { ARTICLES_WITH_ISSUES } from '../server/queries/issue-units.js';
import { ARTICLES_WITH_THEMES, readThemeLink, readThemeNetwork } from '../server/queries/themes.js';
import { readEmerging } from '../server/queries/emerging.js';
import { readTimeline, readTrendsAnswer } from '../server/queries/trends.js';
import {
  readWindowedCooccurring,
  readWindowedThemeNetwork,
} from '../server/queries/windowed-cooccurrence.js';

/** One measured route: the HTTP request, and the same queries run straight through the driver. */
export interface BenchCase {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** Paths sent in turn instead of `path` alone (direct then turns through the same inputs). */
  rotate?: string[];
  body?: unknown;
  direct(tx: ManagedTransaction): Promise<unknown>;
}

/** Busy nodes of whatever graph is there, so each route has real work to do. */
const SAMPLES = `
CALL () { MATCH (t:Theme) WITH t ORDER BY t.articleCount DESC LIMIT 2 RETURN collect(t.key) AS themes }
CALL () {
  MATCH (a:Article) WHERE a.stub IS NULL
  WITH a ORDER BY COUNT { (a)--() } DESC LIMIT 1
  RETURN a.id AS article
}
CALL () {
  MATCH (a:Article)-[:HAS_ISSUE]->(i:Issue)
  OPTIONAL MATCH (i)-[:IN_GROUP]->(g:IssueGroup)
  WITH i, coalesce(g.articleCount, i.articleCount) AS reach ORDER BY reach DESC, i.key LIMIT 1
  RETURN i.key AS issue
}
CALL () {
  MATCH (g:IssueGroup) WITH g ORDER BY g.articleCount DESC, g.key LIMIT 1
  RETURN collect(g.key) AS issueGroups
}
CALL () {
  MATCH (a:Article) WHERE a.stub IS NULL AND EXISTS { (a)-[:HAS_THEME]->() }
  WITH a ORDER BY a.id
  RETURN collect(a.id) AS ids
}
RETURN themes, article, issue, issueGroups[0] AS issueGroup, ids[0] AS fromArticle, ids[size(ids) / 2] AS toArticle`;

const target = (id: string): NodeTarget => ({ ...parseNodeId(id)!, id });
const encode = encodeURIComponent;

/**
 * One-year windows starting a month apart: more than the API keeps answers for (32), so asked in
 * turn every windowed answer is computed.
 */
export const YEAR_WINDOWS: TimeWindow[] = Array.from({ length: 40 }, (_, k) => {
  let from = '2022-01-01';
  for (let i = 0; i < k; i++) from = nextPeriod(from, 'month');
  let to = from;
  for (let i = 0; i < 12; i++) to = nextPeriod(to, 'month');
  return { from, to: addDays(to, -1) };
});
const windowQuery = (window: TimeWindow): string => `from=${window.from}&to=${window.to}`;
const ONE_YEAR: TimeWindow = { from: '2025-01-01', to: '2025-12-31' };

/** Round-robin over the windows, for the driver side of a rotating case. */
function turns<T>(items: readonly T[]): () => T {
  let next = 0;
  return () => items[next++ % items.length]!;
}

export async function benchCases(driver: Driver, database: string): Promise<BenchCase[]> {
  const { records } = await driver.executeQuery(SAMPLES, {}, { database, routing: neo4j.routing.READ });
  const sample = records[0];
  const themes = (sample?.get('themes') as string[] | undefined) ?? [];
  if (!sample || themes.length < 2 || !sample.get('issue')) {
    throw new Error(
      'The graph has too little in it to measure (no themes or issues): ingest first (npm run ingest).',
    );
  }
  const [themeA, themeB] = themes.map((key) => nodeId('Theme', key)) as [string, string];
  const article = sample.get('article') as string;
  const issue = nodeId('Issue', sample.get('issue') as string);
  const from = nodeId('Article', sample.get('fromArticle') as string);
  const to = nodeId('Article', sample.get('toArticle') as string);
  const issueGroup = sample.get('issueGroup') as string | null;
  // What a user has typed so far: the first letters of the busiest theme.
  const typed = themes[0]!.slice(0, 4);
  const cypher =
    'MATCH (t:Theme)<-[:HAS_THEME]-(a:Article) RETURN t.name AS theme, count(a) AS articles ORDER BY articles DESC LIMIT 25';
  // N of the measures: the API keeps it per database version, so this side counts it once too.
  const count = async (query: string): Promise<number> =>
    (await driver.executeQuery(query, {}, { database, routing: neo4j.routing.READ })).records[0]!.get(
      'n',
    ) as number;
  const withThemes = await count(ARTICLES_WITH_THEMES);
  const withIssues = await count(ARTICLES_WITH_ISSUES);
  const cooccurrence = { measure: 'npmi' as const, minCount: 2, evidenceLimit: 5, articles: withIssues };
  const emerging = { minCount: 3, limit: 30, evidenceLimit: 5, period: 'month' as const };
  const trendIds = [themeA, issue];
  const emergingWindow = turns(YEAR_WINDOWS);
  const emergingIssueWindow = turns(YEAR_WINDOWS);
  const networkWindow = turns(YEAR_WINDOWS);

  return [
    { name: 'stats', method: 'GET', path: '/api/stats', direct: (tx) => readStats(tx) },
    {
      name: 'search',
      method: 'GET',
      path: `/api/search?q=${encode(typed)}`,
      direct: (tx) => searchNodes(tx, { text: typed, labels: [], limit: 20 }),
    },
    {
      name: 'node',
      method: 'GET',
      path: `/api/nodes/${encode(themeA)}`,
      direct: (tx) => readNodeDetails(tx, target(themeA)),
    },
    {
      name: 'neighbors',
      method: 'GET',
      path: `/api/nodes/${encode(themeA)}/neighbors`,
      direct: (tx) => readNeighbors(tx, target(themeA), { labels: [], limit: 50 }),
    },
    {
      name: 'article',
      method: 'GET',
      path: `/api/articles/${encode(article)}`,
      direct: (tx) => readArticleDetails(tx, article),
    },
    {
      name: 'themes/network',
      method: 'GET',
      path: '/api/themes/network',
      direct: (tx) => readThemeNetwork(tx, { minCount: 2, limit: 200 }),
    },
    {
      name: 'themes/link',
      method: 'GET',
      path: `/api/themes/link?a=${encode(themeA)}&b=${encode(themeB)}`,
      direct: (tx) =>
        readThemeLink(tx, {
          a: { label: 'Theme', key: target(themeA).key },
          b: { label: 'Theme', key: target(themeB).key },
          limit: 20,
          articles: withThemes,
        }),
    },
    {
      name: 'issues/cooccurring',
      method: 'GET',
      path: `/api/issues/${encode(issue)}/cooccurring?minCount=1`,
      direct: (tx) => readCooccurringGroups(tx, target(issue), { ...cooccurrence, minCount: 1, limit: 20 }),
    },
    {
      name: 'issues/pairs',
      method: 'GET',
      path: '/api/issues/pairs',
      direct: (tx) => readStrongestPairs(tx, { ...cooccurrence, limit: 50 }),
    },
    ...(issueGroup
      ? [
          {
            name: 'concept (busiest issue group)',
            method: 'GET' as const,
            path: `/api/concepts/${encode(nodeId('IssueGroup', issueGroup))}`,
            direct: (tx: ManagedTransaction) => readConcept(tx, 'IssueGroup', issueGroup, 20),
          },
        ]
      : []),
    {
      name: 'paths',
      method: 'GET',
      path: `/api/paths?from=${encode(from)}&to=${encode(to)}`,
      direct: (tx) =>
        readPaths(tx, { from: target(from), to: target(to), maxHops: 4, avoidHubs: true, limit: 10 }),
    },
    {
      name: 'timeline (cached)',
      method: 'GET',
      path: '/api/timeline',
      direct: (tx) => readTimeline(tx, 'month'),
    },
    {
      name: 'trends (busiest theme and issue)',
      method: 'GET',
      path: `/api/trends?ids=${encode(trendIds.join(','))}`,
      direct: (tx) => readTrendsAnswer(tx, trendIds.map(target), { period: 'month' }),
    },
    {
      name: 'trends (2025)',
      method: 'GET',
      path: `/api/trends?ids=${encode(trendIds.join(','))}&${windowQuery(ONE_YEAR)}`,
      direct: (tx) => readTrendsAnswer(tx, trendIds.map(target), { period: 'month', window: ONE_YEAR }),
    },
    {
      name: 'emerging themes (cached)',
      method: 'GET',
      path: '/api/emerging',
      direct: (tx) => readEmerging(tx, { ...emerging, kind: 'theme' }),
    },
    {
      name: 'emerging themes (40 one-year windows)',
      method: 'GET',
      path: '/api/emerging',
      rotate: YEAR_WINDOWS.map((window) => `/api/emerging?${windowQuery(window)}`),
      direct: (tx) => readEmerging(tx, { ...emerging, kind: 'theme', window: emergingWindow() }),
    },
    {
      name: 'emerging issues (40 one-year windows)',
      method: 'GET',
      path: '/api/emerging?kind=issue',
      rotate: YEAR_WINDOWS.map((window) => `/api/emerging?kind=issue&${windowQuery(window)}`),
      direct: (tx) => readEmerging(tx, { ...emerging, kind: 'issue', window: emergingIssueWindow() }),
    },
    {
      name: 'themes/network (40 one-year windows)',
      method: 'GET',
      path: '/api/themes/network',
      rotate: YEAR_WINDOWS.map((window) => `/api/themes/network?${windowQuery(window)}`),
      direct: (tx) => readWindowedThemeNetwork(tx, { minCount: 2, limit: 200, window: networkWindow() }),
    },
    {
      name: 'issues/cooccurring (2025)',
      method: 'GET',
      path: `/api/issues/${encode(issue)}/cooccurring?minCount=1&${windowQuery(ONE_YEAR)}`,
      direct: (tx) =>
        readWindowedCooccurring(tx, target(issue), {
          ...cooccurrence,
          minCount: 1,
          limit: 20,
          window: ONE_YEAR,
        }),
    },
    {
      name: 'neighbors (2025)',
      method: 'GET',
      path: `/api/nodes/${encode(themeA)}/neighbors?${windowQuery(ONE_YEAR)}`,
      direct: (tx) => readNeighbors(tx, target(themeA), { labels: [], limit: 50, window: ONE_YEAR }),
    },
    {
      name: 'cypher',
      method: 'POST',
      path: '/api/cypher',
      body: { query: cypher },
      direct: async (tx) => (await tx.run(cypher)).records.map((record) => record.toObject()),
    },
  ];
}

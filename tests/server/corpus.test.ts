import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/index.js';
import {
  ArticleDetailsSchema,
  cooccurrenceMeasures,
  CooccurringResponseSchema,
  ENTITY_LABELS,
  normaliseKey,
  nodeId,
  PairsResponseSchema,
  parseNodeId,
  type NodeLabel,
  PathsResponseSchema,
  type ArticleRecord,
  type Measures,
} from '../../model/index.js';
import { readHubNeighbors, readNeighbors } from '../../server/queries/neighbors.js';
import { factCountsInGraph } from '../support/graph-facts.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';
import { MATERIAL_LABEL, prepareMaterial, type Material } from '../support/material.js';
import { pathId, startApi, type TestApi } from './support/api.js';

/**
 * The routes on corpus-like data (tests/support/material.ts: the seeds, our fixtures, generated
 * digests, and the real corpus when it is here), ingested and grouped as in production. Expected
 * answers are worked out here from plain reads of the graph, not by the server's queries.
 */

let driver: Driver;
let api: TestApi;
let material: Material;

beforeAll(async () => {
  driver = await testDriver();
  await clearDatabase(driver);
  material = await prepareMaterial();
  // The ingest computes the concept groups (and the issue groups' co-occurrence) after writing.
  const report = await ingestPaths(driver, material.dirs);
  expect(report.totals.failed).toBe(0);
  api = await startApi(driver);
}, 300_000);

afterAll(async () => {
  await api?.close();
  await driver?.close();
  material?.remove();
});

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await driver.executeQuery(query, params);
  return records.map((record) => record.toObject() as T);
}

const SEP = '\u0000';

/** Pairs of units over articles, counted in TypeScript: `${a}${SEP}${b}` (a < b) → measures. */
async function one<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  return (await rows<T>(query, params))[0]!;
}

function cooccurrence(memberships: { article: string; unit: string }[]): {
  n: number;
  pairs: Map<string, Measures>;
} {
  const unitsOf = new Map<string, Set<string>>();
  for (const { article, unit } of memberships)
    unitsOf.set(article, (unitsOf.get(article) ?? new Set()).add(unit));
  const articlesOf = new Map<string, number>();
  const shared = new Map<string, number>();
  for (const units of unitsOf.values()) {
    const sorted = [...units].sort();
    for (const unit of sorted) articlesOf.set(unit, (articlesOf.get(unit) ?? 0) + 1);
    sorted.forEach((a, i) =>
      sorted
        .slice(i + 1)
        .forEach((b) => shared.set(`${a}${SEP}${b}`, (shared.get(`${a}${SEP}${b}`) ?? 0) + 1)),
    );
  }
  const n = unitsOf.size;
  const pairs = new Map<string, Measures>();
  for (const [pair, nAB] of shared) {
    const [a, b] = pair.split(SEP) as [string, string];
    pairs.set(pair, cooccurrenceMeasures({ n, nA: articlesOf.get(a)!, nB: articlesOf.get(b)!, nAB }));
  }
  return { n, pairs };
}

/** `Label:key` of a node id, its key decoded: the form the expected pairs are keyed by. */
function unitKey(id: string): string {
  return `${id.slice(0, id.indexOf(':'))}:${decodeURIComponent(id.slice(id.indexOf(':') + 1))}`;
}

function expectMeasures(actual: Measures, expected: Measures | undefined, what: string): void {
  expect(expected, what).toBeDefined();
  for (const measure of ['count', 'jaccard', 'lift', 'npmi'] as const) {
    expect(actual[measure], `${what} ${measure}`).toBeCloseTo(expected![measure], 9);
  }
}

describe(`the API on ${MATERIAL_LABEL}`, () => {
  it('counts what a plain count finds', async () => {
    const { body } = await api.get('/api/stats');
    for (const label of ['Article', 'Theme', 'Issue', 'IssueGroup', 'Page']) {
      const { n } = await one<{ n: number }>(`MATCH (x:${label}) RETURN count(x) AS n`);
      expect(body.labels[label], label).toBe(n);
    }
    const { n } = await one<{ n: number }>('MATCH ()-[r:HAS_ISSUE]->() RETURN count(r) AS n');
    expect(body.relationships.HAS_ISSUE).toBe(n);
    expect(body.labels.Article).toBeGreaterThanOrEqual(130);
  });

  it('gives every article with all its facts, in document order', async () => {
    const facts = await factCountsInGraph(driver);
    expect(facts.size).toBeGreaterThanOrEqual(130);
    for (const [id, counts] of facts) {
      const { status, body } = await api.get(`/api/articles/${pathId(nodeId('Article', id))}`);
      expect(status, id).toBe(200);
      const record = ArticleDetailsSchema.parse(body).record as ArticleRecord;
      expect(record.id).toBe(id);
      for (const key of Object.keys(counts) as (keyof typeof counts)[])
        expect(record[key].length, `${id} ${key}`).toBe(counts[key]);
    }
    const [positions] = await rows<{ ordered: boolean }>(`
      MATCH (a:Article {id: 'eu-ai-act-enforcement'})-[r:HAS_KEYWORD]->(k)
      WITH k.key AS key ORDER BY r.position RETURN collect(key) AS ordered`);
    const { body } = await api.get('/api/articles/eu-ai-act-enforcement');
    expect(body.record.keywords.map(normaliseKey)).toEqual(positions!.ordered);
  });

  it('links theme concepts exactly as their articles do', async () => {
    const memberships = await rows<{ article: string; unit: string }>(`
      MATCH (a:Article)-[:HAS_THEME]->(t:Theme)
      OPTIONAL MATCH (t)-[:IN_GROUP]->(g:ThemeGroup)
      RETURN DISTINCT a.id AS article, CASE WHEN g IS NULL THEN 'Theme:' + t.key ELSE 'ThemeGroup:' + g.key END AS unit`);
    const expected = cooccurrence(memberships);
    const strong = [...expected.pairs].filter(([, measures]) => measures.count >= 2);
    expect(strong.length).toBeGreaterThan(10);
    const { body } = await api.get('/api/themes/network?minCount=2&limit=2000');
    expect(body.meta.articles).toBe(expected.n);
    expect(body.edges).toHaveLength(strong.length);
    expect(body.nodes.some((node: { data: { label: string } }) => node.data.label === 'ThemeGroup')).toBe(
      true,
    );
    for (const { data } of body.edges) {
      const key = [unitKey(data.source), unitKey(data.target)].sort().join(SEP);
      expectMeasures(data, expected.pairs.get(key), key);
    }
    const counts = body.edges.map((edge: { data: { count: number } }) => edge.data.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const top = body.edges[0].data;
    const link = await api.get(
      `/api/themes/link?a=${encodeURIComponent(top.source)}&b=${encodeURIComponent(top.target)}&limit=200`,
    );
    expect(link.body.evidence).toHaveLength(top.count);
    const themesOf = async (id: string): Promise<string[]> => {
      const unit = unitKey(id);
      const key = unit.slice(unit.indexOf(':') + 1);
      if (unit.startsWith('Theme:')) return [key];
      return (
        await rows<{ key: string }>(
          'MATCH (t:Theme)-[:IN_GROUP]->(:ThemeGroup {key: $key}) RETURN t.key AS key',
          {
            key,
          },
        )
      ).map((row) => row.key);
    };
    const [aThemes, bThemes] = [await themesOf(link.body.a.id), await themesOf(link.body.b.id)];
    for (const article of link.body.evidence) {
      const { a, b } = await one<{ a: number; b: number }>(
        `MATCH (x:Article {id: $id})
         RETURN count { (x)-[:HAS_THEME]->(t:Theme) WHERE t.key IN $a } AS a,
                count { (x)-[:HAS_THEME]->(t:Theme) WHERE t.key IN $b } AS b`,
        { id: decodeURIComponent(article.id.slice('Article:'.length)), a: aThemes, b: bThemes },
      );
      expect(a, article.id).toBeGreaterThan(0);
      expect(b, article.id).toBeGreaterThan(0);
    }
  });

  it('ranks issue-group pairs exactly as the groups and articles say', async () => {
    const memberships = await rows<{ article: string; unit: string }>(`
      MATCH (a:Article)-[:HAS_ISSUE]->(i:Issue)
      OPTIONAL MATCH (i)-[:IN_GROUP]->(g:IssueGroup)
      RETURN DISTINCT a.id AS article, CASE WHEN g IS NULL THEN 'Issue:' + i.key ELSE 'IssueGroup:' + g.key END AS unit`);
    const expected = cooccurrence(memberships);
    const strong = [...expected.pairs].filter(([, measures]) => measures.count >= 2);
    const { body } = await api.get('/api/issues/pairs?minCount=2&limit=500&measure=count');
    const answer = PairsResponseSchema.parse(body);
    expect(answer.pairs).toHaveLength(Math.min(500, strong.length));
    for (const pair of answer.pairs) {
      const [a, b] = [unitKey(pair.a.id), unitKey(pair.b.id)].sort() as [string, string];
      expectMeasures(pair.measures, expected.pairs.get(`${a}${SEP}${b}`), `${a} + ${b}`);
      expect(pair.evidence.length).toBe(Math.min(5, pair.measures.count));
    }
  });

  it("ranks the groups co-occurring with the busiest issue's group the same way", async () => {
    const [busiest] = await rows<{ key: string }>(`
      MATCH (i:Issue)-[:IN_GROUP]->(g:IssueGroup)
      RETURN i.key AS key ORDER BY g.articleCount DESC, i.key LIMIT 1`);
    const { status, body } = await api.get(
      `/api/issues/${pathId(nodeId('Issue', busiest!.key))}/cooccurring?minCount=1&limit=200`,
    );
    expect(status).toBe(200);
    const answer = CooccurringResponseSchema.parse(body);
    expect(answer.group.members.map((member) => member.id)).toContain(nodeId('Issue', busiest!.key));
    expect(answer.group.members.every((member) => member.reason.length > 0)).toBe(true);
    const npmi = answer.results.map((result) => result.measures.npmi);
    expect(npmi).toEqual([...npmi].sort((a, b) => b - a));
    expect(answer.elements.nodes).toHaveLength(answer.results.length + 1);
    expect(answer.elements.edges).toHaveLength(answer.results.length);
  });

  it('gives degrees and neighbours that agree with the graph', async () => {
    const busiest = await rows<{ label: string; key: string }>(`
      MATCH (n) WHERE n:${ENTITY_LABELS.join('|')}
      RETURN labels(n)[0] AS label, n.key AS key ORDER BY n.articleCount DESC LIMIT 5`);
    for (const { label, key } of busiest) {
      const id = nodeId(label as 'Theme', key);
      const { body } = await api.get(`/api/nodes/${pathId(id)}`);
      const degree = await rows<{ type: string; n: number }>(
        `MATCH (n:${label} {key: $key})-[r]-() RETURN type(r) AS type, count(r) AS n`,
        { key },
      );
      expect(body.degree, id).toEqual(Object.fromEntries(degree.map(({ type, n }) => [type, n])));
      const neighbors = await api.get(`/api/nodes/${pathId(id)}/neighbors?limit=500`);
      const distinct = await rows<{ n: number }>(
        `MATCH (n:${label} {key: $key})--(m) RETURN count(DISTINCT m) AS n`,
        {
          key,
        },
      );
      expect(neighbors.body.meta.total, id).toBe(distinct[0]!.n);
      expect(neighbors.body.nodes).toHaveLength(Math.min(500, distinct[0]!.n) + 1);
    }
  });

  it("reads a hub's neighbours newest first from the date index exactly as the whole read ranks them", async () => {
    const busiest = await rows<{ label: NodeLabel; key: string; articles: number; dated: number }>(`
      MATCH (n) WHERE n:${ENTITY_LABELS.join('|')}|Page
      WITH n ORDER BY n.articleCount DESC LIMIT 6
      RETURN labels(n)[0] AS label, coalesce(n.key, n.id) AS key, n.articleCount AS articles,
             COUNT { (m:Article)-->(n) WHERE m.date IS NOT NULL } AS dated
      UNION
      MATCH (n:Issue)-[:IN_GROUP]->(:IssueGroup)
      WITH n ORDER BY n.articleCount DESC LIMIT 1
      RETURN 'Issue' AS label, n.key AS key, n.articleCount AS articles,
             COUNT { (m:Article)-->(n) WHERE m.date IS NOT NULL } AS dated`);
    const session = driver.session({ defaultAccessMode: 'READ' });
    let readAsHub = 0;
    try {
      for (const { label, key, articles, dated } of busiest) {
        const id = nodeId(label, key);
        const target = { ...parseNodeId(id)!, id };
        for (const input of [
          { labels: [], limit: 7 },
          { labels: ['Article' as const], limit: 500 },
          { labels: ['IssueGroup' as const, 'Article' as const], limit: 3 },
          { labels: ['Keyword' as const], limit: 5 },
        ]) {
          const hub = await session.executeRead((tx) =>
            readHubNeighbors(tx, target, { ...input, hubDegree: 0 }),
          );
          const whole = await session.executeRead((tx) =>
            readNeighbors(tx, target, { ...input, hubDegree: Number.MAX_SAFE_INTEGER }),
          );
          // Undated articles are not in the date index: the hub read leaves it to the whole read
          // when fewer than `limit` of the articles asked for are dated.
          const withArticles = input.labels.length === 0 || input.labels.includes('Article' as never);
          const answers = !withArticles || dated >= Math.min(input.limit, articles);
          expect(hub !== null, `${target.id} ${JSON.stringify(input)} read as a hub`).toBe(answers);
          if (!hub) continue;
          readAsHub += 1;
          expect(hub, `${target.id} ${JSON.stringify(input)}`).toEqual(whole);
        }
      }
    } finally {
      await session.close();
    }
    expect(readAsHub).toBeGreaterThanOrEqual(busiest.length * 2);
  });

  it('finds every theme by its name', async () => {
    const themes = await rows<{ key: string; name: string }>(
      'MATCH (t:Theme) RETURN t.key AS key, t.name AS name ORDER BY t.articleCount DESC, t.key LIMIT 40',
    );
    for (const theme of themes) {
      const { body } = await api.get(`/api/search?q=${encodeURIComponent(theme.name)}&labels=Theme&limit=10`);
      expect(
        body.results.map((r: { id: string }) => r.id),
        theme.name,
      ).toContain(nodeId('Theme', theme.key));
    }
  });

  it('finds paths between articles that share a theme', async () => {
    const [pair] = await rows<{ a: string; b: string }>(`
      MATCH (a:Article)-[:HAS_THEME]->(:Theme)<-[:HAS_THEME]-(b:Article)
      WHERE a.id < b.id AND NOT EXISTS { (a)--(b) }
      RETURN a.id AS a, b.id AS b ORDER BY a.id, b.id LIMIT 1`);
    const { body } = await api.get(
      `/api/paths?from=${encodeURIComponent(nodeId('Article', pair!.a))}&to=${encodeURIComponent(nodeId('Article', pair!.b))}`,
    );
    const answer = PathsResponseSchema.parse(body);
    expect(answer.paths.length).toBeGreaterThan(0);
    expect(answer.paths.every((path) => path.length === 2)).toBe(true);
  });
});

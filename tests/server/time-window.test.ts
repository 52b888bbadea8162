import { describe, expect, it } from 'vitest';
import {
  addDays,
  cooccurrenceMeasures,
  CooccurringResponseSchema,
  ElementsSchema,
  normaliseKey,
  nodeId,
  PairsResponseSchema,
  PathsResponseSchema,
  parseNodeId,
  type ArticleRecord,
  type TimeWindow,
} from '../../model/index.js';
import { GraphReader } from '../../server/index.js';
import { WINDOWED_ENTRIES } from '../../server/graph/graph-reader.js';
import { readHubNeighbors, readNeighbors } from '../../server/queries/neighbors.js';
import { pathId, queryString } from './support/api.js';
import { FIXTURE_ARTICLES, FIXTURE_GROUPS } from './support/fixture-articles.js';
import { useFixtureApi } from './support/fixture-suite.js';

/**
 * The time window on the routes that had none: the themes map and its links, co-occurring issues
 * and pairs, neighbours and paths, over the fixture articles (dated 2025-04-20 to 2025-05-02; a3
 * and a7 have no date). Expected answers are worked out from the records, independently of Neo4j.
 */

const suite = useFixtureApi();
const theme = (name: string) => nodeId('Theme', normaliseKey(name));
const q = queryString;

const inWindow = (window: TimeWindow) => (a: ArticleRecord) =>
  a.date !== undefined && a.date >= (window.from ?? '0001-01-01') && a.date <= (window.to ?? '9999-12-31');

/** Issue names → their unit id: the fixture group's id, or the issue's own. */
const issueUnit = (name: string): string => {
  const group = FIXTURE_GROUPS.find((g) =>
    g.members.some((m) => normaliseKey(m.issue) === normaliseKey(name)),
  );
  return group ? `IssueGroup:${group.key}` : nodeId('Issue', normaliseKey(name));
};

/** Every co-occurring pair of units among some articles, with the measures of DESIGN.md. */
function expectedPairs(articles: ArticleRecord[], unitsOf: (a: ArticleRecord) => string[]) {
  const sets = articles.map((a) => new Set(unitsOf(a))).filter((units) => units.size > 0);
  const count = (...ids: string[]) => sets.filter((units) => ids.every((id) => units.has(id))).length;
  const ids = [...new Set(sets.flatMap((units) => [...units]))].sort();
  const pairs = new Map<string, ReturnType<typeof cooccurrenceMeasures>>();
  for (const a of ids)
    for (const b of ids)
      if (a < b && count(a, b) > 0)
        pairs.set(
          `${a} ${b}`,
          cooccurrenceMeasures({ n: sets.length, nA: count(a), nB: count(b), nAB: count(a, b) }),
        );
  return { n: sets.length, count: (id: string) => count(id), pairs };
}

const themesOf = (a: ArticleRecord) => a.themes.map(theme);
const issuesOf = (a: ArticleRecord) => a.issues.map((issue) => issueUnit(issue.name));

describe('GET /api/themes/network in a window', () => {
  it.each([
    [{ from: '2025-05-01', to: '2025-05-31' }],
    [{ from: '2025-04-21' }],
    [{ to: '2025-04-30' }],
  ] as TimeWindow[][])('counts only the articles of %o, measures and node sizes included', async (window) => {
    const { status, body } = await suite.api.get(`/api/themes/network?${q({ ...window, minCount: 1 })}`);
    expect(status).toBe(200);
    const expected = expectedPairs(FIXTURE_ARTICLES.filter(inWindow(window)), themesOf);
    expect(body.meta).toEqual({
      articles: expected.n,
      minCount: 1,
      limit: 200,
      window: { from: window.from ?? null, to: window.to ?? null },
    });
    const elements = ElementsSchema.parse(body);
    const edges = new Map(
      elements.edges.map((e) => [[e.data.source, e.data.target].sort().join(' '), e.data]),
    );
    expect([...edges.keys()].sort()).toEqual([...expected.pairs.keys()].sort());
    for (const [pair, measures] of expected.pairs) {
      const edge = edges.get(pair)!;
      for (const [name, value] of Object.entries(measures))
        expect(edge[name], `${pair} ${name}`).toBeCloseTo(value, 12);
    }
    for (const node of elements.nodes)
      expect(node.data.articleCount, node.data.id).toBe(expected.count(node.data.id));
  });

  it('leaves undated articles out: a window over every day still differs from no window', async () => {
    const all = await suite.api.get('/api/themes/network?minCount=1');
    const everyDay = await suite.api.get(`/api/themes/network?${q({ from: '0001-01-01', minCount: 1 })}`);
    expect(all.body.meta.articles).toBe(7);
    expect(everyDay.body.meta.articles).toBe(5);
    const ids = (body: { nodes: { data: { id: string } }[] }) => body.nodes.map((n) => n.data.id);
    expect(ids(all.body)).toContain(theme('Semiconductors')); // only in a3, undated
    expect(ids(everyDay.body)).not.toContain(theme('Semiconductors'));
  });

  it('answers an empty map for a window without articles', async () => {
    const { body } = await suite.api.get(`/api/themes/network?${q({ from: '2030-01-01' })}`);
    expect(body.nodes).toEqual([]);
    expect(body.meta.articles).toBe(0);
  });
});

describe('GET /api/themes/link in a window', () => {
  it('gives the measures and the evidence of the window', async () => {
    const window = { from: '2025-04-01', to: '2025-04-30' };
    const { status, body } = await suite.api.get(
      `/api/themes/link?${q({ a: theme('Artificial Intelligence'), b: theme('Regulation'), ...window })}`,
    );
    expect(status).toBe(200);
    const expected = expectedPairs(FIXTURE_ARTICLES.filter(inWindow(window)), themesOf);
    expect(body.articles).toBe(2);
    expect(body.a).toEqual({
      id: theme('Artificial Intelligence'),
      name: 'Artificial Intelligence',
      articleCount: 2,
    });
    expect(body.measures).toEqual(
      expected.pairs.get([theme('Artificial Intelligence'), theme('Regulation')].sort().join(' ')),
    );
    expect(body.evidence.map((a: { id: string }) => a.id)).toEqual(['Article:a2', 'Article:a1']);
  });

  it('answers 404 for a theme that does not exist', async () => {
    const { status } = await suite.api.get(
      `/api/themes/link?${q({ a: theme('Energy'), b: 'Theme:nope', from: '2025-01-01' })}`,
    );
    expect(status).toBe(404);
  });
});

describe('co-occurring issues in a window', () => {
  it('ranks the groups of the window with its counts and evidence, and says which window', async () => {
    const window = { from: '2025-04-01', to: '2025-04-30' };
    const { status, body } = await suite.api.get(
      `/api/issues/${pathId('IssueGroup:opaque-ai')}/cooccurring?${q({ ...window, minCount: 1 })}`,
    );
    expect(status).toBe(200);
    const answer = CooccurringResponseSchema.parse(body);
    const expected = expectedPairs(FIXTURE_ARTICLES.filter(inWindow(window)), issuesOf);
    expect(answer.window).toEqual(window);
    expect(answer.group).toMatchObject({ id: 'IssueGroup:opaque-ai', size: 3, articleCount: 2 });
    expect(answer.results.map((r) => [r.group.id, r.group.articleCount, r.measures])).toEqual([
      [
        'IssueGroup:fragmented-rules',
        2,
        expected.pairs.get('IssueGroup:fragmented-rules IssueGroup:opaque-ai'),
      ],
    ]);
    expect(answer.results[0]!.evidence.map((a) => a.id)).toEqual(['Article:a2', 'Article:a1']);
    expect(answer.elements.nodes.map((n) => n.data.id)).toEqual([
      'IssueGroup:opaque-ai',
      'IssueGroup:fragmented-rules',
    ]);
  });

  it('ranks the strongest pairs of the window, lone issues included', async () => {
    const window = { from: '2025-05-01', to: '2025-05-31' };
    const { body } = await suite.api.get(
      `/api/issues/pairs?${q({ ...window, minCount: 1, measure: 'count' })}`,
    );
    const answer = PairsResponseSchema.parse(body);
    const expected = expectedPairs(FIXTURE_ARTICLES.filter(inWindow(window)), issuesOf);
    expect(answer.window).toEqual(window);
    expect(answer.pairs).toHaveLength(expected.pairs.size);
    for (const pair of answer.pairs) {
      expect(pair.measures).toEqual(expected.pairs.get([pair.a.id, pair.b.id].sort().join(' ')));
      expect(pair.evidence).toHaveLength(pair.measures.count);
    }
    expect(answer.pairs.flatMap((p) => [p.a.id, p.b.id])).toContain(nodeId('Issue', 'grid instability'));
  });
});

describe('over concept groups, beside the stored co-occurrence of the whole range', () => {
  // Energy and Climate made one theme concept, AI one of its own; stored CO_OCCURS with a count
  // no walk gives (99) shows which answers read them.
  const concept = 'ThemeGroup:energy-climate';
  const conceptOf = (id: string) => (id === theme('Energy') || id === theme('Climate') ? concept : id);
  const conceptsOf = (a: ArticleRecord) => [...new Set(themesOf(a).map(conceptOf))];
  const stored = { count: 99, jaccard: 0.99, lift: 99, npmi: 0.99 };

  async function withConceptsAndStoredPairs(check: () => Promise<void>): Promise<void> {
    await suite.driver.executeQuery(
      `CREATE (c:ThemeGroup {key: 'energy-climate', name: 'Energy and climate', size: 2, articleCount: 4})
       CREATE (g:ThemeGroup {key: 'ai', name: 'Artificial Intelligence', size: 1, articleCount: 5})
       WITH c, g
       MATCH (e:Theme {key: 'energy'}), (k:Theme {key: 'climate'}), (ai:Theme {key: 'artificial intelligence'})
       CREATE (e)-[:IN_GROUP]->(c), (k)-[:IN_GROUP]->(c), (ai)-[:IN_GROUP]->(g), (g)-[:CO_OCCURS $stored]->(c)
       WITH 1 AS done
       MATCH (x:IssueGroup {key: 'fragmented-rules'}), (y:IssueGroup {key: 'opaque-ai'})
       CREATE (x)-[:CO_OCCURS $stored]->(y)`,
      { stored },
    );
    try {
      await check();
    } finally {
      await suite.driver.executeQuery(
        'MATCH (g:ThemeGroup) DETACH DELETE g WITH 1 AS done MATCH ()-[r:CO_OCCURS]->() DELETE r',
      );
    }
  }

  it('walks the window’s articles over the concepts; the whole range reads the stored pairs', async () => {
    await withConceptsAndStoredPairs(async () => {
      const whole = ElementsSchema.parse((await suite.api.get('/api/themes/network?minCount=1')).body);
      expect(whole.edges.map((e) => [e.data.source, e.data.target, e.data.count])).toEqual([
        ['ThemeGroup:ai', concept, 99],
      ]);

      const window = { from: '2025-04-21' };
      const { body } = await suite.api.get(`/api/themes/network?${q({ ...window, minCount: 1 })}`);
      const elements = ElementsSchema.parse(body);
      const expected = expectedPairs(FIXTURE_ARTICLES.filter(inWindow(window)), (a) =>
        conceptsOf(a).map((id) => (id === theme('Artificial Intelligence') ? 'ThemeGroup:ai' : id)),
      );
      const edges = new Map(
        elements.edges.map((e) => [[e.data.source, e.data.target].sort().join(' '), e.data.count]),
      );
      expect(edges).toEqual(new Map([...expected.pairs].map(([pair, m]) => [pair, m.count])));
      expect(edges.get(['ThemeGroup:ai', concept].sort().join(' '))).toBe(1); // a4 only, not 99
      for (const node of elements.nodes)
        expect(node.data.articleCount, node.data.id).toBe(expected.count(node.data.id));
      expect(elements.nodes.map((n) => n.data.id)).not.toContain(theme('Energy'));

      const link = await suite.api.get(
        `/api/themes/link?${q({ a: 'ThemeGroup:ai', b: concept, ...window })}`,
      );
      expect(link.body.measures.count).toBe(1);
      expect(link.body.evidence.map((a: { id: string }) => a.id)).toEqual(['Article:a4']);

      const conceptInWindow = await suite.api.get(`/api/concepts/${pathId(concept)}?${q(window)}`);
      expect(conceptInWindow.body).toMatchObject({
        articleCount: 3,
        window: { from: '2025-04-21', to: null },
      });
      expect(conceptInWindow.body.articles.map((a: { id: string }) => a.id)).toEqual([
        'Article:a5', // 2025-05-02, 'Grids under strain'
        'Article:a6', // 2025-05-02, 'Heatwaves and cities'
        'Article:a4', // 2025-05-01
      ]);
      const allDates = await suite.api.get(`/api/concepts/${pathId(concept)}`);
      expect(allDates.body.articleCount).toBe(4); // stored, a7 undated included
      expect(allDates.body.articles).toHaveLength(4);
      expect(allDates.body.window).toBeUndefined();

      const issues = '/api/issues/IssueGroup:opaque-ai/cooccurring?minCount=1';
      const storedAnswer = CooccurringResponseSchema.parse((await suite.api.get(issues)).body);
      expect(storedAnswer.results.map((r) => [r.group.id, r.measures.count])).toEqual([
        ['IssueGroup:fragmented-rules', 99],
      ]);
      const inWindow2025 = CooccurringResponseSchema.parse(
        (await suite.api.get(`${issues}&${q({ from: '2025-04-01', to: '2025-04-30' })}`)).body,
      );
      expect(inWindow2025.results.map((r) => [r.group.id, r.measures.count])).toEqual([
        ['IssueGroup:fragmented-rules', 2],
      ]);
    });
  });
});

describe('neighbours and paths in a window', () => {
  const ai = theme('Artificial Intelligence');

  it('keeps only the window’s articles among a node’s neighbours, and counts them', async () => {
    const { body } = await suite.api.get(`/api/nodes/${pathId(ai)}/neighbors?${q({ to: '2025-04-30' })}`);
    expect(body.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual([
      ai,
      'Article:a2',
      'Article:a1',
    ]);
    expect(body.meta.total).toBe(2);
    const article = await suite.api.get(
      `/api/nodes/${pathId('Article:a1')}/neighbors?${q({ to: '2025-04-20' })}`,
    );
    const ids = article.body.nodes.map((n: { data: { id: string } }) => n.data.id);
    // Its themes and keywords have no date and stay; the article it is closest to (a2) is out.
    expect(ids).toContain(ai);
    expect(ids).not.toContain('Article:a2');
  });

  it('reads a hub’s window from the date index with the same answer as the whole read', async () => {
    const target = { ...parseNodeId(ai)!, id: ai };
    const input = { labels: [], limit: 2, window: { from: '2025-04-21' } };
    const session = suite.driver.session();
    try {
      const [hub, whole] = await session.executeRead(async (tx) => [
        await readHubNeighbors(tx, target, { ...input, hubDegree: 0 }),
        await readNeighbors(tx, target, { ...input, hubDegree: Number.MAX_SAFE_INTEGER }),
      ]);
      expect(hub).not.toBeNull();
      expect(hub!.total).toBe(2); // a2 and a4; a3 is undated
      expect(hub).toEqual(whole);
    } finally {
      await session.close();
    }
  });

  it('finds only paths whose articles are all dated in the window', async () => {
    const path = (window: Record<string, string>) =>
      suite.api
        .get(`/api/paths?${q({ from: theme('Privacy'), to: theme('Energy'), ...window })}`)
        .then(({ body }) => PathsResponseSchema.parse(body));
    const open = await path({});
    expect(open.paths.length).toBeGreaterThan(0);
    const window = { dateFrom: '2025-04-20', dateTo: '2025-05-01' };
    const windowed = await path(window);
    expect(windowed.paths.length).toBeGreaterThan(0);
    const dates = new Map(FIXTURE_ARTICLES.map((a) => [nodeId('Article', a.id), a.date]));
    for (const found of windowed.paths) {
      for (const id of found.nodes.filter((n) => n.startsWith('Article:'))) {
        expect(dates.get(id), id).toBeDefined();
        expect(dates.get(id)! >= window.dateFrom && dates.get(id)! <= window.dateTo, id).toBe(true);
      }
    }
    expect((await path({ dateTo: '2025-04-30' })).paths).toEqual([]);
  });
});

describe('the cache of windowed answers', () => {
  it('keys answers by the window and keeps a bounded number apart from the whole-graph ones', async () => {
    const reader = new GraphReader(suite.driver, { database: 'neo4j', timeoutMs: 10_000 });
    let computed = 0;
    const work = async () => ++computed;
    expect(await reader.cached('answer', work)).toBe(1);
    expect(await reader.cached('answer', work, { window: { from: '2025-01-01' } })).toBe(2);
    expect(await reader.cached('answer', work, { window: { from: '2025-01-01' } })).toBe(2);
    expect(await reader.cached('answer', work, { window: { from: '2025-01-02' } })).toBe(3);
    for (let day = 1; day <= WINDOWED_ENTRIES; day++)
      await reader.cached('answer', work, { window: { to: addDays('2025-06-01', day) } });
    // The first windows were pushed out; the whole-graph answer was not.
    expect(await reader.cached('answer', work, { window: { from: '2025-01-01' } })).toBe(computed);
    expect(await reader.cached('answer', work)).toBe(1);
  });
});

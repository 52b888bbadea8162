import { describe, expect, it } from 'vitest';
import {
  ArticleDetailsSchema,
  ElementsSchema,
  HealthSchema,
  NodeDetailsSchema,
  SearchResponseSchema,
  StatsSchema,
  type Elements,
} from '../../model/index.js';
import { pathId } from './support/api.js';
import { FIXTURE_ARTICLES } from './support/fixture-articles.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();
const AI = 'Theme:artificial%20intelligence';

/** Stable ids only: `<Label>:…`, never a Neo4j element id (`4:uuid:n`). */
function expectStableIds(elements: Elements): void {
  const nodeIds = new Set(elements.nodes.map((node) => node.data.id));
  for (const id of nodeIds)
    expect(id).toMatch(
      /^(Article|Keyword|Theme|Category|Signal|Concern|Behavior|Technology|Issue|Page|IssueGroup):[^:]/,
    );
  for (const { data } of elements.edges) {
    expect(nodeIds.has(data.source) && nodeIds.has(data.target), `edge ${data.id} has both ends`).toBe(true);
    expect(data.id).not.toMatch(/^\d+:[0-9a-f-]{36}:\d+$/);
  }
  expect(new Set(elements.edges.map((edge) => edge.data.id)).size).toBe(elements.edges.length);
}

describe('GET /api/health', () => {
  it('says Neo4j is connected and which version it runs', async () => {
    const { status, body, headers } = await suite.api.get('/api/health');
    expect(status).toBe(200);
    expect(HealthSchema.parse(body)).toEqual({
      status: 'ok',
      neo4j: { connected: true, version: expect.stringMatching(/^\d+\.\d+/) },
    });
    expect(headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/stats', () => {
  it('counts nodes per label and relationships per type', async () => {
    const { status, body } = await suite.api.get('/api/stats');
    expect(status).toBe(200);
    const stats = StatsSchema.parse(body);
    expect(stats.labels).toMatchObject({
      Article: 8,
      Theme: 6,
      Issue: 11,
      IssueGroup: 4,
      Page: 5,
      Category: 3,
      Keyword: 10,
    });
    expect(stats.relationships).toMatchObject({
      HAS_THEME: 15,
      HAS_ISSUE: 12,
      CLOSEST_TO: 3,
      IN_CATEGORY: 7,
      IN_PAGE: 6,
      IN_GROUP: 9,
    });
  });
});

describe('GET /api/search', () => {
  const search = async (query: string) =>
    SearchResponseSchema.parse((await suite.api.get(`/api/search?${query}`)).body).results;

  it('finds names by the beginning of each word, best first, with stable ids', async () => {
    const results = await search('q=artif%20intel');
    expect(results[0]).toMatchObject({ id: AI, label: 'Theme', name: 'Artificial Intelligence' });
    expect(results[0]!.score).toBeGreaterThan(0);
  });

  it('searches article titles and filters by label', async () => {
    expect((await search('q=auditing')).map((r) => r.id)).toContain('Article:a2');
    const articles = await search('q=ai&labels=Article');
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.every((r) => r.label === 'Article')).toBe(true);
    const two = await search('q=opaque&labels=Issue,IssueGroup');
    expect(new Set(two.map((r) => r.label))).toEqual(new Set(['Issue', 'IssueGroup']));
  });

  it('takes Lucene syntax literally instead of failing', async () => {
    for (const q of [
      'AI OR (regulation',
      'energy AND NOT climate',
      'title:heat',
      '"unclosed',
      'a~2^3 [x TO y]',
      '\\',
      '***',
    ]) {
      const { status, body } = await suite.api.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      SearchResponseSchema.parse(body);
    }
    expect(await search('q=%2A%3A%2A')).toEqual([]);
    expect((await search(`q=${encodeURIComponent('regulation)')}`)).map((r) => r.id)).toContain(
      'Theme:regulation',
    );
  });

  it('returns at most limit results', async () => {
    expect(await search('q=a&limit=2')).toHaveLength(2);
  });
});

describe('GET /api/nodes/:id', () => {
  it('gives properties and degree per relationship type', async () => {
    const { status, body } = await suite.api.get(`/api/nodes/${pathId(AI)}`);
    expect(status).toBe(200);
    expect(NodeDetailsSchema.parse(body)).toEqual({
      id: AI,
      label: 'Theme',
      name: 'Artificial Intelligence',
      properties: { key: 'artificial intelligence', name: 'Artificial Intelligence', articleCount: 4 },
      degree: { HAS_THEME: 4 },
    });
  });

  it('counts both directions and gives dates as ISO strings', async () => {
    const { body } = await suite.api.get(`/api/nodes/${pathId('Article:a1')}`);
    expect(body.degree).toEqual({
      HAS_KEYWORD: 3,
      HAS_THEME: 3,
      IN_CATEGORY: 1,
      IN_PAGE: 1,
      HAS_SIGNAL: 1,
      HAS_CONCERN: 1,
      HAS_BEHAVIOR: 1,
      HAS_TECHNOLOGY: 1,
      HAS_ISSUE: 2,
      CLOSEST_TO: 3,
    });
    expect(body.properties.date).toBe('2025-04-20');
    expect(body.properties.ingestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('finds a key holding % and / when the id is encoded once more in the path', async () => {
    const id = 'Keyword:100%25%20renewables%2Fnow';
    const { status, body } = await suite.api.get(`/api/nodes/${pathId(id)}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id, name: '100% renewables/now' });
  });

  it('answers 404 for a node that does not exist', async () => {
    const { status, body } = await suite.api.get(`/api/nodes/${pathId('Theme:nothing%20here')}`);
    expect(status).toBe(404);
    expect(body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Theme:nothing%20here'),
    });
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  it('gives the node, its neighbours and the relationships between them as Cytoscape elements', async () => {
    const { status, body } = await suite.api.get(`/api/nodes/${pathId(AI)}/neighbors`);
    expect(status).toBe(200);
    const elements = ElementsSchema.parse(body);
    expect(elements.nodes[0]!.data.id).toBe(AI);
    expect(elements.nodes.map((n) => n.data.id).sort()).toEqual([
      'Article:a1',
      'Article:a2',
      'Article:a3',
      'Article:a4',
      AI,
    ]);
    expect(elements.edges).toHaveLength(4);
    expect(elements.edges.every((e) => e.data.target === AI && e.data.type === 'HAS_THEME')).toBe(true);
    expect(body.meta).toEqual({ centre: AI, total: 4, returned: 4 });
    expectStableIds(elements);
    const a1 = elements.nodes.find((n) => n.data.id === 'Article:a1')!.data;
    expect(a1).toMatchObject({
      label: 'Article',
      name: 'EU AI Act enforcement begins',
      key: 'a1',
      date: '2025-04-20',
    });
    expect(a1).not.toHaveProperty('summary');
  });

  it('keeps the newest articles when limited, and says how many there are', async () => {
    const { body } = await suite.api.get(`/api/nodes/${pathId(AI)}/neighbors?limit=2`);
    expect(body.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual([
      AI,
      'Article:a4',
      'Article:a2',
    ]);
    expect(body.meta).toEqual({ centre: AI, total: 4, returned: 2 });
  });

  it('filters neighbours by label', async () => {
    const { body } = await suite.api.get(`/api/nodes/${pathId('Article:a1')}/neighbors?labels=Theme,Article`);
    const labels = new Set(body.nodes.slice(1).map((n: { data: { label: string } }) => n.data.label));
    expect(labels).toEqual(new Set(['Theme', 'Article']));
    expect(body.meta.total).toBe(6);
    const none = await suite.api.get(`/api/nodes/${pathId(AI)}/neighbors?labels=Keyword`);
    expect(none.body).toMatchObject({ nodes: [{ data: { id: AI } }], edges: [], meta: { total: 0 } });
  });

  it('gives a row repeated in a table as two edges with their own ids', async () => {
    const { body } = await suite.api.get(`/api/nodes/${pathId('Article:a6')}/neighbors?labels=Issue`);
    expect(body.nodes).toHaveLength(2);
    expect(body.edges.map((e: { data: { id: string } }) => e.data.id).sort()).toEqual([
      'HAS_ISSUE:Article:a6->Issue:extreme%20heat%20risks#0',
      'HAS_ISSUE:Article:a6->Issue:extreme%20heat%20risks#1',
    ]);
  });
});

describe('GET /api/articles/:id', () => {
  it('rebuilds every article record exactly as it was written', async () => {
    for (const article of FIXTURE_ARTICLES) {
      const { status, body } = await suite.api.get(`/api/articles/${pathId(`Article:${article.id}`)}`);
      expect(status).toBe(200);
      const details = ArticleDetailsSchema.parse(body);
      expect(details).toMatchObject({ id: `Article:${article.id}`, stub: false, title: article.title });
      expect(details.record).toEqual(article);
      expect(details.ingestedAt).toMatch(/^\d{4}-/);
    }
  });

  it('accepts the bare article id too', async () => {
    const { body } = await suite.api.get('/api/articles/a2');
    expect(body.record.title).toBe('Auditing algorithms');
  });

  it('shows a stub as a title without a record', async () => {
    const { status, body } = await suite.api.get('/api/articles/stub-x');
    expect(status).toBe(200);
    expect(body).toEqual({
      id: 'Article:stub-x',
      stub: true,
      title: 'A story known only by name',
      record: null,
      ingestedAt: null,
    });
  });

  it('answers 404 for an article that does not exist', async () => {
    const { status, body } = await suite.api.get('/api/articles/nope');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});

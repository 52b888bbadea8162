import { describe, expect, it } from 'vitest';
import { CypherResponseSchema } from '../../model/index.js';
import { transactionsRunning } from '../support/neo4j.js';
import { startApi } from './support/api.js';
import { useFixtureApi } from './support/fixture-suite.js';

const CYPHER_TIMEOUT_MS = 3_000;
const suite = useFixtureApi({ app: { limits: { cypherTimeoutMs: CYPHER_TIMEOUT_MS, cypherRowCap: 1_000 } } });

const cypher = (query: string, params?: Record<string, unknown>) =>
  suite.api.post('/api/cypher', params === undefined ? { query } : { query, params });

describe('POST /api/cypher', () => {
  it('returns columns, rows as plain JSON and the graph part as elements with stable ids', async () => {
    const { status, body } = await cypher(
      'MATCH (a:Article {id: $id})-[r:HAS_THEME]->(t:Theme) RETURN a.title AS title, t, r ORDER BY r.position',
      { id: 'a1' },
    );
    expect(status).toBe(200);
    const answer = CypherResponseSchema.parse(body);
    expect(answer.columns).toEqual(['title', 't', 'r']);
    expect(answer.rows).toHaveLength(3);
    expect(answer.rows[0]).toEqual([
      'EU AI Act enforcement begins',
      {
        id: 'Theme:artificial%20intelligence',
        label: 'Theme',
        labels: ['Theme'],
        properties: { key: 'artificial intelligence', name: 'Artificial Intelligence', articleCount: 4 },
      },
      {
        id: 'HAS_THEME:Article:a1->Theme:artificial%20intelligence#0',
        type: 'HAS_THEME',
        source: 'Article:a1',
        target: 'Theme:artificial%20intelligence',
        properties: { position: 0 },
      },
    ]);
    // The article was not returned, but its edges need it: it is fetched into the elements.
    expect(answer.elements.nodes.map((n) => n.data.id).sort()).toEqual([
      'Article:a1',
      'Theme:artificial%20intelligence',
      'Theme:privacy',
      'Theme:regulation',
    ]);
    expect(answer.elements.edges).toHaveLength(3);
    expect(answer).toMatchObject({ truncated: false, summary: { queryType: 'r', rowCount: 3 } });
    expect(JSON.stringify(body)).not.toMatch(/"\d+:[0-9a-f-]{36}:\d+"/);
  });

  it('converts paths, dates, lists and maps; whole numbers in params are integers', async () => {
    const { body } = await cypher(
      `MATCH p = (:Article {id: 'a7'})-[:CLOSEST_TO]->(:Article {id: 'a1'})
       RETURN p, date('2025-04-20') AS day, [1, 2.5, null] AS list, {n: 1} AS map
       LIMIT $limit`,
      { limit: 1 },
    );
    const [path, day, list, map] = body.rows[0];
    expect(path.nodes.map((n: { id: string }) => n.id)).toEqual(['Article:a7', 'Article:a1']);
    expect(path.relationships[0]).toMatchObject({
      id: 'CLOSEST_TO:Article:a7->Article:a1',
      properties: { rank: 1 },
    });
    expect([day, list, map]).toEqual(['2025-04-20', [1, 2.5, null], { n: 1 }]);
    expect(body.elements.edges.map((e: { data: { id: string } }) => e.data.id)).toEqual([
      'CLOSEST_TO:Article:a7->Article:a1',
    ]);
  });

  it('caps the rows and says the answer is truncated', async () => {
    const { body } = await cypher('UNWIND range(1, 5000) AS x RETURN x');
    expect(body.rows).toHaveLength(1_000);
    expect(body.rows.at(-1)).toEqual([1_000]);
    expect(body).toMatchObject({ truncated: true, summary: { rowCount: 1_000 } });
  });

  it('runs the allowed procedures', async () => {
    const labels = await cypher('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(labels.body.rows.flat()).toContain('IssueGroup');
    const search = await cypher(
      "CALL db.index.fulltext.queryNodes('search_names', 'energy') YIELD node RETURN node.name AS name",
    );
    expect(search.status).toBe(200);
    expect(search.body.rows.flat()).toContain('Energy');
  });

  it("answers Neo4j's own message for a bad query, as a 400", async () => {
    const { status, body } = await cypher('MATCH (n RETURN n');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'QUERY_FAILED',
      message: expect.stringMatching(/^Invalid input 'RETURN'/),
    });
    // Positions and the quoted line are the user's, not those of the EXPLAIN the server ran first.
    expect(body.error.message).toContain('(line 1, column 10 (offset: 9))');
    expect(body.error.message).toContain('"MATCH (n RETURN n"');
    expect(body.error.message).not.toContain('EXPLAIN');
    const missing = await cypher('RETURN $nothing');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/parameter/i);
  });

  it('stops a runaway query within the time limit while other requests are answered', async () => {
    const started = Date.now();
    let runawayAnswered = false;
    const runaway = cypher('UNWIND range(1, 100000000) AS a UNWIND range(1, 1000) AS b RETURN count(*)');
    void runaway.finally(() => (runawayAnswered = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Answered while the runaway still runs: it holds neither the server nor the pool.
    for (let i = 0; i < 5; i++) {
      expect((await suite.api.get('/api/stats')).status).toBe(200);
      expect(runawayAnswered).toBe(false);
    }
    const { status, body } = await runaway;
    const elapsed = Date.now() - started;
    expect(status).toBe(504);
    expect(body.error).toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining(`${CYPHER_TIMEOUT_MS} ms`),
    });
    expect(elapsed).toBeGreaterThanOrEqual(CYPHER_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(CYPHER_TIMEOUT_MS + 3_000);
    expect((await suite.api.get('/api/health')).status).toBe(200);
  });
});

describe('a Cypher request closed by its client', () => {
  it('ends its transaction in Neo4j, long before the time limit would', async () => {
    // A time limit no test waits for: only the cancellation can end this query in time.
    const api = await startApi(suite.driver, { limits: { cypherTimeoutMs: 300_000 } });
    try {
      const marker = 'cancelledByItsClient';
      const request = new AbortController();
      const sent = fetch(`${api.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `UNWIND range(1, 100000000) AS a UNWIND range(1, 1000) AS b RETURN count(*) AS ${marker}`,
        }),
        signal: request.signal,
      }).catch((error: unknown) => error);
      await expect.poll(() => transactionsRunning(suite.driver, marker)).toBe(1);
      request.abort();
      expect(((await sent) as Error).name).toBe('AbortError');
      await expect.poll(() => transactionsRunning(suite.driver, marker)).toBe(0);
      expect((await api.get('/api/health')).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

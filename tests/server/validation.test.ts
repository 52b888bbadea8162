import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '../../model/index.js';
import { pathId } from './support/api.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();
const ISSUE = pathId('Issue:grid%20instability');

/** [request, the field the 400 must name]. */
const INVALID_GETS: [string, string][] = [
  ['/api/search', 'q'],
  ['/api/search?q=%20%20', 'q'],
  [`/api/search?q=${'x'.repeat(201)}`, 'q'],
  ['/api/search?q=ai&limit=0', 'limit'],
  ['/api/search?q=ai&limit=101', 'limit'],
  ['/api/search?q=ai&limit=ten', 'limit'],
  ['/api/search?q=ai&limit=1.5', 'limit'],
  ['/api/search?q=ai&labels=Theme,Nope', 'labels.1'],
  ['/api/search?q=ai&lmit=5', 'lmit'],
  ['/api/nodes/Nope:thing', 'id'],
  ['/api/nodes/Theme:', 'id'],
  ['/api/nodes/just-text', 'id'],
  ['/api/nodes/Theme%3A%25E0%25A4%25A', 'id'],
  ['/api/nodes/Theme:x/neighbors?limit=501', 'limit'],
  ['/api/nodes/Theme:x/neighbors?labels=Person', 'labels.0'],
  ['/api/articles/Article:', 'id'],
  ['/api/themes/network?minCount=0', 'minCount'],
  ['/api/themes/network?limit=2001', 'limit'],
  ['/api/themes/link?a=Theme:energy', 'b'],
  ['/api/themes/link?a=Keyword:grid&b=Theme:energy', 'a'],
  ['/api/themes/link?a=Theme:energy&b=Theme:climate&limit=201', 'limit'],
  ['/api/issues/Theme:energy/cooccurring', 'id'],
  [`/api/issues/${ISSUE}/cooccurring?measure=pmi`, 'measure'],
  [`/api/issues/${ISSUE}/cooccurring?minCount=-1`, 'minCount'],
  [`/api/issues/${ISSUE}/cooccurring?limit=201`, 'limit'],
  [`/api/issues/${ISSUE}/cooccurring?evidence=51`, 'evidence'],
  ['/api/issues/pairs?measure=PMI', 'measure'],
  ['/api/issues/pairs?limit=501', 'limit'],
  ['/api/paths?from=Article:a1', 'to'],
  ['/api/paths?to=Article:a1', 'from'],
  ['/api/paths?from=Article:a1&to=Article:a2&maxHops=7', 'maxHops'],
  ['/api/paths?from=Article:a1&to=Article:a2&maxHops=0', 'maxHops'],
  ['/api/paths?from=Article:a1&to=Article:a2&avoidHubs=yes', 'avoidHubs'],
  ['/api/paths?from=Article:a1&to=Article:a2&limit=101', 'limit'],
  ['/api/paths?from=Article:a1&to=Article:a1', 'to'],
];

const INVALID_BODIES: [string, unknown, string][] = [
  ['no query', {}, 'query'],
  ['an empty query', { query: '   ' }, 'query'],
  ['a query that is not text', { query: 42 }, 'query'],
  ['params that are not a map', { query: 'RETURN 1', params: [1] }, 'params'],
  ['an unknown field', { query: 'RETURN 1', timeout: 100 }, 'timeout'],
  ['a query too long', { query: `RETURN 1 ${' '.repeat(20_001)}//` }, 'query'],
];

function expectInvalid(status: number, body: unknown, field: string): void {
  expect(status, JSON.stringify(body)).toBe(400);
  const { error } = ErrorResponseSchema.parse(body);
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.message).toContain(`"${field}"`);
  expect((error.details as { issues: { field: string }[] }).issues.map((issue) => issue.field)).toContain(
    field,
  );
}

describe('every input is validated, and a 400 names the field', () => {
  it.each(INVALID_GETS)('GET %s → 400 naming %s', async (path, field) => {
    const { status, body } = await suite.api.get(path);
    expectInvalid(status, body, field);
  });

  it.each(INVALID_BODIES)('POST /api/cypher with %s → 400', async (_name, requestBody, field) => {
    const { status, body } = await suite.api.post('/api/cypher', requestBody);
    expectInvalid(status, body, field);
  });

  it('POST /api/cypher with a body that is not JSON → 400', async () => {
    const { status, body } = await suite.api.get('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('not valid JSON'),
    });
  });

  it('POST /api/cypher without a JSON body → 400 naming the body', async () => {
    const { status, body } = await suite.api.get('/api/cypher', { method: 'POST', body: 'RETURN 1' });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^Invalid body/);
  });

  it('POST /api/cypher with more than 100 kB → 413', async () => {
    const { status, body } = await suite.api.post('/api/cypher', {
      query: 'RETURN 1',
      params: { x: 'y'.repeat(110_000) },
    });
    expect(status).toBe(413);
    expect(body.error.code).toBe('INVALID_INPUT');
  });
});

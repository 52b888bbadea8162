import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { createApp, createLogger } from '../../server/index.js';
import { openApiPath } from '../../server/http/openapi.js';
import { API_ROUTES } from '../../server/routes/index.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/** Every `METHOD /path` express will answer, read from the app's own router. */
function expressRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: RouterLayer[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') found.push(`${method.toUpperCase()} ${openApiPath(layer.route.path)}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack);
  return found.sort();
}

describe('GET /api/openapi.json', () => {
  it('describes exactly the routes express serves', async () => {
    const { status, body } = await suite.api.get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    const app = createApp({ driver: suite.driver, logger: createLogger('silent') });
    const served = expressRoutes(app);
    expect(served.length).toBeGreaterThanOrEqual(13);
    expect(documented).toEqual(served);
  });

  it('documents parameters, bodies, answers and errors from the validating schemas', async () => {
    const { body } = await suite.api.get('/api/openapi.json');
    const search = body.paths['/api/search'].get;
    expect(
      search.parameters.map((p: { name: string; in: string; required: boolean }) => [
        p.name,
        p.in,
        p.required,
      ]),
    ).toEqual([
      ['q', 'query', true],
      ['labels', 'query', false],
      ['limit', 'query', false],
    ]);
    expect(search.parameters[2].schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    expect(body.paths['/api/nodes/{id}'].get.parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
      required: true,
    });
    expect(body.paths['/api/cypher'].post.requestBody.content['application/json'].schema.required).toEqual([
      'query',
    ]);
    expect(body.paths['/api/cypher'].post.responses['403'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorResponse',
    });
    expect(body.components.schemas.ErrorResponse.properties.error.properties.code.enum).toContain(
      'QUERY_REFUSED',
    );
  });

  it('has a response schema for every route that the route really answers with', async () => {
    const samples: Record<string, string> = {
      '/api/nodes/:id': '/api/nodes/Theme:energy',
      '/api/nodes/:id/neighbors': '/api/nodes/Theme:energy/neighbors',
      '/api/articles/:id': '/api/articles/a1',
      '/api/issues/:id/cooccurring': '/api/issues/IssueGroup:opaque-ai/cooccurring',
      '/api/search': '/api/search?q=energy',
      '/api/concepts/:id': '/api/concepts/IssueGroup:opaque-ai',
      '/api/themes/link': '/api/themes/link?a=Theme:energy&b=Theme:climate',
      '/api/paths': '/api/paths?from=Article:a1&to=Article:a6',
      '/api/trends': '/api/trends?ids=Theme:energy',
      '/api/signals/timeline': '/api/signals/timeline?of=Theme:energy',
    };
    // Semantic search needs the embedder and vectors: tested in tests/groups/concepts.test.ts.
    for (const route of API_ROUTES.filter((known) => known.path !== '/api/similar')) {
      const answer =
        route.method === 'post'
          ? await suite.api.post(route.path, { query: 'MATCH (n:Theme) RETURN n LIMIT 2' })
          : await suite.api.get(samples[route.path] ?? route.path);
      expect(answer.status, route.path).toBe(200);
      const checked = route.response.safeParse(answer.body);
      expect(checked.success, `${route.path}: ${checked.error?.message}`).toBe(true);
    }
  });
});

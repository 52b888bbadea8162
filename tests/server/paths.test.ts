import { describe, expect, it } from 'vitest';
import { PathsResponseSchema, type PathsResponse } from '../../model/index.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();

async function paths(query: string): Promise<PathsResponse> {
  const { status, body } = await suite.api.get(`/api/paths?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return PathsResponseSchema.parse(body);
}

/** Every path's nodes and edges are in the elements, and every edge joins two of its nodes. */
function expectConsistent(answer: PathsResponse): void {
  const nodes = new Set(answer.elements.nodes.map((n) => n.data.id));
  const edges = new Map(answer.elements.edges.map((e) => [e.data.id, e.data]));
  for (const path of answer.paths) {
    expect(path.nodes).toHaveLength(path.length + 1);
    expect(path.edges).toHaveLength(path.length);
    path.nodes.forEach((id) => expect(nodes.has(id), id).toBe(true));
    path.edges.forEach((id, step) => {
      const edge = edges.get(id)!;
      expect(edge, id).toBeDefined();
      expect(new Set([edge.source, edge.target])).toEqual(new Set([path.nodes[step], path.nodes[step + 1]]));
    });
  }
}

describe('GET /api/paths', () => {
  it('finds the shortest path, avoiding hubs by default', async () => {
    const answer = await paths('from=Article:a3&to=Article:a7');
    expect(answer.paths).toEqual([
      {
        length: 3,
        nodes: ['Article:a3', 'Theme:artificial%20intelligence', 'Article:a1', 'Article:a7'],
        edges: [
          'HAS_THEME:Article:a3->Theme:artificial%20intelligence#0',
          'HAS_THEME:Article:a1->Theme:artificial%20intelligence#0',
          'CLOSEST_TO:Article:a7->Article:a1',
        ],
      },
    ]);
    expectConsistent(answer);
  });

  it('goes through a hub when asked to', async () => {
    const answer = await paths('from=Article:a3&to=Article:a7&avoidHubs=false');
    expect(answer.paths.map((p) => p.nodes)).toEqual([['Article:a3', 'Category:business', 'Article:a7']]);
    expectConsistent(answer);
  });

  it('lets a hub be an end of the path', async () => {
    const answer = await paths('from=Category:business&to=Article:a1');
    expect(answer.paths.map((p) => p.nodes)).toEqual([['Category:business', 'Article:a7', 'Article:a1']]);
  });

  it('returns all shortest paths up to the limit', async () => {
    const through = (answer: PathsResponse) => answer.paths.map((p) => p.nodes[1]).sort();
    const avoiding = await paths('from=Article:a5&to=Article:a6');
    expect(through(avoiding)).toEqual(['Theme:climate', 'Theme:energy']);
    expectConsistent(avoiding);
    const all = await paths('from=Article:a5&to=Article:a6&avoidHubs=false');
    expect(through(all)).toEqual(['Category:environment', 'Page:20250502', 'Theme:climate', 'Theme:energy']);
    expectConsistent(all);
    expect((await paths('from=Article:a5&to=Article:a6&limit=1')).paths).toHaveLength(1);
  });

  it('returns no path when none is within maxHops', async () => {
    const answer = await paths('from=Article:a3&to=Article:a7&maxHops=2');
    expect(answer).toEqual({ paths: [], elements: { nodes: [], edges: [] } });
  });

  it('answers 404 naming the node that does not exist', async () => {
    const { status, body } = await suite.api.get('/api/paths?from=Article:a1&to=Article:nope');
    expect(status).toBe(404);
    expect(body.error.message).toContain('Article:nope');
    expect(body.error.message).not.toContain('Article:a1');
  });
});

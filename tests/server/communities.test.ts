import { describe, expect, it } from 'vitest';
import { ThemeCommunitiesSchema } from '../../model/index.js';
import { analyseNetwork } from '../../server/analysis/communities.js';
import type { WeightedNetwork } from '../../server/analysis/weighted-graph.js';
import { useFixtureApi } from './support/fixture-suite.js';

/** Every pair of `ids` linked with `weight`. */
function clique(ids: string[], weight: number): WeightedNetwork['edges'] {
  return ids.flatMap((source, i) => ids.slice(i + 1).map((target) => ({ source, target, weight })));
}

const A = ['a1', 'a2', 'a3', 'a4'];
const B = ['b1', 'b2', 'b3', 'b4'];
const C = ['c1', 'c2', 'c3'];

/** Three tight clusters, and `x`, the only way between them. */
const NETWORK: WeightedNetwork = {
  nodes: [...A, ...B, ...C, 'x', 'lonely'].map((id) => ({ id, name: `name of ${id}` })),
  edges: [
    ...clique(A, 3).filter((edge) => !(edge.source === 'a1' && edge.target === 'a2')),
    { source: 'a1', target: 'a2', weight: 1 },
    ...clique(B, 3),
    ...clique(C, 4),
    { source: 'x', target: 'a1', weight: 2 },
    { source: 'x', target: 'b1', weight: 2 },
    { source: 'x', target: 'c1', weight: 1 },
  ],
};

describe('communities, centrality and gaps of a weighted network', () => {
  const result = analyseNetwork(NETWORK);
  const node = (id: string) => result.nodes.find((n) => n.id === id)!;

  it('finds the clusters as communities, largest first, each named by its most linked members', () => {
    expect(ThemeCommunitiesSchema.parse(result)).toEqual(result);
    const members = (id: number) =>
      result.nodes
        .filter((n) => n.community === id)
        .map((n) => n.id)
        .sort();
    const communityOf = (id: string) => node(id).community;
    expect(new Set(A.map(communityOf)).size).toBe(1);
    expect(new Set(B.map(communityOf)).size).toBe(1);
    expect(new Set(C.map(communityOf)).size).toBe(1);
    expect(new Set([communityOf('a1'), communityOf('b1'), communityOf('c1')]).size).toBe(3);
    expect(result.communities.map((c) => c.size)).toEqual(
      [...result.communities.map((c) => c.size)].sort((x, y) => y - x),
    );
    for (const community of result.communities) expect(members(community.id)).toHaveLength(community.size);
    const c = result.communities[communityOf('c1')]!;
    expect(c.top).toEqual(['c1', 'c2', 'c3']);
    expect(c.name).toBe('name of c1 · name of c2 · name of c3');
    // Wherever x falls, it is not named: its links are mostly outside.
    for (const community of result.communities) expect(community.top).not.toContain('x');
    expect(result.modularity).toBeGreaterThan(0.3);
  });

  it('leaves out a node with no link', () => {
    expect(result.nodes.map((n) => n.id)).not.toContain('lonely');
  });

  it('gives the bridging node the highest betweenness and sums weights into weighted degree', () => {
    const highest = [...result.nodes].sort((p, q) => q.betweenness - p.betweenness)[0]!;
    expect(highest.id).toBe('x');
    expect(node('x').weightedDegree).toBe(2 + 2 + 1);
    expect(node('c1').weightedDegree).toBe(4 + 4 + 1);
    expect(node('c2').betweenness).toBe(0);
  });

  it('lists the large communities linked less than their sizes predict, with the themes that bridge them', () => {
    const a = node('a2').community;
    const b = node('b2').community;
    const gap = result.gaps.find((g) => new Set([g.a, g.b]).has(a) && new Set([g.a, g.b]).has(b))!;
    expect(gap).toBeDefined();
    expect(gap.links).toBeLessThan(gap.expected);
    // x sits in A or in B; whichever, it is the theme already linked to both.
    expect(gap.bridges[0]!.id).toBe('x');
    expect(gap.suggested.map((theme) => theme.id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[abx]/), expect.stringMatching(/^[abx]/)]),
    );
    // Most weight missing first.
    const missing = result.gaps.map((g) => g.expected - g.links);
    expect(missing).toEqual([...missing].sort((p, q) => q - p));
  });

  it('gives one network the same answer every time', () => {
    expect(analyseNetwork(NETWORK)).toEqual(result);
  });

  it('answers an empty network with nothing', () => {
    expect(analyseNetwork({ nodes: [], edges: [] })).toEqual({
      communities: [],
      nodes: [],
      gaps: [],
      modularity: 0,
    });
  });
});

describe('GET /api/themes/communities', () => {
  const suite = useFixtureApi();

  /** The analysis of what GET /api/themes/network answers for the same query. */
  async function analysisOfMap(query: string) {
    const network = (await suite.api.get(`/api/themes/network?${query}`)).body;
    return analyseNetwork({
      nodes: network.nodes.map((n: { data: { id: string; name: string } }) => n.data),
      edges: network.edges.map((e: { data: { source: string; target: string; count: number } }) => ({
        ...e.data,
        weight: e.data.count,
      })),
    });
  }

  it('reads the network the map draws, and follows the graph when it changes', async () => {
    const network = (await suite.api.get('/api/themes/network?minCount=1')).body;
    const { status, body } = await suite.api.get('/api/themes/communities?minCount=1');
    expect(status).toBe(200);
    expect(body).toEqual(await analysisOfMap('minCount=1'));
    expect(body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      network.nodes.map((n: { data: { id: string } }) => n.data.id).sort(),
    );

    await suite.driver.executeQuery(`
      MATCH (a:Article {id: 'a7'}) MERGE (t:Theme {key: 'fusion'}) SET t.name = 'Fusion', t.articleCount = 1
      CREATE (a)-[:HAS_THEME {position: 1}]->(t)`);
    const after = (await suite.api.get('/api/themes/communities?minCount=1')).body;
    expect(after.nodes.map((n: { id: string }) => n.id)).toContain('Theme:fusion');
  });

  it('reads the map of a time window, not the whole range', async () => {
    // From 2025-04-21: a2, a4, a5 and a6; Privacy (a1) and Semiconductors (a3, undated) drop out.
    const query = 'minCount=1&from=2025-04-21';
    const { status, body } = await suite.api.get(`/api/themes/communities?${query}`);
    expect(status).toBe(200);
    expect(body).toEqual(await analysisOfMap(query));
    const ids = body.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain('Theme:energy');
    expect(ids).not.toContain('Theme:privacy');
    expect(ids).not.toContain('Theme:semiconductors');
    const whole = (await suite.api.get('/api/themes/communities?minCount=1')).body;
    expect(whole.nodes.map((n: { id: string }) => n.id)).toContain('Theme:privacy');

    // The window's answer is cached too, and follows the graph when it changes.
    await suite.driver.executeQuery(`
      MATCH (a:Article {id: 'a5'}) MERGE (t:Theme {key: 'fusion'}) SET t.name = 'Fusion'
      CREATE (a)-[:HAS_THEME {position: 4}]->(t)`);
    const after = (await suite.api.get(`/api/themes/communities?${query}`)).body;
    expect(after.nodes.map((n: { id: string }) => n.id)).toContain('Theme:fusion');
    expect(after).toEqual(await analysisOfMap(query));
  });

  it('reads theme concepts and their stored co-occurrence once they are computed', async () => {
    // Energy and Climate one concept, AI one of its own; the stored link's weight (9) is no walk's.
    await suite.driver.executeQuery(
      `CREATE (c:ThemeGroup {key: 'energy-climate', name: 'Energy and climate', size: 2, articleCount: 4})
       CREATE (g:ThemeGroup {key: 'ai', name: 'Artificial Intelligence', size: 1, articleCount: 5})
       CREATE (r:ThemeGroup {key: 'rules', name: 'Regulation', size: 1, articleCount: 3})
       WITH c, g, r
       MATCH (e:Theme {key: 'energy'}), (k:Theme {key: 'climate'}), (ai:Theme {key: 'artificial intelligence'}),
             (reg:Theme {key: 'regulation'})
       CREATE (e)-[:IN_GROUP]->(c), (k)-[:IN_GROUP]->(c), (ai)-[:IN_GROUP]->(g), (reg)-[:IN_GROUP]->(r),
              (g)-[:CO_OCCURS {count: 9}]->(c), (g)-[:CO_OCCURS {count: 2}]->(r)`,
    );
    try {
      const { body } = await suite.api.get('/api/themes/communities?minCount=1');
      expect(body).toEqual(await analysisOfMap('minCount=1'));
      expect(body.nodes.map((n: { id: string }) => n.id).sort()).toEqual([
        'ThemeGroup:ai',
        'ThemeGroup:energy-climate',
        'ThemeGroup:rules',
      ]);
      const ai = body.nodes.find((n: { id: string }) => n.id === 'ThemeGroup:ai');
      expect(ai.weightedDegree).toBe(9 + 2);
    } finally {
      await suite.driver.executeQuery(
        'MATCH (g:ThemeGroup) DETACH DELETE g WITH 1 AS done MATCH ()-[r:CO_OCCURS]->() DELETE r',
      );
    }
    // The concepts gone, the walk over the themes is back.
    const after = (await suite.api.get('/api/themes/communities?minCount=1')).body;
    expect(after.nodes.map((n: { id: string }) => n.id)).toContain('Theme:energy');
  });

  it('takes the same parameters as the network, validated the same way', async () => {
    const { status, body } = await suite.api.get('/api/themes/communities?limit=0');
    expect(status).toBe(400);
    expect(body.error.details.issues[0].field).toBe('limit');
    const window = await suite.api.get('/api/themes/communities?from=2025-13-01');
    expect(window.status).toBe(400);
    expect(window.body.error.details.issues[0].field).toBe('from');
  });
});

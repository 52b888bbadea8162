import type { StructuralGap } from '../../model/index.js';
import { weightedDegreeOf, type Network } from './weighted-graph.js';

/**
 * Structural gaps (InfraNodus's term): two large communities with fewer links between them than
 * their sizes predict, where a new connection of ideas may lie.
 *
 * For communities A and B, with W_X the sum of the weighted degrees of X's nodes and W the
 * network's total link weight, links falling at random would give A and B about
 * W_A·W_B / 2W of weight between them (the configuration model behind modularity). A pair is a
 * gap when it has less; gaps are ranked by the weight missing (expected − links), which puts large
 * pairs with few links first. Only communities of at least MIN_SIZE nodes count as large.
 */
export const MIN_SIZE = 3;
const MAX_GAPS = 5;
const MAX_BRIDGES = 5;

export function structuralGaps(
  graph: Network,
  communities: readonly (readonly string[])[],
  betweenness: Readonly<Record<string, number>>,
): StructuralGap[] {
  const total = graph.reduceEdges((sum, _edge, attributes) => sum + attributes.weight, 0);
  const strength = communities.map((nodes) =>
    nodes.reduce((sum, node) => sum + weightedDegreeOf(graph, node), 0),
  );
  const large = communities.map((_nodes, id) => id).filter((id) => communities[id]!.length >= MIN_SIZE);
  // Weight from every node to each community, read once.
  const toCommunity = new Map<string, Map<number, number>>();
  graph.forEachNode((node) => {
    const weights = new Map<number, number>();
    graph.forEachEdge(node, (_edge, attributes, source, target) => {
      const other = graph.getNodeAttribute(source === node ? target : source, 'community');
      weights.set(other, (weights.get(other) ?? 0) + attributes.weight);
    });
    toCommunity.set(node, weights);
  });
  const central = (id: number): { id: string; name: string } => {
    const node = [...communities[id]!].sort(
      (a, b) =>
        (betweenness[b] ?? 0) - (betweenness[a] ?? 0) ||
        weightedDegreeOf(graph, b) - weightedDegreeOf(graph, a) ||
        a.localeCompare(b),
    )[0]!;
    return { id: node, name: graph.getNodeAttribute(node, 'name') };
  };

  const gaps: (StructuralGap & { missing: number })[] = [];
  for (const [i, a] of large.entries()) {
    for (const b of large.slice(i + 1)) {
      const links = communities[a]!.reduce((sum, node) => sum + (toCommunity.get(node)!.get(b) ?? 0), 0);
      const expected = (strength[a]! * strength[b]!) / (2 * total);
      if (links >= expected) continue;
      const bridges = graph
        .mapNodes((node, attributes) => ({
          id: node,
          name: attributes.name,
          toA: toCommunity.get(node)!.get(a) ?? 0,
          toB: toCommunity.get(node)!.get(b) ?? 0,
        }))
        .filter((bridge) => bridge.toA > 0 && bridge.toB > 0)
        .sort(
          (x, y) =>
            Math.min(y.toA, y.toB) - Math.min(x.toA, x.toB) ||
            (betweenness[y.id] ?? 0) - (betweenness[x.id] ?? 0) ||
            x.id.localeCompare(y.id),
        )
        .slice(0, MAX_BRIDGES);
      gaps.push({
        a,
        b,
        links,
        expected: Math.round(expected * 100) / 100,
        bridges,
        suggested: [central(a), central(b)],
        missing: expected - links,
      });
    }
  }
  return gaps
    .sort((x, y) => y.missing - x.missing || x.a - y.a || x.b - y.b)
    .slice(0, MAX_GAPS)
    .map(({ missing: _missing, ...gap }) => gap);
}

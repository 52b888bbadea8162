import louvainExport from 'graphology-communities-louvain';
import betweennessExport from 'graphology-metrics/centrality/betweenness.js';
import {
  seededRandom,
  type Community,
  type NodeCentrality,
  type ThemeCommunities,
} from '../../model/index.js';
import { structuralGaps } from './structural-gaps.js';
import { toGraph, weightedDegreeOf, type WeightedNetwork } from './weighted-graph.js';

/**
 * Communities, central nodes and structural gaps of a weighted network, the reading InfraNodus
 * and Gephi give a map: a pure function of nodes and weighted links, so it reads the themes map
 * whatever its nodes are (themes, theme concepts) and whatever selected its links (a time window).
 *
 * - Communities: Louvain (graphology-communities-louvain) on the link weights, resolution 1, with
 *   a seeded random source so one network always gets the same partition.
 * - Centrality: weighted degree (the sum of a node's link weights) and betweenness (Brandes, via
 *   graphology-metrics), normalised to 0–1, with a link's length 1/weight so that strong links are
 *   short: a node of high betweenness lies on the short ways between otherwise distant parts.
 * - Each community is named by its top themes: the highest weighted degree inside it.
 */

// Both packages are CommonJS with an ES-style d.ts: Node hands over module.exports itself, which
// their d.ts calls `default`.
const louvain = louvainExport as unknown as typeof louvainExport.default;
const betweennessCentrality = betweennessExport as unknown as typeof betweennessExport.default;

/** Themes that name a community. */
const NAME_THEMES = 3;

export function analyseNetwork(input: WeightedNetwork): ThemeCommunities {
  const graph = toGraph(input);
  if (graph.size === 0) {
    return { communities: [], nodes: [], gaps: [], modularity: 0 };
  }
  const detected = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(1) });
  const weightedDegree = new Map(graph.mapNodes((node) => [node, weightedDegreeOf(graph, node)] as const));
  const betweenness = betweennessCentrality(graph, { getEdgeWeight: 'length', normalized: true });

  // Louvain's numbering is arbitrary: the largest community is 0, ties by their strongest member.
  const members = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const found = detected.communities[node]!;
    const list = members.get(found);
    if (list) list.push(node);
    else members.set(found, [node]);
  });
  const byStrength = (a: string, b: string): number =>
    weightedDegree.get(b)! - weightedDegree.get(a)! || a.localeCompare(b);
  const groups = [...members.values()]
    .map((nodes) => nodes.sort(byStrength))
    .sort((a, b) => b.length - a.length || byStrength(a[0]!, b[0]!));
  groups.forEach((nodes, id) => nodes.forEach((node) => graph.setNodeAttribute(node, 'community', id)));

  // A community is named by the members most linked inside it, not by hubs that only pass through.
  const inside = new Map(
    graph.mapNodes((node, attributes) => [
      node,
      graph.reduceEdges(
        node,
        (sum, _edge, link, source, target) =>
          graph.getNodeAttribute(source === node ? target : source, 'community') === attributes.community
            ? sum + link.weight
            : sum,
        0,
      ),
    ]),
  );
  const communities: Community[] = groups.map((nodes, id) => {
    const top = [...nodes]
      .sort((a, b) => inside.get(b)! - inside.get(a)! || byStrength(a, b))
      .slice(0, NAME_THEMES);
    return {
      id,
      name: top.map((node) => graph.getNodeAttribute(node, 'name')).join(' · '),
      size: nodes.length,
      top,
    };
  });
  const nodes: NodeCentrality[] = graph.mapNodes((node, attributes) => ({
    id: node,
    community: attributes.community,
    weightedDegree: weightedDegree.get(node)!,
    betweenness: round(betweenness[node] ?? 0),
  }));
  return {
    communities,
    nodes,
    gaps: structuralGaps(graph, groups, betweenness),
    modularity: round(detected.modularity),
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

import { UndirectedGraph } from 'graphology';

/** A network as the API draws it: nodes, and undirected links weighted by shared articles. */
export interface WeightedNetwork {
  nodes: readonly { id: string; name: string }[];
  edges: readonly { source: string; target: string; weight: number }[];
}

export interface NodeAttributes {
  name: string;
  /** Set by the community detection; -1 before. */
  community: number;
}
export interface EdgeAttributes {
  weight: number;
  /** 1/weight: the distance shortest paths (betweenness) go by, so strong links are short. */
  length: number;
}
export type Network = UndirectedGraph<NodeAttributes, EdgeAttributes>;

/** The network as a graphology graph, without self-links, links of no weight, or lone nodes. */
export function toGraph(input: WeightedNetwork): Network {
  const graph: Network = new UndirectedGraph();
  for (const node of input.nodes) graph.mergeNode(node.id, { name: node.name, community: -1 });
  for (const edge of input.edges) {
    if (edge.source === edge.target || !(edge.weight > 0)) continue;
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    // Two links between one pair (not in our networks, but possible input) add up.
    const weight =
      (graph.hasEdge(edge.source, edge.target)
        ? graph.getEdgeAttribute(edge.source, edge.target, 'weight')
        : 0) + edge.weight;
    graph.mergeEdge(edge.source, edge.target, { weight, length: 1 / weight });
  }
  // A node with no link has no community to belong to and no path to lie on.
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) graph.dropNode(node);
  });
  return graph;
}

export function weightedDegreeOf(graph: Network, node: string): number {
  return graph.reduceEdges(node, (sum, _edge, attributes) => sum + attributes.weight, 0);
}

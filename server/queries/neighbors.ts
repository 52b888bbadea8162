import type { Elements, NodeLabel } from '../../model/index.js';
import { edgeData, ElementsBuilder, nodeData } from '../graph/elements.js';
import { matchNodePattern, nodeRefOf, type NodeTarget } from '../graph/node-ref.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { int } from '../graph/parameters.js';

/**
 * A node, its neighbours (best connected first, then newest, then by name) and every relationship
 * between them. The limit counts neighbours, not relationships: an entity named twice in one
 * article gives two edges to it.
 */
export function neighborsQuery(target: NodeTarget): string {
  return `
MATCH ${matchNodePattern('c', target, 'key')}
CALL (c) {
  MATCH (c)-[]-(m)
  WHERE size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels)
  RETURN count(DISTINCT m) AS total
}
CALL (c) {
  MATCH (c)-[r]-(m)
  WHERE size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels)
  WITH m, collect({type: type(r), properties: properties(r), outgoing: startNode(r) = c}) AS rels
  ORDER BY coalesce(m.articleCount, 0) DESC, coalesce(toString(m.date), '') DESC, coalesce(m.name, m.title, m.id)
  LIMIT $limit
  RETURN collect({labels: labels(m), properties: properties(m), rels: rels}) AS neighbors
}
RETURN labels(c) AS labels, properties(c) AS properties, total, neighbors`;
}

interface NeighborRow {
  labels: string[];
  properties: Record<string, unknown>;
  rels: { type: string; properties: Record<string, unknown>; outgoing: boolean }[];
}

export interface NeighborsResult {
  elements: Elements;
  /** Neighbours matching the filter, before the limit. */
  total: number;
}

export async function readNeighbors(
  tx: QueryRunner,
  target: NodeTarget,
  input: { labels: NodeLabel[]; limit: number },
): Promise<NeighborsResult | null> {
  const { records } = await tx.run(neighborsQuery(target), {
    key: target.key,
    labels: input.labels,
    limit: int(input.limit),
  });
  const record = records[0];
  if (!record) return null;
  const builder = new ElementsBuilder();
  const centre = builder.addNode(nodeData(target.label, record.get('properties')));
  for (const neighbor of record.get('neighbors') as NeighborRow[]) {
    const ref = nodeRefOf(neighbor.labels, neighbor.properties);
    if (!ref) continue;
    const other = builder.addNode(nodeData(ref.label, neighbor.properties));
    for (const rel of neighbor.rels) {
      const [source, targetId] = rel.outgoing ? [centre, other] : [other, centre];
      builder.addEdge(edgeData(rel.type, source, targetId, rel.properties));
    }
  }
  return { elements: builder.build(), total: record.get('total') as number };
}

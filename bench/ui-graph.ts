import {
  ENTITY_LABELS,
  nodeId,
  relationshipId,
  ARTICLE_REL,
  seededRandom,
  type CypherResponse,
  type Elements,
} from '../model/index.js';

/**
 * A synthetic graph shaped like the real one: a quarter of the nodes are articles, the rest
 * entities whose popularity follows a Zipf-like law, every edge an article → entity link.
 * Deterministic (seeded), so runs compare.
 */
export function syntheticGraph(nodeCount: number, edgeCount: number, seed = 42): Elements {
  const random = seededRandom(seed);
  const articles = Math.max(1, Math.round(nodeCount * 0.25));
  const entities = Math.max(1, nodeCount - articles);
  const nodes: Elements['nodes'] = [];
  for (let i = 0; i < articles; i += 1) {
    nodes.push({
      data: { id: nodeId('Article', `a${i}`), label: 'Article', name: `Synthetic article ${i} about things` },
    });
  }
  const entityIds: string[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < entities; i += 1) {
    const label = ENTITY_LABELS[i % ENTITY_LABELS.length]!;
    const id = nodeId(label, `e${i}`);
    entityIds.push(id);
    nodes.push({ data: { id, label, name: `${label.toLowerCase()} ${i}` } });
  }
  const edges: Elements['edges'] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (edges.length < edgeCount && guard < edgeCount * 20) {
    guard += 1;
    const article = Math.floor(random() * articles);
    // Every entity is named by some article (as in the real graph); beyond that, Zipf-ish: low
    // indexes far more popular.
    const entity =
      guard <= entities ? guard - 1 : Math.min(entities - 1, Math.floor(entities * random() ** 2.2));
    const source = nodeId('Article', `a${article}`);
    const target = entityIds[entity]!;
    const label = ENTITY_LABELS[entity % ENTITY_LABELS.length]!;
    const type = ARTICLE_REL[label];
    const id = relationshipId(type, source, target);
    if (seen.has(id)) continue;
    seen.add(id);
    counts.set(target, (counts.get(target) ?? 0) + 1);
    edges.push({ data: { id, source, target, type } });
  }
  for (const node of nodes) {
    const count = counts.get(node.data.id);
    if (count !== undefined) node.data.articleCount = count;
  }
  return { nodes, edges };
}

/** A POST /api/cypher answer holding the graph, with at most `rowCap` rows like the real server. */
export function cypherAnswer(elements: Elements, rowCap = 1_000): CypherResponse {
  const byId = new Map(elements.nodes.map((node) => [node.data.id, node.data]));
  const rows = elements.edges.slice(0, rowCap).map((edge) => {
    const a = byId.get(edge.data.source)!;
    const e = byId.get(edge.data.target)!;
    return [
      { id: a.id, label: a.label, labels: [a.label], properties: { id: a.id, title: a.name } },
      { id: edge.data.id, type: edge.data.type, source: a.id, target: e.id, properties: {} },
      { id: e.id, label: e.label, labels: [e.label], properties: { key: e.id, name: e.name } },
    ];
  });
  return {
    columns: ['a', 'r', 'e'],
    rows,
    elements,
    truncated: elements.edges.length > rowCap,
    summary: { queryType: 'r', rowCount: rows.length, resultAvailableAfterMs: 1, resultConsumedAfterMs: 2 },
  };
}

import type { Driver } from 'neo4j-driver';
import { CONCEPT_LABELS, CONCEPT_NODE_PROPERTIES } from '../../model/index.js';

/** Properties that differ between two equal ingests (when they ran). */
const VOLATILE = new Set(['ingestedAt']);
/** 384 numbers per name: its hash (embeddingHash) says the same in a line. */
const BULKY = new Set([
  'embedding',
  'neighbourKeys',
  'neighbourCosines',
  'headEmbedding',
  'headNeighbourKeys',
  'headNeighbourCosines',
  'nearHeadKeys',
  'nearHeadCosines',
]);
/** Properties and relationships the concept recomputation derives from the facts (groups/README.md). */
const DERIVED_PROPERTIES: ReadonlySet<string> = new Set(CONCEPT_NODE_PROPERTIES);
const DERIVED_TYPES = ['IN_GROUP', 'CO_OCCURS'];
const DERIVED_LABELS = Object.values(CONCEPT_LABELS);

export interface DumpOptions {
  /**
   * Leave out what the concept recomputation derives: concept groups, memberships, stored
   * co-occurrence and vectors. Its candidates come from an approximate (HNSW) vector index, whose
   * graph depends on the order names were added, so two equal sets of facts may be grouped a little
   * differently; the facts themselves must be equal.
   */
  factsOnly?: boolean;
}

/**
 * The whole graph as sorted lines, nodes by label and key, relationships by their end keys: two
 * graphs with the same facts give the same dump whatever order they were written in.
 */
export async function dumpGraph(driver: Driver, options: DumpOptions = {}): Promise<string[]> {
  const factsOnly = options.factsOnly === true;
  const { records: nodes } = await driver.executeQuery(
    'MATCH (n) WHERE NOT (any(label IN labels(n) WHERE label IN $skipLabels)) RETURN labels(n) AS labels, properties(n) AS props',
    { skipLabels: factsOnly ? DERIVED_LABELS : [] },
  );
  const { records: rels } = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE NOT type(r) IN $skipTypes
     RETURN type(r) AS type, properties(r) AS props,
            labels(a)[0] + ':' + coalesce(a.id, a.key) AS from, labels(b)[0] + ':' + coalesce(b.id, b.key) AS to`,
    { skipTypes: factsOnly ? DERIVED_TYPES : [] },
  );
  const skip = factsOnly ? new Set([...VOLATILE, ...DERIVED_PROPERTIES]) : new Set([...VOLATILE, ...BULKY]);
  const lines = [
    ...nodes.map(
      (r) => `(${(r.get('labels') as string[]).sort().join(':')} ${stable(r.get('props'), skip)})`,
    ),
    ...rels.map(
      (r) => `[${r.get('from')}]-${r.get('type')} ${stable(r.get('props'), skip)}->[${r.get('to')}]`,
    ),
  ];
  return lines.sort();
}

function stable(props: Record<string, unknown>, skip: ReadonlySet<string>): string {
  const kept = Object.keys(props)
    .filter((key) => !skip.has(key))
    .sort()
    .map((key) => [key, String(props[key])]);
  return JSON.stringify(kept);
}

import { int, type Driver } from 'neo4j-driver';
import type { GroupedLabel } from '../model/labels.js';
import type { Neighbour, NeighbourLists } from './concepts.js';
import { vectorIndexName } from './embeddings.js';

/**
 * Each name's nearest names by the vector index (embeddings.ts puts the vectors there), kept on the
 * nodes so that a recomputation asks the index only for names whose vector changed.
 */

function statements(label: GroupedLabel) {
  return {
    /**
     * Nearest nodes of the same label by the vector index, for nodes whose stored list is missing
     * or was made from another vector, and stored on them (`neighbourKeys`, `neighbourCosines`,
     * `neighboursHash` = the embeddingHash they were found for). Neo4j's cosine score is
     * (1 + cosine) / 2; it is turned back into the cosine here.
     */
    findNeighbours: `UNWIND $keys AS key
MATCH (n:${label} {key: key}) WHERE n.embedding IS NOT NULL
CALL (n) {
  CALL db.index.vector.queryNodes('${vectorIndexName(label)}', $count, n.embedding) YIELD node, score
  WITH node, score WHERE node <> n
  RETURN collect(node.key) AS keys, collect(2 * score - 1) AS cosines
}
SET n.neighbourKeys = keys, n.neighbourCosines = cosines, n.neighboursHash = n.embeddingHash
RETURN key, keys, cosines`,
    /** The same for a head: the names nearest it, by the name index (`headNeighbour…`). */
    findHeadNeighbours: `UNWIND $keys AS key
MATCH (n:${label} {key: key}) WHERE n.headEmbedding IS NOT NULL
CALL (n) {
  CALL db.index.vector.queryNodes('${vectorIndexName(label)}', $count, n.headEmbedding) YIELD node, score
  WITH node, score WHERE node <> n
  ORDER BY score DESC LIMIT $limit
  RETURN collect(node.key) AS keys, collect(2 * score - 1) AS cosines
}
SET n.headNeighbourKeys = keys, n.headNeighbourCosines = cosines, n.headNeighboursHash = n.headEmbeddingHash
RETURN key, keys, cosines`,
    storedNeighbours: `MATCH (n:${label}) WHERE n.embedding IS NOT NULL
RETURN n.key AS key,
       CASE WHEN n.neighboursHash = n.embeddingHash THEN n.neighbourKeys END AS keys,
       CASE WHEN n.neighboursHash = n.embeddingHash THEN n.neighbourCosines END AS cosines,
       n.headEmbeddingHash IS NOT NULL AS hasHead,
       CASE WHEN n.headNeighboursHash = n.headEmbeddingHash THEN n.headNeighbourKeys END AS headKeys,
       CASE WHEN n.headNeighboursHash = n.headEmbeddingHash THEN n.headNeighbourCosines END AS headCosines`,
  };
}

/**
 * Every node's `count` nearest nodes of its label, and for a node with a head, the `count` nodes
 * nearest its head. Lists found before are read back; only nodes without a current list (new names,
 * new vectors) ask the vector index, and keep what it says. Clustering makes the lists symmetric, so
 * an old name meets a new one through the new one's list. (An old name's head list is not asked
 * again when new names arrive: a new name meets an old head only if that head's stored list holds it,
 * or once the old name is renamed.)
 */
export async function readNeighbours(
  driver: Driver,
  label: GroupedLabel,
  count: number,
  options: { database?: string; batchSize?: number } = {},
): Promise<{ neighbours: NeighbourLists; queried: number; headsQueried: number }> {
  const { database, batchSize = 1_000 } = options;
  const sql = statements(label);
  const toList = (keys: string[], cosines: number[]): Neighbour[] =>
    keys.map((key, index) => ({ key, cosine: cosines[index]! }));
  const names = new Map<string, Neighbour[]>();
  const heads = new Map<string, Neighbour[]>();
  const missing: string[] = [];
  const missingHeads: string[] = [];
  const { records } = await driver.executeQuery(sql.storedNeighbours, {}, { database, routing: 'READ' });
  for (const record of records) {
    const key = record.get('key') as string;
    const keys = record.get('keys') as string[] | null;
    if (keys) names.set(key, toList(keys, record.get('cosines') as number[]));
    else missing.push(key);
    if (!record.get('hasHead')) continue;
    const headKeys = record.get('headKeys') as string[] | null;
    if (headKeys) heads.set(key, toList(headKeys, record.get('headCosines') as number[]));
    else missingHeads.push(key);
  }
  const query = async (statement: string, keys: readonly string[], into: Map<string, Neighbour[]>) => {
    for (let at = 0; at < keys.length; at += batchSize) {
      const { records: found } = await driver.executeQuery(
        statement,
        // One more than asked: the node itself comes back (first, for its own vector) and is dropped.
        { keys: keys.slice(at, at + batchSize), count: int(count + 1), limit: int(count) },
        { database },
      );
      for (const record of found)
        into.set(
          record.get('key') as string,
          toList(record.get('keys') as string[], record.get('cosines') as number[]),
        );
    }
  };
  await query(sql.findNeighbours, missing, names);
  await query(sql.findHeadNeighbours, missingHeads, heads);
  return { neighbours: { names, heads }, queried: missing.length, headsQueried: missingHeads.length };
}

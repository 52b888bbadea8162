import { createHash } from 'node:crypto';
import { int, type Driver } from 'neo4j-driver';
import { DIMENSIONS, MODEL_NAME, type Embedder } from '../embed/embedder.js';
import type { GroupedLabel } from '../model/labels.js';
import { CONCEPT_RULES, embeddedHead, embeddedText } from './concept-rule.js';
import type { Neighbour, NeighbourLists } from './concepts.js';

/**
 * Vectors on the nodes of a grouped label, and a vector index over them.
 *
 * Each node keeps `embedding` (384 float32s) and `embeddingHash`, a hash of the model's name and
 * the text embedded (the node's name, as the label's rule prepares it: concept-rule.ts). A node whose hash is current is never embedded again, so a
 * re-ingest embeds only new names, and a re-ingest of unchanged files embeds nothing. Texts are
 * embedded once per run, however many labels carry them.
 *
 * A label whose rule compares heads (concept-rule.ts `compareHeads`) also keeps `headEmbedding` and
 * `headEmbeddingHash` on names that have a head of their own, cached the same way. Heads need no
 * index of their own: the names nearest a head are asked of the name index with the head's vector.
 */

export function vectorIndexName(label: GroupedLabel): string {
  return `${label.toLowerCase()}_embedding`;
}

export function embeddingHash(text: string): string {
  return createHash('sha256').update(`${MODEL_NAME}\n${text}`).digest('base64url').slice(0, 22);
}

const NAME = 'coalesce(n.name, n.key)';

function statements(label: GroupedLabel) {
  return {
    index: `CREATE VECTOR INDEX ${vectorIndexName(label)} IF NOT EXISTS
FOR (n:${label}) ON n.embedding
OPTIONS {indexConfig: {\`vector.dimensions\`: ${DIMENSIONS}, \`vector.similarity_function\`: 'cosine'}}`,
    read: `MATCH (n:${label}) WHERE n.key IS NOT NULL
RETURN n.key AS key, ${NAME} AS name, n.embeddingHash AS hash, n.headEmbeddingHash AS headHash`,
    write: `UNWIND $rows AS row
MATCH (n:${label} {key: row.key})
CALL db.create.setNodeVectorProperty(n, 'embedding', row.vector)
SET n.embeddingHash = row.hash`,
    writeHead: `UNWIND $rows AS row
MATCH (n:${label} {key: row.key})
CALL db.create.setNodeVectorProperty(n, 'headEmbedding', row.vector)
SET n.headEmbeddingHash = row.hash`,
    /** A name renamed to one without a head of its own loses the old head and what was found for it. */
    removeHead: `UNWIND $keys AS key
MATCH (n:${label} {key: key})
REMOVE n.headEmbedding, n.headEmbeddingHash, n.headNeighbourKeys, n.headNeighbourCosines, n.headNeighboursHash`,
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

export interface EmbedResult {
  nodes: number;
  /** Nodes given a new vector. */
  embedded: number;
  /** Nodes given a new head vector, or losing the one they had (compareHeads rules only). */
  headsEmbedded: number;
  /** Texts the model computed (fewer than `embedded` + `headsEmbedded` when texts repeat). */
  computed: number;
  ms: number;
}

/** A run's vectors by text hash, shared by the labels it embeds. */
export type VectorMemo = Map<string, Float32Array>;

export async function ensureVectorIndex(
  driver: Driver,
  label: GroupedLabel,
  database?: string,
): Promise<void> {
  await driver.executeQuery(statements(label).index, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}

interface StaleVector {
  key: string;
  text: string;
  hash: string;
}

export async function embedLabel(
  driver: Driver,
  embedder: Embedder,
  label: GroupedLabel,
  options: { database?: string; memo?: VectorMemo; batchSize?: number } = {},
): Promise<EmbedResult> {
  const started = performance.now();
  const { database, memo = new Map(), batchSize = 2_000 } = options;
  const sql = statements(label);
  await ensureVectorIndex(driver, label, database);
  const { records } = await driver.executeQuery(sql.read, {}, { database, routing: 'READ' });
  const stale: StaleVector[] = [];
  const staleHeads: StaleVector[] = [];
  const headless: string[] = [];
  for (const record of records) {
    const key = record.get('key') as string;
    const name = record.get('name') as string;
    const text = embeddedText(label, name);
    const hash = embeddingHash(text);
    if (record.get('hash') !== hash) stale.push({ key, text, hash });
    if (!CONCEPT_RULES[label].compareHeads) continue;
    const head = embeddedHead(label, name);
    const headHash = head === null ? null : embeddingHash(head);
    if (record.get('headHash') === headHash) continue;
    if (head === null) headless.push(key);
    else staleHeads.push({ key, text: head, hash: headHash! });
  }
  const missing = [
    ...new Map([...stale, ...staleHeads].filter((node) => !memo.has(node.hash)).map((n) => [n.hash, n.text])),
  ];
  const computed = await embedder.embed(missing.map(([, text]) => text));
  missing.forEach(([hash], index) => memo.set(hash, computed[index]!));
  const write = async (statement: string, nodes: readonly StaleVector[]): Promise<void> => {
    for (let at = 0; at < nodes.length; at += batchSize) {
      const rows = nodes
        .slice(at, at + batchSize)
        .map((node) => ({ key: node.key, hash: node.hash, vector: Array.from(memo.get(node.hash)!) }));
      await driver.executeQuery(statement, { rows }, { database });
    }
  };
  await write(sql.write, stale);
  await write(sql.writeHead, staleHeads);
  for (let at = 0; at < headless.length; at += batchSize)
    await driver.executeQuery(sql.removeHead, { keys: headless.slice(at, at + batchSize) }, { database });
  return {
    nodes: records.length,
    embedded: stale.length,
    headsEmbedded: staleHeads.length + headless.length,
    computed: missing.length,
    ms: Math.round(performance.now() - started),
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

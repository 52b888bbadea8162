import { createHash } from 'node:crypto';
import { int, type Driver } from 'neo4j-driver';
import { DIMENSIONS, MODEL_NAME, type Embedder } from '../embed/embedder.js';
import type { GroupedLabel } from '../model/labels.js';
import { embeddedText } from './concept-rule.js';
import type { Neighbour } from './concepts.js';

/**
 * Vectors on the nodes of a grouped label, and a vector index over them.
 *
 * Each node keeps `embedding` (384 float32s) and `embeddingHash`, a hash of the model's name and
 * the text embedded (the node's name, as the label's rule prepares it: concept-rule.ts). A node whose hash is current is never embedded again, so a
 * re-ingest embeds only new names, and a re-ingest of unchanged files embeds nothing. Texts are
 * embedded once per run, however many labels carry them.
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
RETURN n.key AS key, ${NAME} AS name, n.embeddingHash AS hash`,
    write: `UNWIND $rows AS row
MATCH (n:${label} {key: row.key})
CALL db.create.setNodeVectorProperty(n, 'embedding', row.vector)
SET n.embeddingHash = row.hash`,
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
    storedNeighbours: `MATCH (n:${label}) WHERE n.embedding IS NOT NULL
RETURN n.key AS key,
       CASE WHEN n.neighboursHash = n.embeddingHash THEN n.neighbourKeys END AS keys,
       CASE WHEN n.neighboursHash = n.embeddingHash THEN n.neighbourCosines END AS cosines`,
  };
}

export interface EmbedResult {
  nodes: number;
  /** Nodes given a new vector. */
  embedded: number;
  /** Texts the model computed (fewer than `embedded` when texts repeat). */
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
  const stale = records
    .map((record) => ({
      key: record.get('key') as string,
      text: embeddedText(label, record.get('name') as string),
      stored: record.get('hash'),
    }))
    .map((node) => ({ ...node, hash: embeddingHash(node.text) }))
    .filter((node) => node.stored !== node.hash);
  const missing = [...new Map(stale.filter((node) => !memo.has(node.hash)).map((n) => [n.hash, n.text]))];
  const computed = await embedder.embed(missing.map(([, text]) => text));
  missing.forEach(([hash], index) => memo.set(hash, computed[index]!));
  for (let at = 0; at < stale.length; at += batchSize) {
    const rows = stale
      .slice(at, at + batchSize)
      .map((node) => ({ key: node.key, hash: node.hash, vector: Array.from(memo.get(node.hash)!) }));
    await driver.executeQuery(sql.write, { rows }, { database });
  }
  return {
    nodes: records.length,
    embedded: stale.length,
    computed: missing.length,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Every node's `count` nearest nodes of its label. Lists found before are read back; only nodes
 * without a current list (new names, new vectors) ask the vector index, and keep what it says.
 * Clustering makes the lists symmetric, so an old name meets a new one through the new one's list.
 */
export async function readNeighbours(
  driver: Driver,
  label: GroupedLabel,
  count: number,
  options: { database?: string; batchSize?: number } = {},
): Promise<{ neighbours: Map<string, Neighbour[]>; queried: number }> {
  const { database, batchSize = 1_000 } = options;
  const sql = statements(label);
  const toList = (keys: string[], cosines: number[]): Neighbour[] =>
    keys.map((key, index) => ({ key, cosine: cosines[index]! }));
  const neighbours = new Map<string, Neighbour[]>();
  const missing: string[] = [];
  const { records } = await driver.executeQuery(sql.storedNeighbours, {}, { database, routing: 'READ' });
  for (const record of records) {
    const keys = record.get('keys') as string[] | null;
    if (keys) neighbours.set(record.get('key') as string, toList(keys, record.get('cosines') as number[]));
    else missing.push(record.get('key') as string);
  }
  for (let at = 0; at < missing.length; at += batchSize) {
    const { records: found } = await driver.executeQuery(
      sql.findNeighbours,
      // One more than asked: the node itself comes back first and is dropped.
      { keys: missing.slice(at, at + batchSize), count: int(count + 1) },
      { database },
    );
    for (const record of found) {
      neighbours.set(
        record.get('key') as string,
        toList(record.get('keys') as string[], record.get('cosines') as number[]),
      );
    }
  }
  return { neighbours, queried: missing.length };
}

import { createHash } from 'node:crypto';
import { resultTransformers, type Driver } from 'neo4j-driver';
import { DIMENSIONS, MODEL_NAME, type Embedder } from '../embed/embedder.js';
import { GROUPED_LABELS, type GroupedLabel } from '../model/labels.js';
import { CONCEPT_RULES, embeddedHead, embeddedText } from './concept-rule.js';
import {
  chunksOf,
  distinctTexts,
  vectorRows,
  VectorMemo,
  type StaleVector,
  type TextToEmbed,
  type VectorRow,
} from './embedding-plan.js';

/**
 * Vectors on the nodes of a grouped label, and a vector index over them.
 *
 * Each node keeps `embedding` (384 float32s) and `embeddingHash`, a hash of the model's name and
 * the text embedded (the node's name, as the label's rule prepares it: concept-rule.ts). A node whose hash is current is never embedded again, so a
 * re-ingest embeds only new names, and a re-ingest of unchanged files embeds nothing. Texts are
 * embedded once per run, however many labels carry them.
 *
 * A label whose rule compares heads (concept-rule.ts `compareHeads`) also keeps `headEmbedding` and
 * `headEmbeddingHash` on names that have a head of their own, cached the same way. The names
 * nearest a head are asked of the name index with the head's vector; a head index (`headIndexName`)
 * answers the other way round, which heads are nearest a name (neighbours.ts).
 */

export function vectorIndexName(label: GroupedLabel): string {
  return `${label.toLowerCase()}_embedding`;
}

/** The index of head vectors, asked with a name's vector for the names whose heads are near it. */
export function headIndexName(label: GroupedLabel): string {
  return `${label.toLowerCase()}_head_embedding`;
}

export function embeddingHash(text: string): string {
  return createHash('sha256').update(`${MODEL_NAME}\n${text}`).digest('base64url').slice(0, 22);
}

const NAME = 'coalesce(n.name, n.key)';

function statements(label: GroupedLabel) {
  return {
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

/**
 * Makes a vector index if it does not exist. Neo4j fills a new one in the background, so the next
 * label can be embedded meanwhile; `awaitVectorIndex` waits for it before it is asked.
 */
export async function createVectorIndex(
  driver: Driver,
  label: GroupedLabel,
  database?: string,
  property: 'embedding' | 'headEmbedding' = 'embedding',
): Promise<void> {
  const name = property === 'embedding' ? vectorIndexName(label) : headIndexName(label);
  await driver.executeQuery(
    `CREATE VECTOR INDEX ${name} IF NOT EXISTS
FOR (n:${label}) ON n.${property}
OPTIONS {indexConfig: {\`vector.dimensions\`: ${DIMENSIONS}, \`vector.similarity_function\`: 'cosine'}}`,
    {},
    { database },
  );
}

export async function awaitVectorIndex(driver: Driver, name: string, database?: string): Promise<void> {
  // A first population of 100,000 documents' names takes minutes on a loaded machine.
  await driver.executeQuery('CALL db.awaitIndex($name, 3600)', { name }, { database });
}

/**
 * Drops every grouped label's vector indexes, for an emptied graph (`--reset`): the next embedding
 * makes them again after its writes, in one population each.
 */
export async function dropVectorIndexes(driver: Driver, database?: string): Promise<void> {
  for (const label of GROUPED_LABELS)
    for (const name of [vectorIndexName(label), headIndexName(label)])
      await driver.executeQuery(`DROP INDEX ${name} IF EXISTS`, {}, { database });
}

/** What a label must embed: its stale texts, and the nodes losing a head vector. */
export interface StaleVectors {
  nodes: number;
  texts: TextToEmbed[];
  /** Nodes whose name's vector is not current. */
  names: number;
  /** Nodes whose head's vector is not current. */
  heads: number;
  /** Nodes renamed to a name without a head of its own: their head vector goes. */
  headless: string[];
  readMs: number;
}

/** A node as read for embedding: its name and the hashes of the vectors it holds. */
export interface StoredHashes {
  key: string;
  name: string;
  hash: string | null;
  headHash: string | null;
}

/** Which of a label's nodes need a vector or a head vector, or lose their head vector. */
export function staleVectors(
  label: GroupedLabel,
  nodes: readonly StoredHashes[],
): Omit<StaleVectors, 'readMs'> {
  const names: StaleVector[] = [];
  const heads: StaleVector[] = [];
  const headless: string[] = [];
  for (const { key, name, ...stored } of nodes) {
    const text = embeddedText(label, name);
    const hash = embeddingHash(text);
    if (stored.hash !== hash) names.push({ key, text, hash });
    if (!CONCEPT_RULES[label].compareHeads) continue;
    const head = embeddedHead(label, name);
    const headHash = head === null ? null : embeddingHash(head);
    if (stored.headHash === headHash) continue;
    if (head === null) headless.push(key);
    else heads.push({ key, text: head, hash: headHash! });
  }
  return {
    nodes: nodes.length,
    texts: distinctTexts(names, heads),
    names: names.length,
    heads: heads.length,
    headless,
  };
}

/** Every node of the label with its name and the hashes of its stored vectors. */
export async function readStoredHashes(
  driver: Driver,
  label: GroupedLabel,
  database?: string,
): Promise<StoredHashes[]> {
  return driver.executeQuery(
    statements(label).read,
    {},
    {
      database,
      routing: 'READ',
      resultTransformer: resultTransformers.mappedResultTransformer({
        map: (record) => record.toObject() as StoredHashes,
        collect: (objects) => objects,
      }),
    },
  );
}

export async function readStaleVectors(
  driver: Driver,
  label: GroupedLabel,
  database?: string,
): Promise<StaleVectors> {
  const started = performance.now();
  const stale = staleVectors(label, await readStoredHashes(driver, label, database));
  return { ...stale, readMs: performance.now() - started };
}

export interface EmbedOptions {
  database?: string;
  /** Distinct texts embedded and written at a time: at most this many vectors are alive. */
  chunkSize?: number;
  /** Rows per write statement. */
  batchSize?: number;
}

/**
 * Embeds a label's names (and heads) that have no current vector, a chunk of distinct texts at a
 * time, and writes each chunk's vectors before embedding the next. A vector in `memo` is not
 * computed again.
 */
export async function embedLabel(
  driver: Driver,
  embedder: Embedder,
  label: GroupedLabel,
  options: EmbedOptions & { memo?: VectorMemo } = {},
): Promise<EmbedResult> {
  const started = performance.now();
  const { database, memo, chunkSize = 4_096, batchSize = 2_000 } = options;
  const sql = statements(label);
  const stale = await readStaleVectors(driver, label, database);
  const write = async (statement: string, rows: readonly VectorRow[]) => {
    for (const batch of chunksOf(rows, batchSize)) {
      const params = batch.map(({ key, hash, vector }) => ({ key, hash, vector: Array.from(vector) }));
      await driver.executeQuery(statement, { rows: params }, { database });
    }
  };
  let computed = 0;
  for (const chunk of chunksOf(stale.texts, chunkSize)) {
    const missing = chunk.filter((text) => !memo?.get(text.hash));
    const vectors = await embedder.embed(missing.map((text) => text.text));
    computed += missing.length;
    const fresh = new Map(missing.map((text, index) => [text.hash, vectors[index]!]));
    const vectorOf = (hash: string): Float32Array => fresh.get(hash) ?? memo!.get(hash)!;
    await write(sql.write, vectorRows(chunk, 'nameKeys', vectorOf));
    await write(sql.writeHead, vectorRows(chunk, 'headKeys', vectorOf));
    for (const text of chunk) memo?.written(text.hash, vectorOf(text.hash));
  }
  for (const keys of chunksOf(stale.headless, batchSize))
    await driver.executeQuery(sql.removeHead, { keys }, { database });
  // Made after the vectors are written: a first ingest then fills each index in one population, a
  // few large Lucene segments, where an index made first takes one per write transaction (issues of
  // 10,000 documents: 9 against 31), and every query searches each segment (BENCHMARKS.md).
  await createVectorIndex(driver, label, database);
  if (CONCEPT_RULES[label].compareHeads) await createVectorIndex(driver, label, database, 'headEmbedding');
  return {
    nodes: stale.nodes,
    embedded: stale.names,
    headsEmbedded: stale.heads + stale.headless.length,
    computed,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Embeds the labels one after another, each text once: a vector computed for one label is kept
 * only while a label still to come needs it (VectorMemo). Every label is read twice, first for the
 * hashes of its stale texts only, then when it is embedded, so that one label's stale names are
 * held at a time, not every label's. The first read's time counts in each label's `ms`.
 */
export async function embedLabels(
  driver: Driver,
  embedder: Embedder,
  labels: readonly GroupedLabel[],
  options: EmbedOptions = {},
): Promise<Map<GroupedLabel, EmbedResult>> {
  const { memo, readMs } = await textsSharedByLabels(driver, labels, options.database);
  const results = new Map<GroupedLabel, EmbedResult>();
  for (const [index, label] of labels.entries()) {
    const result = await embedLabel(driver, embedder, label, { ...options, memo });
    results.set(label, { ...result, ms: Math.round(result.ms + readMs[index]!) });
  }
  return results;
}

async function textsSharedByLabels(
  driver: Driver,
  labels: readonly GroupedLabel[],
  database?: string,
): Promise<{ memo: VectorMemo; readMs: number[] }> {
  const staleHashes: string[][] = [];
  const readMs: number[] = [];
  for (const label of labels) {
    const stale = await readStaleVectors(driver, label, database);
    staleHashes.push(stale.texts.map((text) => text.hash));
    readMs.push(stale.readMs);
  }
  return { memo: new VectorMemo(staleHashes), readMs };
}

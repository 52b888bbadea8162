import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { DIMENSIONS, MODEL_NAME, type Embedder } from '../embed/embedder.js';
import type { GroupedLabel } from '../model/labels.js';
import { CONCEPT_RULES, embeddedHead, embeddedText } from './concept-rule.js';

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

/** A run's vectors by text hash, shared by the labels it embeds. */
export type VectorMemo = Map<string, Float32Array>;

export async function ensureVectorIndex(
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

/**
 * What a run must embed, kept small in memory (embeddings.ts does the reading and writing).
 *
 * A label's stale vectors are grouped by text, so a text carried by several of its names (or by a
 * name and another name's head) is embedded once; the texts are then embedded and written a chunk
 * at a time, so only one chunk of vectors is alive. Across labels, the memo keeps only the vectors
 * that a label still to be embedded will need, and drops each one after its last use: a run
 * embeds each text once without holding every vector it computed (nor every label's names).
 */

/** A node whose vector (or head vector) is not current: its key, the text to embed and its hash. */
export interface StaleVector {
  key: string;
  text: string;
  hash: string;
}

/** One text a label must embed, with the nodes it is the name or the head of. */
export interface TextToEmbed {
  hash: string;
  text: string;
  nameKeys: string[];
  headKeys: string[];
}

/** A label's stale names and heads as distinct texts, in the order first met. */
export function distinctTexts(names: readonly StaleVector[], heads: readonly StaleVector[]): TextToEmbed[] {
  const byHash = new Map<string, TextToEmbed>();
  const entry = ({ hash, text }: StaleVector): TextToEmbed => {
    let found = byHash.get(hash);
    if (!found) byHash.set(hash, (found = { hash, text, nameKeys: [], headKeys: [] }));
    return found;
  };
  for (const node of names) entry(node).nameKeys.push(node.key);
  for (const node of heads) entry(node).headKeys.push(node.key);
  return [...byHash.values()];
}

/** A node's new vector, as written. */
export interface VectorRow {
  key: string;
  hash: string;
  vector: Float32Array;
}

/** One row per node whose name (`nameKeys`) or head (`headKeys`) is one of the texts. */
export function vectorRows(
  texts: readonly TextToEmbed[],
  keys: 'nameKeys' | 'headKeys',
  vectorOf: (hash: string) => Float32Array,
): VectorRow[] {
  return texts.flatMap((text) =>
    text[keys].map((key) => ({ key, hash: text.hash, vector: vectorOf(text.hash) })),
  );
}

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}

/**
 * The vectors of texts shared by labels of one run. Built from every label's stale texts (their
 * hashes) before any is embedded, it keeps a vector only while a label that has not yet written it
 * needs it.
 */
export class VectorMemo {
  private readonly vectors = new Map<string, Float32Array>();
  /** For each text stale in more than one label: the labels that have not written it yet. */
  private readonly usesLeft = new Map<string, number>();

  /** `labels`: each label's distinct stale text hashes. */
  constructor(labels: Iterable<Iterable<string>>) {
    for (const hashes of labels)
      for (const hash of hashes) this.usesLeft.set(hash, (this.usesLeft.get(hash) ?? 0) + 1);
    for (const [hash, uses] of this.usesLeft) if (uses < 2) this.usesLeft.delete(hash);
  }

  get(hash: string): Float32Array | undefined {
    return this.vectors.get(hash);
  }

  /** A label has written this text's vector: kept for the labels still to come, else dropped. */
  written(hash: string, vector: Float32Array): void {
    const left = (this.usesLeft.get(hash) ?? 1) - 1;
    if (left > 0) {
      this.usesLeft.set(hash, left);
      this.vectors.set(hash, vector);
    } else {
      this.usesLeft.delete(hash);
      this.vectors.delete(hash);
    }
  }

  /** Vectors held now. */
  get size(): number {
    return this.vectors.size;
  }
}

import { idf, prefixLength } from './similarity.js';

/**
 * Distinct signatures packed into flat typed arrays (one allocation each, not one per signature):
 * at 440,000 issues the per-object overhead of small arrays would cost more than the data.
 * Features are numbered by rank in the global order, rarest first (ties alphabetical), so each
 * entry's ranks, sorted ascending, start with its most distinctive features: its prefix.
 */
export interface SignatureTable {
  size: number;
  /** Entry e's ranks are ranks[start[e] .. start[e + 1]). */
  start: Int32Array;
  ranks: Int32Array;
  /** Σ weights of each entry's features. */
  total: Float64Array;
  /** How many of each entry's first ranks form its prefix. */
  prefix: Int32Array;
  /** Issues sharing each entry's signature. */
  multiplicity: Int32Array;
  /** Feature and weight by rank. */
  feature: readonly string[];
  weight: Float64Array;
  /** Issues that have each feature, by rank. */
  frequency: Int32Array;
}

export function buildTable(
  signatures: readonly (readonly string[])[],
  multiplicity: readonly number[],
  threshold: number,
): SignatureTable {
  const count = new Map<string, number>();
  let issues = 0;
  signatures.forEach((features, entry) => {
    const times = multiplicity[entry]!;
    issues += times;
    for (const feature of features) count.set(feature, (count.get(feature) ?? 0) + times);
  });
  const feature = [...count.keys()].sort((a, b) => count.get(a)! - count.get(b)! || (a < b ? -1 : 1));
  const rankOf = new Map(feature.map((name, rank) => [name, rank]));
  const frequency = Int32Array.from(feature, (name) => count.get(name)!);
  const weight = Float64Array.from(frequency, (df) => idf(df, issues));

  const size = signatures.length;
  const start = new Int32Array(size + 1);
  signatures.forEach((features, entry) => (start[entry + 1] = start[entry]! + features.length));
  const ranks = new Int32Array(start[size]!);
  const total = new Float64Array(size);
  const prefix = new Int32Array(size);
  signatures.forEach((features, entry) => {
    const own = ranks.subarray(start[entry]!, start[entry + 1]!);
    features.forEach((name, index) => (own[index] = rankOf.get(name)!));
    own.sort();
    const weights = Float64Array.from(own, (rank) => weight[rank]!);
    total[entry] = weights.reduce((sum, value) => sum + value, 0);
    prefix[entry] = prefixLength(weights, total[entry]!, threshold);
  });
  return {
    size,
    start,
    ranks,
    total,
    prefix,
    multiplicity: Int32Array.from(multiplicity),
    feature,
    weight,
    frequency,
  };
}

/** Weighted Jaccard of two entries: a merge of their sorted ranks. */
export function entrySimilarity(table: SignatureTable, a: number, b: number): number {
  const { start, ranks, weight, total } = table;
  let i = start[a]!;
  let j = start[b]!;
  const endA = start[a + 1]!;
  const endB = start[b + 1]!;
  let shared = 0;
  while (i < endA && j < endB) {
    const ra = ranks[i]!;
    const rb = ranks[j]!;
    if (ra === rb) {
      shared += weight[ra]!;
      i += 1;
      j += 1;
    } else if (ra < rb) i += 1;
    else j += 1;
  }
  return shared / (total[a]! + total[b]! - shared);
}

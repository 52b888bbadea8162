/**
 * The similarity of two signatures: IDF-weighted Jaccard, Σ w(shared) / Σ w(either), with
 * w(f) = ln(1 + N / df(f)) over the N issues being grouped. A word in one issue of 438 weighs 6.1,
 * "ai" (70 of 438) weighs 2.0: sharing a rare word counts three times as much as sharing "ai".
 */

/** Slack for floating-point sums in the filters: a filter may only ever let more pairs through. */
export const EPSILON = 1e-9;

export function idf(documentFrequency: number, total: number): number {
  return Math.log(1 + total / documentFrequency);
}

export interface FeatureStats {
  /** Number of signatures counted (issues with at least one feature). */
  total: number;
  frequency: ReadonlyMap<string, number>;
}

export function featureStats(signatures: Iterable<readonly string[]>): FeatureStats {
  const frequency = new Map<string, number>();
  let total = 0;
  for (const features of signatures) {
    if (features.length === 0) continue;
    total += 1;
    for (const feature of new Set(features)) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  }
  return { total, frequency };
}

/** Weight of a feature; one never seen counts as seen once. */
export function featureWeight(stats: FeatureStats, feature: string): number {
  return idf(stats.frequency.get(feature) ?? 1, Math.max(stats.total, 1));
}

export interface Comparison {
  similarity: number;
  /** Shared features, heaviest (most distinctive) first. */
  shared: string[];
  onlyA: string[];
  onlyB: string[];
}

export function compareFeatures(
  a: readonly string[],
  b: readonly string[],
  weight: (feature: string) => number,
): Comparison {
  const inB = new Set(b);
  const inA = new Set(a);
  const shared = [...inA].filter((feature) => inB.has(feature));
  const onlyA = [...inA].filter((feature) => !inB.has(feature));
  const onlyB = [...inB].filter((feature) => !inA.has(feature));
  const sum = (features: string[]): number => features.reduce((total, feature) => total + weight(feature), 0);
  const union = sum(shared) + sum(onlyA) + sum(onlyB);
  const byWeight = (x: string, y: string): number => weight(y) - weight(x) || (x < y ? -1 : x > y ? 1 : 0);
  return {
    similarity: union === 0 ? 0 : sum(shared) / union,
    shared: shared.sort(byWeight),
    onlyA: onlyA.sort(byWeight),
    onlyB: onlyB.sort(byWeight),
  };
}

/**
 * Prefix filtering: with features in a global order (rarest first), two signatures x and y with
 * similarity ≥ t share a feature within both prefixes, where prefix(x) is the shortest run of x's
 * first features whose remainder weighs less than t·W(x). (The first shared feature z: if z were
 * after x's prefix, all of x∩y would lie in the remainder, so w(x∩y) < t·W(x) ≤ t·W(x∪y).)
 */
export function prefixLength(weights: Float64Array, total: number, threshold: number): number {
  let rest = total;
  let length = 0;
  while (length < weights.length && rest >= threshold * total - EPSILON) {
    rest -= weights[length]!;
    length += 1;
  }
  return length;
}

/** Size filter: similarity ≤ min(W)/max(W), so lighter-than-t·heavier pairs cannot match. */
export function mayReach(totalA: number, totalB: number, threshold: number): boolean {
  return Math.min(totalA, totalB) >= threshold * Math.max(totalA, totalB) - EPSILON;
}

import { describe, expect, it } from 'vitest';
import { CandidateIndex, newCounters } from '../../groups/candidates.js';
import {
  compareFeatures,
  featureStats,
  featureWeight,
  idf,
  mayReach,
  prefixLength,
} from '../../groups/similarity.js';
import { buildTable, entrySimilarity } from '../../groups/table.js';

describe('weights', () => {
  it('is ln(1 + N/df): rare words weigh more, and nothing weighs zero', () => {
    expect(idf(1, 438)).toBeCloseTo(Math.log(439));
    expect(idf(70, 438)).toBeCloseTo(1.98, 2);
    expect(idf(438, 438)).toBeCloseTo(Math.LN2);
  });

  it('counts each signature once per feature', () => {
    const stats = featureStats([['a', 'b'], ['a'], [], ['a', 'a']]);
    expect(stats.total).toBe(3);
    expect(stats.frequency.get('a')).toBe(3);
    expect(featureWeight(stats, 'b')).toBeCloseTo(Math.log(4));
    expect(featureWeight(stats, 'never-seen')).toBeCloseTo(Math.log(4));
  });
});

describe('weighted Jaccard', () => {
  const weights: Record<string, number> = { rare: 6, mid: 3, common: 1 };
  const weight = (feature: string): number => weights[feature] ?? 1;

  it('is shared weight over the weight of the union', () => {
    const result = compareFeatures(['rare', 'mid', 'common'], ['rare', 'common'], weight);
    expect(result.similarity).toBeCloseTo(7 / 10);
    expect(result.shared).toEqual(['rare', 'common']);
    expect(result.onlyA).toEqual(['mid']);
    expect(result.onlyB).toEqual([]);
  });

  it('is 1 for equal signatures and 0 for disjoint or empty ones', () => {
    expect(compareFeatures(['mid', 'rare'], ['rare', 'mid'], weight).similarity).toBe(1);
    expect(compareFeatures(['mid'], ['rare'], weight).similarity).toBe(0);
    expect(compareFeatures([], [], weight).similarity).toBe(0);
  });

  it('sharing a common word counts less than sharing a rare one', () => {
    expect(compareFeatures(['common', 'mid'], ['common', 'x'], weight).similarity).toBeLessThan(
      compareFeatures(['rare', 'mid'], ['rare', 'x'], weight).similarity,
    );
  });
});

describe('filters', () => {
  it('prefix: the shortest run whose remainder weighs less than t·W', () => {
    const weights = Float64Array.from([5, 3, 1, 1]);
    expect(prefixLength(weights, 10, 0.5)).toBe(2); // after the first, the remainder 5 is not < 5
    expect(prefixLength(weights, 10, 0.51)).toBe(1);
    expect(prefixLength(weights, 10, 0.45)).toBe(2);
    expect(prefixLength(weights, 10, 1)).toBe(1);
    expect(prefixLength(weights, 10, 0.05)).toBe(4);
  });

  it('size: a much lighter signature cannot reach the threshold', () => {
    expect(mayReach(4, 10, 0.5)).toBe(false);
    expect(mayReach(5, 10, 0.5)).toBe(true);
  });

  it('the prefix-filtered index finds exactly the pairs brute force finds', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const vocabulary = Array.from({ length: 40 }, (_, i) => `f${i}`);
    const signatures: string[][] = [];
    const ids = new Set<string>();
    while (signatures.length < 300) {
      const size = 1 + Math.floor(random() * 5);
      // Skewed draw: low indexes are frequent, as in real names.
      const features = [
        ...new Set(Array.from({ length: size }, () => vocabulary[Math.floor(40 * random() ** 2)]!)),
      ].sort();
      const id = features.join(' ');
      if (ids.has(id)) continue;
      ids.add(id);
      signatures.push(features);
    }
    for (const threshold of [0.3, 0.45, 0.6, 0.8]) {
      const table = buildTable(
        signatures,
        signatures.map(() => 1),
        threshold,
      );
      const brute = new Set<string>();
      for (let a = 0; a < table.size; a++) {
        for (let b = a + 1; b < table.size; b++) {
          if (entrySimilarity(table, a, b) >= threshold) brute.add(`${a}-${b}`);
        }
      }
      const counters = newCounters();
      const index = new CandidateIndex(table, Number.MAX_SAFE_INTEGER, threshold, counters);
      const found = new Set<string>();
      for (let entry = 0; entry < table.size; entry++) {
        index.probe(entry, (other, similarity) => {
          expect(similarity).toBeCloseTo(entrySimilarity(table, entry, other));
          found.add(`${Math.min(entry, other)}-${Math.max(entry, other)}`);
        });
        index.add(entry);
      }
      expect(found).toEqual(brute);
      expect(brute.size).toBeGreaterThan(0);
      expect(counters.evaluations).toBeLessThan((table.size * (table.size - 1)) / 2);
    }
  });

  it('a full list bounds the work of a lookup', () => {
    const signatures = Array.from({ length: 50 }, (_, i) => ['shared', `own${i}`]);
    const table = buildTable(
      signatures,
      signatures.map(() => 1),
      0.01,
    );
    const counters = newCounters();
    const index = new CandidateIndex(table, 10, 0.01, counters);
    for (let entry = 0; entry < table.size; entry++) {
      index.probe(entry, () => {});
      index.add(entry);
    }
    // Each lookup of "shared" meets at most 10 entries.
    expect(counters.candidates).toBeLessThanOrEqual(10 * 50);
    expect(counters.fullLists).toBeGreaterThan(0);
  });
});

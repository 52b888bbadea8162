import type { Rng } from './prng.js';

/** How many times each value was seen; numeric values are stored under their decimal text. */
export type Counts = Record<string, number>;

export function addCount(counts: Counts, key: string | number, by = 1): void {
  const name = String(key);
  counts[name] = (counts[name] ?? 0) + by;
}

export function total(counts: Counts): number {
  let sum = 0;
  for (const value of Object.values(counts)) sum += value;
  return sum;
}

/** Share of `key` among all counts (0 when there are none). */
export function share(counts: Counts, key: string): number {
  const all = total(counts);
  return all === 0 ? 0 : (counts[key] ?? 0) / all;
}

export function mean(counts: Counts): number {
  let sum = 0;
  let n = 0;
  for (const [key, count] of Object.entries(counts)) {
    sum += Number(key) * count;
    n += count;
  }
  return n === 0 ? 0 : sum / n;
}

/** The smallest numeric key whose cumulative share reaches q. */
export function quantile(counts: Counts, q: number): number {
  const entries = Object.entries(counts)
    .map(([key, count]) => [Number(key), count] as const)
    .sort((x, y) => x[0] - y[0]);
  const all = entries.reduce((sum, [, count]) => sum + count, 0);
  let seen = 0;
  for (const [key, count] of entries) {
    seen += count;
    if (seen >= q * all) return key;
  }
  return entries.at(-1)?.[0] ?? 0;
}

/** Numeric values rounded down to a multiple of `width`, for long-tailed lengths. */
export function bucket(value: number, width: number): number {
  return Math.floor(value / width) * width;
}

/** Draws keys in proportion to their counts; an empty histogram gives the fallback. */
export class Sampler {
  private readonly keys: string[];
  private readonly cumulative: number[];

  constructor(
    counts: Counts,
    private readonly fallback: string,
  ) {
    this.keys = Object.keys(counts)
      .filter((key) => (counts[key] ?? 0) > 0)
      .sort();
    this.cumulative = [];
    let sum = 0;
    for (const key of this.keys) {
      sum += counts[key]!;
      this.cumulative.push(sum);
    }
  }

  sample(rng: Rng): string {
    const all = this.cumulative.at(-1);
    if (all === undefined) return this.fallback;
    const target = rng.float() * all;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return this.keys[low]!;
  }

  number(rng: Rng): number {
    return Number(this.sample(rng));
  }
}

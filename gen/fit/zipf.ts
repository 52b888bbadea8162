import type { Rng } from '../prng.js';

/**
 * Zipf–Mandelbrot ranks, P(rank ≥ x) = (1 + x/scale)^-(exponent-1), drawn in O(1) by inverting the
 * continuous Pareto law. With exponent s the number of distinct ranks seen in n draws grows like
 * n^(1/s) once n is well past `scale` (Heaps' law); below that almost every draw is new.
 */
export interface ZipfMandelbrot {
  scale: number;
  exponent: number;
}

/** Ranks start at 0; the cap keeps astronomically rare draws inside safe integers. */
export function drawRank(rng: Rng, law: ZipfMandelbrot): number {
  const u = 1 - rng.float();
  const x = law.scale * (Math.pow(u, -1 / (law.exponent - 1)) - 1);
  return Math.min(Math.floor(x), 1e12);
}

/** Cumulative Zipf weights 1/(k+1)^exponent over k < size, for drawing from a short ranked list. */
export function zipfCumulative(size: number, exponent: number): Float64Array {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let k = 0; k < size; k++) {
    sum += 1 / Math.pow(k + 1, exponent);
    cumulative[k] = sum;
  }
  return cumulative;
}

export function drawCumulative(rng: Rng, cumulative: Float64Array): number {
  const target = rng.float() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A bijection of [0, size) (an affine map with a multiplier coprime to size), keyed by `key`. */
export function permute(value: number, size: number, key: number): number {
  if (size <= 1) return 0;
  // Multipliers are primes larger than any list size, hence always coprime to it.
  const multiplier = PRIMES[key % PRIMES.length]!;
  return ((value % size) * (multiplier % size) + (key % size)) % size;
}

const PRIMES = [1000003, 1000033, 1000037, 1000039, 1000081, 1000099, 1000117, 1000121, 1000133, 1000151];

/** The rank of a given uniform number in (0, 1]: the same law as drawRank, for hash-derived draws. */
export function rankAt(u: number, law: ZipfMandelbrot): number {
  const x = law.scale * (Math.pow(Math.max(u, 1e-300), -1 / (law.exponent - 1)) - 1);
  return Math.min(Math.floor(x), 1e12);
}

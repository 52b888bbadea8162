import { cyrb53Lanes } from '../model/text-hash.js';

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG): four 32-bit words of state, passes
 * PractRand, and needs only 32-bit integer arithmetic, so every platform gives the same stream.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // A few rounds so that seeds differing in one bit give unrelated streams.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next 32 random bits as an unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const swap = items[i]!;
      items[i] = items[j]!;
      items[j] = swap;
    }
    return items;
  }
}

/** splitmix32's finaliser: a bijection on 32-bit integers that spreads every input bit. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A 32-bit key for any seed text (cyrb53's mixing, folded to 32 bits). */
export function seedKey(seed: string): number {
  const [h1, h2] = cyrb53Lanes(seed);
  return (h1 ^ h2) >>> 0;
}

/**
 * Independent streams keyed by (seed key, a number such as the document index, a stream number):
 * a document's text depends only on the seed and its index, never on what was generated before it.
 */
export function rngFor(key: number, index: number, stream: number): Rng {
  const a = mix32(key ^ mix32(index));
  const b = mix32(a ^ mix32(stream + 0x632be5ab));
  return new Rng(a, b, mix32(b ^ index), mix32(stream ^ key ^ 0x1b873593));
}

/**
 * Mulberry32: a small, seeded, uniform source in [0, 1), the same stream for the same seed on every
 * platform. For what must not change between runs (a community partition, synthetic test names, a
 * benchmark's graph); the generator (gen/prng.ts) has its own, stronger sfc32 streams.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

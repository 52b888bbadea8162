/**
 * Co-occurrence measures of DESIGN.md for a pair (A, B) over N articles, with nA and nB articles
 * having each and nAB having both. Pure so the server and tests agree on the arithmetic.
 */
export const MEASURES = ['count', 'jaccard', 'lift', 'npmi'] as const;
export type Measure = (typeof MEASURES)[number];

export interface PairCounts {
  n: number;
  nA: number;
  nB: number;
  nAB: number;
}

export type Measures = Record<Measure, number>;

export function cooccurrenceMeasures({ n, nA, nB, nAB }: PairCounts): Measures {
  const jaccard = nAB / (nA + nB - nAB);
  const lift = (nAB * n) / (nA * nB);
  const pAB = nAB / n;
  // npmi is 1 when A and B always occur together; -ln p(AB) is 0 then, so define it as 1.
  const npmi = pAB >= 1 ? 1 : Math.log(lift) / -Math.log(pAB);
  return { count: nAB, jaccard, lift, npmi };
}

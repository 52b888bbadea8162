import { cooccurrenceMeasures, type Measure, type Measures, type PairCounts } from '../../model/index.js';

/**
 * model/cooccurrence.ts, made total: a pair that shares no article gets npmi −1 (its limit)
 * instead of NaN, which JSON cannot carry.
 */
export function pairMeasures(counts: PairCounts): Measures {
  if (counts.nAB <= 0 || counts.n <= 0) return { count: 0, jaccard: 0, lift: 0, npmi: -1 };
  return cooccurrenceMeasures(counts);
}

/** Strongest first by the measure, then by count; `tieBreak` keeps the order deterministic. */
export function byMeasure<T>(
  measure: Measure,
  measuresOf: (item: T) => Measures,
  tieBreak: (item: T) => string,
) {
  return (x: T, y: T): number =>
    measuresOf(y)[measure] - measuresOf(x)[measure] ||
    measuresOf(y).count - measuresOf(x).count ||
    tieBreak(x).localeCompare(tieBreak(y));
}

/** The `limit` strongest items by the measure, in byMeasure's order. */
export function strongest<T extends { measures: Measures }>(
  items: readonly T[],
  measure: Measure,
  limit: number,
  tieBreak: (item: T) => string,
): T[] {
  return [...items].sort(byMeasure(measure, (item) => item.measures, tieBreak)).slice(0, limit);
}

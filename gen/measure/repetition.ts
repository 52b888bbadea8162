import { normaliseKey } from '../../model/normalise.js';

/** How names repeat across documents, keyed as the graph keys them (normaliseKey). */
export interface Repetition {
  docs: number;
  mentions: number;
  distinct: number;
  /** Distinct names found in two or more documents. */
  repeated: number;
  /** Documents holding the most frequent name. */
  topDocs: number;
}

export class RepetitionCounter {
  private readonly documents = new Map<string, number>();
  private docs = 0;
  private mentions = 0;
  /** Distinct names after the first k documents, for k in `checkpoints` (a Heaps' law curve). */
  readonly growth: Array<[number, number]> = [];

  constructor(private readonly checkpoints: readonly number[] = []) {}

  add(names: readonly string[]): void {
    this.docs++;
    this.mentions += names.length;
    const seen = new Set(names.map(normaliseKey).filter((key) => key !== ''));
    for (const key of seen) this.documents.set(key, (this.documents.get(key) ?? 0) + 1);
    if (this.checkpoints.includes(this.docs)) this.growth.push([this.docs, this.documents.size]);
  }

  result(): Repetition {
    let repeated = 0;
    let topDocs = 0;
    for (const count of this.documents.values()) {
      if (count > 1) repeated++;
      if (count > topDocs) topDocs = count;
    }
    return { docs: this.docs, mentions: this.mentions, distinct: this.documents.size, repeated, topDocs };
  }
}

/** Slope of log(distinct) against log(documents) between the first and last checkpoint. */
export function heapsExponent(growth: ReadonlyArray<readonly [number, number]>): number {
  const first = growth[0];
  const last = growth.at(-1);
  if (!first || !last || first[0] === last[0] || first[1] === 0) return Number.NaN;
  return Math.log(last[1] / first[1]) / Math.log(last[0] / first[0]);
}

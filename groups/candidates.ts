import { mayReach } from './similarity.js';
import { entrySimilarity, type SignatureTable } from './table.js';

/**
 * The inverted index of prefix filtering, with bounded lists: entries are added under each of
 * their prefix features until a list holds `capacity` entries. Probing an entry visits the lists
 * of its own prefix features, each distinct candidate once, drops those the size filter rules out
 * and evaluates the rest. Each probe costs at most (prefix length × capacity) evaluations.
 */

export interface SearchCounters {
  /** Distinct entries met in the lists, before the size filter. */
  candidates: number;
  /** Full similarity computations. */
  evaluations: number;
  /** Lookups that met a full list (a crowded feature). */
  fullLists: number;
}

export function newCounters(): SearchCounters {
  return { candidates: 0, evaluations: 0, fullLists: 0 };
}

export class CandidateIndex {
  private readonly lists: number[][] = [];
  /** Last entry that visited each candidate: dedupes candidates met through several features. */
  private readonly seenBy: Int32Array;

  constructor(
    private readonly table: SignatureTable,
    private readonly capacity: number,
    private readonly threshold: number,
    private readonly counters: SearchCounters,
  ) {
    this.seenBy = new Int32Array(table.size).fill(-1);
  }

  add(entry: number): void {
    const { start, ranks, prefix } = this.table;
    for (let at = start[entry]!, end = at + prefix[entry]!; at < end; at++) {
      const list = (this.lists[ranks[at]!] ??= []);
      if (list.length < this.capacity) list.push(entry);
    }
  }

  /** Calls onMatch for every indexed entry within the threshold of `entry`. */
  probe(entry: number, onMatch: (other: number, similarity: number) => void): void {
    const { start, ranks, prefix, total } = this.table;
    const { seenBy, threshold, counters, capacity } = this;
    const own = total[entry]!;
    for (let at = start[entry]!, end = at + prefix[entry]!; at < end; at++) {
      const list = this.lists[ranks[at]!];
      if (list === undefined) continue;
      if (list.length >= capacity) counters.fullLists += 1;
      for (let k = 0; k < list.length; k++) {
        const other = list[k]!;
        if (seenBy[other] === entry) continue;
        seenBy[other] = entry;
        counters.candidates += 1;
        const theirs = total[other]!;
        if (!mayReach(own, theirs, threshold)) continue;
        counters.evaluations += 1;
        const similarity = entrySimilarity(this.table, entry, other);
        if (similarity >= threshold) onMatch(other, similarity);
      }
    }
  }
}

import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';

/** The stopword package ships no types; its English list is a plain array of words. */
const { eng } = createRequire(import.meta.url)('stopword') as { eng: readonly string[] };
const STOP = new Set(eng);

/** The stems of a name's content words: lower-cased, stop words dropped, Porter-stemmed, deduplicated. */
export function contentStems(name: string): string[] {
  const words = name
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, '').replace(/'s$/, ''))
    .filter((word) => word !== '' && !STOP.has(word));
  return [...new Set(words.map((word) => stemmer(word)))];
}

export interface NearEquivalence {
  names: number;
  /** Names sharing at least `threshold` of their content stems with a name of another document. */
  near: number;
  /** Names found verbatim (after normalising case and spaces) in another document. */
  exact: number;
}

/**
 * For each name, the best share of its content stems found in one name of another document,
 * through an inverted index from stem to names so that thousands of documents stay cheap.
 */
export function nearEquivalence(docs: ReadonlyArray<readonly string[]>, threshold = 0.6): NearEquivalence {
  const entries: Array<{ doc: number; stems: string[]; key: string }> = [];
  docs.forEach((names, doc) => {
    for (const name of names) {
      entries.push({ doc, stems: contentStems(name), key: name.toLowerCase().replace(/\s+/g, ' ').trim() });
    }
  });
  const byStem = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    for (const stem of entry.stems) {
      const list = byStem.get(stem);
      if (list) list.push(index);
      else byStem.set(stem, [index]);
    }
  });
  const byKey = new Map<string, Set<number>>();
  for (const entry of entries) {
    const set = byKey.get(entry.key) ?? new Set<number>();
    set.add(entry.doc);
    byKey.set(entry.key, set);
  }
  let near = 0;
  let exact = 0;
  for (const entry of entries) {
    if ((byKey.get(entry.key)?.size ?? 0) > 1) exact++;
    if (entry.stems.length === 0) continue;
    const shared = new Map<number, number>();
    for (const stem of entry.stems) {
      for (const other of byStem.get(stem) ?? []) {
        if (entries[other]!.doc !== entry.doc) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    let best = 0;
    for (const count of shared.values()) best = Math.max(best, count);
    if (best / entry.stems.length >= threshold) near++;
  }
  return { names: entries.length, near, exact };
}

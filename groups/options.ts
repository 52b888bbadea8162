import { DEFAULT_LEXICON, type Lexicon } from './lexicon.js';

/** The tunable part of the grouping rule; every field has a default (DEFAULT_GROUP_OPTIONS). */
export interface GroupOptions {
  /**
   * Minimum IDF-weighted Jaccard similarity between an issue's signature and a group's core for
   * the issue to join the group. 0.45 was chosen by hand on the sample corpus (groups/README.md).
   */
  threshold: number;
  /**
   * Candidates are found through an inverted index from features to signatures (prefix
   * filtering). A feature's list holds at most this many signatures: the first ones, which in the
   * leader pass are the densest cores. Lists of rarer features are never full; a crowded feature
   * ("ai" is in 16% of names) costs at most this much per lookup, so the work per issue is bounded
   * and the whole run is linear in the number of issues. Pairs whose only shared prefix features
   * are crowded may be missed beyond that point: the price of the bound.
   */
  maxPostings: number;
  lexicon: Lexicon;
}

export const DEFAULT_GROUP_OPTIONS: Readonly<GroupOptions> = {
  threshold: 0.45,
  maxPostings: 1_000,
  lexicon: DEFAULT_LEXICON,
};

export function resolveGroupOptions(options: Partial<GroupOptions> = {}): GroupOptions {
  const resolved = { ...DEFAULT_GROUP_OPTIONS, ...options };
  if (!(resolved.threshold > 0 && resolved.threshold <= 1)) {
    throw new RangeError(`threshold must be in (0, 1], got ${resolved.threshold}`);
  }
  if (!(Number.isInteger(resolved.maxPostings) && resolved.maxPostings >= 1)) {
    throw new RangeError(`maxPostings must be a positive integer, got ${resolved.maxPostings}`);
  }
  return resolved;
}

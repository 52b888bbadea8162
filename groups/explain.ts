import { clusterIssues } from './cluster.js';
import { resolveGroupOptions, type GroupOptions } from './options.js';
import { formatSimilarity, quoteWords } from './reason.js';
import { signature, type Signature } from './signature.js';
import { compareFeatures, featureStats, featureWeight } from './similarity.js';

/**
 * The rule's verdict on two issue names, and why: their signatures (what was dropped, what the
 * synonym table rewrote), the shared and unshared words with their weights, the similarity against
 * the threshold. Weights are IDF over `corpus` (plus the two names); without a corpus, over the
 * two names alone, which only ranks shared words below unshared ones.
 */

export interface ExplainOptions extends Partial<GroupOptions> {
  /** Issue names the weights are computed over, e.g. every issue in the graph. */
  corpus?: readonly string[];
}

export interface NameAnalysis {
  name: string;
  features: readonly string[];
  /** Each feature as written in this name. */
  words: readonly string[];
  dropped: readonly string[];
  rewrites: readonly string[];
}

export interface WeightedWord {
  feature: string;
  word: string;
  weight: number;
}

export interface Explanation {
  a: NameAnalysis;
  b: NameAnalysis;
  similarity: number;
  threshold: number;
  /** similarity ≥ threshold: the rule calls the two near-equivalent. */
  similar: boolean;
  shared: WeightedWord[];
  onlyA: WeightedWord[];
  onlyB: WeightedWord[];
  /**
   * With a corpus: whether clustering corpus + both names puts them in one group (groups are
   * built around cores, so two similar names may still land in different groups, and two names
   * below the threshold may share a group through its core). Null without a corpus.
   */
  sameGroup: boolean | null;
  /** The verdict in one paragraph. */
  text: string;
}

function analyse(name: string, found: Signature): NameAnalysis {
  return {
    name,
    features: found.features,
    words: found.features.map((feature) => found.display.get(feature) ?? feature),
    dropped: found.dropped,
    rewrites: found.rewrites,
  };
}

export function explainPair(nameA: string, nameB: string, options: ExplainOptions = {}): Explanation {
  const { corpus, ...groupOptions } = options;
  const resolved = resolveGroupOptions(groupOptions);
  const sigA = signature(nameA, resolved.lexicon);
  const sigB = signature(nameB, resolved.lexicon);
  const names = [...new Set([...(corpus ?? []), nameA, nameB])];
  const stats = featureStats(names.map((name) => signature(name, resolved.lexicon).features));
  const weight = (feature: string): number => featureWeight(stats, feature);
  const comparison = compareFeatures(sigA.features, sigB.features, weight);
  const weighted = (features: string[], own: Signature): WeightedWord[] =>
    features.map((feature) => ({
      feature,
      word: own.display.get(feature) ?? feature,
      weight: Math.round(weight(feature) * 100) / 100,
    }));
  const similar = comparison.similarity >= resolved.threshold;

  let sameGroup: boolean | null = null;
  if (corpus) {
    const keyA = `a:${nameA}`;
    const keyB = `b:${nameB}`;
    const issues = [
      ...names.filter((name) => name !== nameA && name !== nameB).map((name) => ({ key: name, name })),
      { key: keyA, name: nameA },
      { key: keyB, name: nameB },
    ];
    const { groups } = clusterIssues(issues, resolved);
    const groupOf = (key: string): string | undefined =>
      groups.find((group) => group.members.some((member) => member.key === key))?.key;
    sameGroup = groupOf(keyA) === groupOf(keyB);
  }

  const shared = weighted(comparison.shared, sigA);
  const onlyA = weighted(comparison.onlyA, sigA);
  const onlyB = weighted(comparison.onlyB, sigB);
  const list = (words: WeightedWord[]): string =>
    words.length === 0
      ? 'nothing'
      : words.map((word) => `${quoteWords([word.word])} (${word.weight})`).join(', ');
  const text =
    `"${nameA}" and "${nameB}" ${similar ? 'are' : 'are not'} near-equivalent: ` +
    `similarity ${formatSimilarity(comparison.similarity)} ${similar ? '≥' : '<'} threshold ${formatSimilarity(resolved.threshold)}. ` +
    `Shared: ${list(shared)}; only in the first: ${list(onlyA)}; only in the second: ${list(onlyB)}.` +
    ` Dropped as stop or generic words: ${quoteWords(sigA.dropped) || 'none'} / ${quoteWords(sigB.dropped) || 'none'}.` +
    (sigA.rewrites.length + sigB.rewrites.length > 0
      ? ` Synonyms applied: ${[...sigA.rewrites, ...sigB.rewrites].join('; ')}.`
      : '') +
    (sameGroup === null
      ? ''
      : ` Clustered with the corpus, they ${sameGroup ? 'share' : 'do not share'} a group.`);
  return {
    a: analyse(nameA, sigA),
    b: analyse(nameB, sigB),
    similarity: Math.round(comparison.similarity * 10_000) / 10_000,
    threshold: resolved.threshold,
    similar,
    shared,
    onlyA,
    onlyB,
    sameGroup,
    text,
  };
}

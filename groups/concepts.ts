import { consensusKey, disambiguateKeys, type GroupMember, type IssueGroupResult } from './cluster.js';
import { conceptScore, type ConceptRule } from './concept-rule.js';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon.js';
import { conceptCoreReason, conceptMemberReason } from './reason.js';
import { signature, type Signature } from './signature.js';
import { compareFeatures, featureStats, featureWeight } from './similarity.js';
import { compareKeys } from '../model/compare-keys.js';

/**
 * Names → concept groups, by meaning and words together (concept-rule.ts).
 *
 * 1. Candidates: each name's nearest names by embedding (the vector index in Neo4j, or exact
 *    search in memory for the benchmark), made symmetric. Never all pairs.
 * 2. Each candidate pair is scored: cosine blended with the IDF-weighted Jaccard of the names'
 *    lexical signatures (weights over the names of this label).
 * 3. Density: how many candidates of each name reach the threshold.
 * 4. Leader clustering, densest first (then the shorter, more general name, then key): a name joins
 *    the core it scores best with at ≥ threshold among its candidates, else it becomes a core.
 *    Members are compared with cores only, so chains of pairwise matches cannot drag unrelated
 *    names into one group.
 */

export interface ConceptInput {
  key: string;
  name: string;
  articles?: readonly string[];
}

export interface Neighbour {
  key: string;
  cosine: number;
}

export interface ConceptStats {
  names: number;
  /** Scored candidate pairs. */
  candidatePairs: number;
  /** Of those, pairs reaching the threshold. */
  similarPairs: number;
  groups: number;
  multiMemberGroups: number;
  durationMs: number;
}

export interface ConceptClustering {
  groups: IssueGroupResult[];
  stats: ConceptStats;
}

interface Item {
  key: string;
  name: string;
  articles: string[];
  signature: Signature;
}

interface Pair {
  other: number;
  cosine: number;
  words: number;
  score: number;
  shared: string[];
}

export function clusterConcepts(
  inputs: Iterable<ConceptInput>,
  neighbours: ReadonlyMap<string, readonly Neighbour[]>,
  rule: Pick<ConceptRule, 'threshold' | 'lexicalWeight'>,
  lexicon: Lexicon = DEFAULT_LEXICON,
): ConceptClustering {
  const started = performance.now();
  const byKey = new Map<string, Item>();
  for (const input of inputs) {
    const known = byKey.get(input.key);
    if (known) known.articles.push(...(input.articles ?? []));
    else
      byKey.set(input.key, {
        key: input.key,
        name: input.name,
        articles: [...(input.articles ?? [])],
        signature: signature(input.name, lexicon),
      });
  }
  const items = [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));
  const indexOf = new Map(items.map((item, index) => [item.key, index]));
  const stats = featureStats(items.map((item) => item.signature.features));
  const weight = (feature: string): number => featureWeight(stats, feature);

  // Symmetric candidate lists, each pair scored once.
  const pairs: Map<number, Pair>[] = items.map(() => new Map());
  let candidatePairs = 0;
  for (const [key, list] of neighbours) {
    const a = indexOf.get(key);
    if (a === undefined) continue;
    for (const neighbour of list) {
      const b = indexOf.get(neighbour.key);
      if (b === undefined || b === a || pairs[a]!.has(b)) continue;
      const comparison = compareFeatures(items[a]!.signature.features, items[b]!.signature.features, weight);
      const cosine = Math.min(1, neighbour.cosine);
      const score = conceptScore(rule, cosine, comparison.similarity);
      const pair = { cosine, words: comparison.similarity, score, shared: comparison.shared };
      pairs[a]!.set(b, { other: b, ...pair });
      pairs[b]!.set(a, { other: a, ...pair });
      candidatePairs += 1;
    }
  }

  const density = pairs.map(
    (list) => [...list.values()].filter((pair) => pair.score >= rule.threshold).length,
  );
  const similarPairs = density.reduce((sum, n) => sum + n, 0) / 2;
  const visit = items
    .map((_, index) => index)
    .sort(
      (x, y) =>
        density[y]! - density[x]! ||
        items[x]!.name.length - items[y]!.name.length ||
        compareKeys(items[x]!.key, items[y]!.key),
    );
  const coreOf = new Int32Array(items.length).fill(-1);
  const coreRank = new Int32Array(items.length).fill(-1);
  const joined: (Pair | null)[] = items.map(() => null);
  let cores = 0;
  for (const index of visit) {
    let best: Pair | null = null;
    for (const pair of pairs[index]!.values()) {
      if (coreRank[pair.other]! < 0 || pair.score < rule.threshold) continue;
      if (
        !best ||
        pair.score > best.score ||
        (pair.score === best.score && coreRank[pair.other]! < coreRank[best.other]!)
      )
        best = pair;
    }
    if (best) {
      coreOf[index] = best.other;
      joined[index] = best;
    } else {
      coreOf[index] = index;
      coreRank[index] = cores++;
    }
  }

  const membersOf = new Map<number, number[]>();
  for (const index of visit) {
    const core = coreOf[index]!;
    const list = membersOf.get(core);
    if (list) list.push(index);
    else membersOf.set(core, [index]);
  }
  const groups: IssueGroupResult[] = [];
  for (const [core, indexes] of membersOf) {
    const coreItem = items[core]!;
    const articles = new Set<string>();
    const members: GroupMember[] = indexes.map((index) => {
      const item = items[index]!;
      for (const article of item.articles) articles.add(article);
      const pair = joined[index];
      const shared = (pair?.shared ?? item.signature.features).map(
        (feature) => item.signature.display.get(feature) ?? feature,
      );
      return {
        key: item.key,
        name: item.name,
        similarity: pair ? Math.round(pair.score * 100) / 100 : 1,
        shared,
        reason: pair
          ? conceptMemberReason(coreItem.name, pair.cosine, shared, pair.score)
          : conceptCoreReason(indexes.length - 1, rule.threshold),
      };
    });
    members.sort(
      (x, y) =>
        Number(y.key === coreItem.key) - Number(x.key === coreItem.key) ||
        y.similarity - x.similarity ||
        compareKeys(x.name, y.name),
    );
    const key = consensusKey(
      indexes.map((index) => ({ features: items[index]!.signature.features, count: 1 })),
      indexes.length,
      coreItem.signature.features,
    );
    // Shown as the name most articles use (then the shortest): the core is the best-connected name,
    // not always the usual one ("innovative technology" may be the core of "technology").
    const usual = indexes
      .map((index) => items[index]!)
      .reduce((best, item) =>
        item.articles.length > best.articles.length ||
        (item.articles.length === best.articles.length &&
          (item.name.length < best.name.length ||
            (item.name.length === best.name.length && item.name < best.name)))
          ? item
          : best,
      );
    groups.push({
      key: key || `name:${coreItem.key}`,
      name: usual.name,
      size: indexes.length,
      articleCount: articles.size,
      core: coreItem.signature.features,
      members,
    });
  }
  disambiguateKeys(groups);
  groups.sort((x, y) => y.size - x.size || compareKeys(x.key, y.key));
  return {
    groups,
    stats: {
      names: items.length,
      candidatePairs,
      similarPairs,
      groups: groups.length,
      multiMemberGroups: groups.filter((group) => group.size > 1).length,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/** Exact nearest neighbours in memory: for the benchmark and tests on a few thousand names. */
export function exactNeighbours(
  vectors: ReadonlyMap<string, Float32Array>,
  count: number,
): Map<string, Neighbour[]> {
  const keys = [...vectors.keys()];
  const result = new Map<string, Neighbour[]>();
  for (const key of keys) {
    const own = vectors.get(key)!;
    const scored: Neighbour[] = [];
    for (const other of keys) {
      if (other === key) continue;
      const theirs = vectors.get(other)!;
      let dot = 0;
      for (let i = 0; i < own.length; i++) dot += own[i]! * theirs[i]!;
      scored.push({ key: other, cosine: dot });
    }
    scored.sort((a, b) => b.cosine - a.cosine || compareKeys(a.key, b.key));
    result.set(key, scored.slice(0, count));
  }
  return result;
}

import { consensusKey, disambiguateKeys, type GroupMember, type IssueGroupResult } from './cluster.js';
import { conceptScore, headOf, ruleHead, ruleText, type ConceptRule } from './concept-rule.js';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon.js';
import { countryOf, differentCountries } from './countries.js';
import { conceptCoreReason, conceptMemberReason, type ConceptMatch } from './reason.js';
import { signature, type Signature } from './signature.js';
import { compareFeatures, featureStats, featureWeight } from './similarity.js';
import { compareKeys } from '../model/compare-keys.js';

/**
 * Names → concept groups, by meaning and words together (concept-rule.ts).
 *
 * 1. Candidates: each name's nearest names by embedding (the vector index in Neo4j, or exact
 *    search in memory for the benchmark), and for a rule that compares heads, the names nearest
 *    each name's head; made symmetric. Never all pairs. Two different countries are never
 *    candidates (countries.ts).
 * 2. Each candidate pair is scored: its cosine (the highest of the lists that hold it:
 *    max(cos(a, b), cos(head a, b), cos(a, head b))) blended with the IDF-weighted Jaccard of the
 *    names' lexical signatures (weights over the names of this label).
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

/**
 * A name's candidates: keys and their cosines, position by position, as Neo4j returns them. One
 * object per list rather than one per neighbour: at 100,000 documents there are tens of millions.
 */
export interface NeighbourList {
  keys: readonly string[];
  cosines: ArrayLike<number>;
}

/**
 * Candidates by embedding: each name's nearest names (cos(a, b)); for a rule that compares heads,
 * each head's nearest names (cos(head a, b), keyed by a) and each name's nearest heads
 * (`nearHeads`: keyed by b, listing the names a whose head is near it).
 */
export interface NeighbourLists {
  names: ReadonlyMap<string, NeighbourList>;
  heads?: ReadonlyMap<string, NeighbourList>;
  nearHeads?: ReadonlyMap<string, NeighbourList>;
}

export interface ConceptStats {
  names: number;
  /** Scored candidate pairs: those whose cosine could reach the threshold with every word shared. */
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
  country: string | undefined;
}

/** A candidate pair, one object shared by both names' lists. */
interface Pair {
  cosine: number;
  /** The name whose head gave the cosine, or -1 when the two names themselves did. */
  head: number;
  words: number;
  score: number;
}

export function clusterConcepts(
  inputs: Iterable<ConceptInput>,
  neighbours: NeighbourLists,
  rule: Pick<ConceptRule, 'threshold' | 'lexicalWeight'> &
    Partial<Pick<ConceptRule, 'embedWithoutGenericWords'>>,
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
        country: countryOf(input.name),
      });
  }
  const items = [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));
  const indexOf = new Map(items.map((item, index) => [item.key, index]));
  const stats = featureStats(items.map((item) => item.signature.features));
  const weight = (feature: string): number => featureWeight(stats, feature);

  // Symmetric candidate lists: each pair once, at the highest cosine any list gives it. A cosine
  // too low to reach the threshold even with every word shared never makes a pair.
  const reachable = (cosine: number): boolean => conceptScore(rule, cosine, 1) >= rule.threshold;
  const pairs: Map<number, Pair>[] = items.map(() => new Map());
  const offer = (lists: ReadonlyMap<string, NeighbourList>, headOf: 'none' | 'owner' | 'neighbour'): void => {
    for (const [key, list] of lists) {
      const a = indexOf.get(key);
      if (a === undefined) continue;
      list.keys.forEach((neighbourKey, at) => {
        const cosine = Math.min(1, list.cosines[at]!);
        const b = indexOf.get(neighbourKey);
        if (b === undefined || b === a || !reachable(cosine)) return;
        if (differentCountries(items[a]!.country, items[b]!.country)) return;
        const head = headOf === 'owner' ? a : headOf === 'neighbour' ? b : -1;
        const known = pairs[a]!.get(b);
        if (known) {
          if (cosine > known.cosine) {
            known.cosine = cosine;
            known.head = head;
          }
          return;
        }
        const pair: Pair = { cosine, head, words: 0, score: 0 };
        pairs[a]!.set(b, pair);
        pairs[b]!.set(a, pair);
      });
    }
  };
  offer(neighbours.names, 'none');
  if (neighbours.heads) offer(neighbours.heads, 'owner');
  if (neighbours.nearHeads) offer(neighbours.nearHeads, 'neighbour');
  let candidatePairs = 0;
  pairs.forEach((list, a) => {
    for (const [b, pair] of list) {
      if (b < a) continue;
      const comparison = compareFeatures(items[a]!.signature.features, items[b]!.signature.features, weight);
      pair.words = comparison.similarity;
      pair.score = conceptScore(rule, pair.cosine, comparison.similarity);
      candidatePairs += 1;
    }
  });

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
    let bestCore = -1;
    for (const [other, pair] of pairs[index]!) {
      if (coreRank[other]! < 0 || pair.score < rule.threshold) continue;
      if (
        !best ||
        pair.score > best.score ||
        (pair.score === best.score && coreRank[other]! < coreRank[bestCore]!)
      ) {
        best = pair;
        bestCore = other;
      }
    }
    if (best) {
      coreOf[index] = bestCore;
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
      const features = pair
        ? compareFeatures(item.signature.features, coreItem.signature.features, weight).shared
        : item.signature.features;
      const shared = features.map((feature) => item.signature.display.get(feature) ?? feature);
      return {
        key: item.key,
        name: item.name,
        similarity: pair ? Math.round(pair.score * 100) / 100 : 1,
        shared,
        reason: pair
          ? conceptMemberReason({
              core: coreItem.name,
              cosine: pair.cosine,
              shared,
              score: pair.score,
              ...matchedThrough(
                rule,
                item,
                coreItem,
                pair.head === index ? 'member' : pair.head === core ? 'core' : null,
              ),
            })
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

/** What a member's reason says it matched through: a head, or the very text the core embedded. */
function matchedThrough(
  rule: Partial<Pick<ConceptRule, 'embedWithoutGenericWords'>>,
  member: Item,
  core: Item,
  headOfWhom: 'member' | 'core' | null,
): Pick<ConceptMatch, 'head' | 'sameText'> {
  const head = headOfWhom && headOf((headOfWhom === 'member' ? member : core).name);
  if (headOfWhom && head) return { head: { text: head, of: headOfWhom } };
  const text = ruleText(rule, member.name);
  return text === ruleText(rule, core.name) ? { sameText: text } : {};
}

/**
 * Exact nearest neighbours in memory, for the benchmark and tests on a few thousand names: each
 * query vector's `count` nearest `vectors` (by default the vectors themselves), itself left out.
 */
export function exactNeighbours(
  vectors: ReadonlyMap<string, Float32Array>,
  count: number,
  queries: ReadonlyMap<string, Float32Array> = vectors,
): Map<string, NeighbourList> {
  const keys = [...vectors.keys()];
  const result = new Map<string, NeighbourList>();
  for (const [key, own] of queries) {
    const scored: { key: string; cosine: number }[] = [];
    for (const other of keys) {
      if (other === key) continue;
      const theirs = vectors.get(other)!;
      let dot = 0;
      for (let i = 0; i < own.length; i++) dot += own[i]! * theirs[i]!;
      scored.push({ key: other, cosine: dot });
    }
    scored.sort((a, b) => b.cosine - a.cosine || compareKeys(a.key, b.key));
    const nearest = scored.slice(0, count);
    result.set(key, { keys: nearest.map((n) => n.key), cosines: nearest.map((n) => n.cosine) });
  }
  return result;
}

/**
 * The lists the ingest keeps in Neo4j (neighbours.ts `readNeighbours`), by exact search in memory:
 * each name's nearest names, and for a rule that compares heads, the names nearest each head.
 * `vectorOf` gives the vector of a text the rule embeds (the name as embedded, or its head).
 */
export function exactNeighbourLists(
  names: ReadonlyMap<string, string>,
  vectorOf: (text: string) => Float32Array,
  rule: Pick<ConceptRule, 'neighbours'> &
    Partial<Pick<ConceptRule, 'embedWithoutGenericWords' | 'compareHeads'>>,
): NeighbourLists {
  const vectors = new Map([...names].map(([key, name]) => [key, vectorOf(ruleText(rule, name))]));
  const heads = new Map<string, Float32Array>();
  for (const [key, name] of names) {
    const head = ruleHead(rule, name);
    if (head !== null) heads.set(key, vectorOf(head));
  }
  return {
    names: exactNeighbours(vectors, rule.neighbours),
    heads: exactNeighbours(vectors, rule.neighbours, heads),
    nearHeads: exactNeighbours(heads, rule.neighbours, vectors),
  };
}

/** Every text a rule embeds for these names: each name as embedded, and its head if it has one. */
export function textsToEmbed(
  names: Iterable<string>,
  rule: Partial<Pick<ConceptRule, 'embedWithoutGenericWords' | 'compareHeads'>>,
): string[] {
  const texts = new Set<string>();
  for (const name of names) {
    texts.add(ruleText(rule, name));
    const head = ruleHead(rule, name);
    if (head !== null) texts.add(head);
  }
  return [...texts];
}

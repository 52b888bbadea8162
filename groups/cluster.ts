import { compareKeys } from '../model/compare-keys.js';
import { CandidateIndex, newCounters, type SearchCounters } from './candidates.js';
import { resolveGroupOptions, type GroupOptions } from './options.js';
import { coreReason, emptyReason, memberReason } from './reason.js';
import { signature } from './signature.js';
import { buildTable, type SignatureTable } from './table.js';

/**
 * Issue names → groups, without comparing all pairs.
 *
 * 1. Signatures (signature.ts); issues with the same signature form one entry (similarity 1).
 * 2. IDF weights and a global feature order, rarest first; each entry keeps its prefix (table.ts).
 * 3. Density: a prefix-filtered self-join (candidates.ts) counts, for every entry, the issues
 *    within the threshold. Entries are added lightest first, so crowded lists keep general names.
 * 4. Leader clustering, densest entry first (then the lighter, more general signature, then
 *    alphabetical): an entry joins the core it matches best at ≥ threshold, found through an index
 *    of the cores' prefixes; otherwise it becomes a core itself. Cores never move and members are
 *    compared only with cores, so no chain of pairwise matches can drag unrelated names together.
 * The result depends on the set of issues, never on their order.
 */

export interface IssueInput {
  key: string;
  name: string;
  /** Ids of the articles that have the issue; feed articleCount. */
  articles?: readonly string[];
}

export interface GroupMember {
  key: string;
  name: string;
  /**
   * Similarity to the group's core signature (1 for the core itself), rounded to 2 places as the
   * reason shows it: weights drift a little whenever issues are added, and finer digits would make
   * every recomputation rewrite every membership.
   */
  similarity: number;
  reason: string;
  /** Words shared with the core, as this name writes them, most distinctive first. */
  shared: readonly string[];
}

export interface IssueGroupResult {
  /** Stable: the features more than half of the members have (see consensusKey). */
  key: string;
  /** The core's name (the shortest, if several issues have the core's exact signature). */
  name: string;
  size: number;
  /** Distinct articles having any member. */
  articleCount: number;
  /** The core's features. */
  core: readonly string[];
  /** Core first, then by similarity, then by name. */
  members: GroupMember[];
}

export interface ClusterStats extends SearchCounters {
  issues: number;
  /** Distinct non-empty signatures. */
  signatures: number;
  /** Issues left without any feature (each kept as a group of one). */
  emptySignatures: number;
  features: number;
  /** Pairs of distinct signatures found within the threshold by the density pass. */
  similarPairs: number;
  groups: number;
  multiMemberGroups: number;
  durationMs: number;
}

export interface Clustering {
  groups: IssueGroupResult[];
  stats: ClusterStats;
  options: GroupOptions;
}

interface Item {
  key: string;
  name: string;
  articles: readonly string[];
}

export function clusterIssues(issues: Iterable<IssueInput>, options: Partial<GroupOptions> = {}): Clustering {
  const started = performance.now();
  const resolved = resolveGroupOptions(options);
  const items = collectItems(issues);

  const entryOf = new Int32Array(items.length).fill(-1);
  const signatures: (readonly string[])[] = [];
  const entryItems: number[][] = [];
  const bySignature = new Map<string, number>();
  items.forEach((item, index) => {
    const { features } = signature(item.name, resolved.lexicon);
    if (features.length === 0) return;
    const id = features.join(' ');
    let entry = bySignature.get(id);
    if (entry === undefined) {
      entry = signatures.length;
      bySignature.set(id, entry);
      signatures.push(features);
      entryItems.push([]);
    }
    entryItems[entry]!.push(index);
    entryOf[index] = entry;
  });
  bySignature.clear();

  const table = buildTable(
    signatures,
    entryItems.map((list) => list.length),
    resolved.threshold,
  );
  const counters = newCounters();
  const { density, similarPairs } = densities(table, signatures, resolved, counters);
  const assignment = leaders(table, signatures, density, resolved, counters);
  const groups = [
    ...buildGroups(items, entryItems, signatures, table, assignment, resolved),
    ...items.filter((_, index) => entryOf[index] === -1).map((item) => loneGroup(item, resolved)),
  ];
  disambiguateKeys(groups);
  groups.sort((x, y) => y.size - x.size || compareKeys(x.key, y.key));

  return {
    groups,
    options: resolved,
    stats: {
      issues: items.length,
      signatures: table.size,
      emptySignatures: items.length - entryItems.reduce((sum, list) => sum + list.length, 0),
      features: table.feature.length,
      ...counters,
      similarPairs,
      groups: groups.length,
      multiMemberGroups: groups.filter((group) => group.size > 1).length,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/**
 * One item per key (articles merged), sorted by key: the input order must not matter. The input's
 * article lists are shared, not copied (one per issue at 354,000 issues); only a merge makes a new one.
 */
function collectItems(issues: Iterable<IssueInput>): Item[] {
  const byKey = new Map<string, Item>();
  for (const issue of issues) {
    const articles = issue.articles ?? [];
    const known = byKey.get(issue.key);
    if (known) known.articles = [...known.articles, ...articles];
    else byKey.set(issue.key, { key: issue.key, name: issue.name, articles });
  }
  return [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));
}

/** Entries by ascending total weight, then signature: general names first. */
function lightestFirst(table: SignatureTable, signatures: readonly (readonly string[])[]): number[] {
  const ids = signatures.map((features) => features.join(' '));
  return Array.from({ length: table.size }, (_, entry) => entry).sort(
    (x, y) => table.total[x]! - table.total[y]! || compareKeys(ids[x]!, ids[y]!),
  );
}

function densities(
  table: SignatureTable,
  signatures: readonly (readonly string[])[],
  options: GroupOptions,
  counters: SearchCounters,
): { density: Float64Array; similarPairs: number } {
  const density = Float64Array.from(table.multiplicity, (times) => times - 1);
  const index = new CandidateIndex(table, options.maxPostings, options.threshold, counters);
  let similarPairs = 0;
  for (const entry of lightestFirst(table, signatures)) {
    index.probe(entry, (other) => {
      similarPairs += 1;
      density[entry]! += table.multiplicity[other]!;
      density[other]! += table.multiplicity[entry]!;
    });
    index.add(entry);
  }
  return { density, similarPairs };
}

interface Assignment {
  /** Each entry's core (itself for a core). */
  core: Int32Array;
  similarity: Float64Array;
}

function leaders(
  table: SignatureTable,
  signatures: readonly (readonly string[])[],
  density: Float64Array,
  options: GroupOptions,
  counters: SearchCounters,
): Assignment {
  const ids = signatures.map((features) => features.join(' '));
  const visit = Array.from({ length: table.size }, (_, entry) => entry).sort(
    (x, y) => density[y]! - density[x]! || table.total[x]! - table.total[y]! || compareKeys(ids[x]!, ids[y]!),
  );
  const core = new Int32Array(table.size).fill(-1);
  const similarity = new Float64Array(table.size);
  /** Position of each core in the visit: the earlier (denser) core wins a tie. */
  const coreRank = new Int32Array(table.size).fill(-1);
  const index = new CandidateIndex(table, options.maxPostings, options.threshold, counters);
  let cores = 0;
  for (const entry of visit) {
    let best = -1;
    let bestSimilarity = 0;
    index.probe(entry, (candidate, value) => {
      if (value > bestSimilarity || (value === bestSimilarity && coreRank[candidate]! < coreRank[best]!)) {
        best = candidate;
        bestSimilarity = value;
      }
    });
    if (best >= 0) {
      core[entry] = best;
      similarity[entry] = bestSimilarity;
    } else {
      core[entry] = entry;
      similarity[entry] = 1;
      coreRank[entry] = cores++;
      index.add(entry);
    }
  }
  return { core, similarity };
}

function buildGroups(
  items: Item[],
  entryItems: number[][],
  signatures: readonly (readonly string[])[],
  table: SignatureTable,
  assignment: Assignment,
  options: GroupOptions,
): IssueGroupResult[] {
  const membersOf = new Map<number, number[]>();
  for (let entry = 0; entry < table.size; entry++) {
    const core = assignment.core[entry]!;
    const list = membersOf.get(core);
    if (list) list.push(entry);
    else membersOf.set(core, [entry]);
  }
  const rankOf = new Map(table.feature.map((feature, rank) => [feature, rank]));
  // Lower rank = rarer = heavier: the most distinctive shared words come first.
  const heaviestFirst = (x: string, y: string): number => rankOf.get(x)! - rankOf.get(y)!;

  const groups: IssueGroupResult[] = [];
  for (const [core, entries] of membersOf) {
    const coreItem = entryItems[core]!.map((index) => items[index]!).reduce((best, item) =>
      item.name.length < best.name.length || (item.name.length === best.name.length && item.name < best.name)
        ? item
        : best,
    );
    const coreFeatures = new Set(signatures[core]);
    const size = entries.reduce((sum, entry) => sum + entryItems[entry]!.length, 0);
    const articles = new Set<string>();
    const members: GroupMember[] = [];
    for (const entry of entries) {
      for (const index of entryItems[entry]!) {
        const item = items[index]!;
        for (const article of item.articles) articles.add(article);
        const own = signature(item.name, options.lexicon);
        const shared = own.features
          .filter((feature) => coreFeatures.has(feature))
          .sort(heaviestFirst)
          .map((feature) => own.display.get(feature) ?? feature);
        const similarity = Math.round(assignment.similarity[entry]! * 100) / 100;
        members.push({
          key: item.key,
          name: item.name,
          similarity,
          shared,
          reason:
            item === coreItem
              ? coreReason(shared, size - 1, options.threshold)
              : memberReason(shared, coreItem.name, similarity),
        });
      }
    }
    members.sort(
      (x, y) =>
        Number(y.key === coreItem.key) - Number(x.key === coreItem.key) ||
        y.similarity - x.similarity ||
        compareKeys(x.name, y.name),
    );
    groups.push({
      key: consensusKey(
        entries.map((entry) => ({ features: signatures[entry]!, count: entryItems[entry]!.length })),
        size,
        signatures[core]!,
      ),
      name: coreItem.name,
      size,
      articleCount: articles.size,
      core: signatures[core]!,
      members,
    });
  }
  return groups;
}

/** An issue with no feature left: a group of its own, keyed by the issue. */
function loneGroup(item: Item, options: GroupOptions): IssueGroupResult {
  const { dropped } = signature(item.name, options.lexicon);
  return {
    key: `issue:${item.key}`,
    name: item.name,
    size: 1,
    articleCount: new Set(item.articles).size,
    core: [],
    members: [{ key: item.key, name: item.name, similarity: 1, shared: [], reason: emptyReason(dropped) }],
  };
}

/**
 * The key: the features more than half of the members have (counting issues), sorted and joined
 * by "+"; for a group of one, all its features. It depends on membership alone (not on weights,
 * nor on which member is the core), so it survives recomputation whenever membership does.
 */
export function consensusKey(
  members: readonly { features: readonly string[]; count: number }[],
  size: number,
  core: readonly string[],
): string {
  const count = new Map<string, number>();
  for (const member of members) {
    for (const feature of member.features) count.set(feature, (count.get(feature) ?? 0) + member.count);
  }
  const consensus = [...count].filter(([, n]) => n * 2 > size).map(([feature]) => feature);
  return (consensus.length > 0 ? consensus : [...core]).sort().join('+');
}

/** Groups that agree on their consensus each get a hash of their member keys appended. */
export function disambiguateKeys(groups: IssueGroupResult[]): void {
  const byKey = new Map<string, IssueGroupResult[]>();
  for (const group of groups) {
    const same = byKey.get(group.key);
    if (same) same.push(group);
    else byKey.set(group.key, [group]);
  }
  for (const [key, same] of byKey) {
    if (same.length < 2) continue;
    for (const group of same) {
      group.key = `${key}#${fnv1a(
        group.members
          .map((member) => member.key)
          .sort()
          .join('\n'),
      )}`;
    }
  }
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

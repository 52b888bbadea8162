import type { Driver } from 'neo4j-driver';
import { clusterIssues, type ClusterStats } from './cluster.js';
import type { GroupOptions } from './options.js';
import { planLayer } from './plan.js';
import { cooccurringPairs, writeCooccurrence } from './cooccurrence.js';
import { applyPlan, ensureGroupSchema, readSnapshot, type LayerChanges, type WriteOptions } from './store.js';

/**
 * The issue-group layer: near-equivalent issue names grouped by a stated, tunable rule
 * (groups/README.md) and stored as (:Issue)-[:IN_GROUP {reason, similarity}]->(:IssueGroup).
 */

export interface RecomputeOptions extends Partial<GroupOptions>, WriteOptions {}

export interface RecomputeResult {
  groups: number;
  issues: number;
  multiMemberGroups: number;
  durationMs: number;
  /** What the recomputation wrote: all zero when nothing changed. */
  changes: LayerChanges;
  /** The groups' co-occurrence: pairs sharing an article, and the stored rows written or deleted. */
  cooccurrence: { pairs: number; written: number; deleted: number };
  clustering: ClusterStats;
  timings: { readMs: number; clusterMs: number; writeMs: number };
}

/**
 * Reads every Issue, groups the names by the lexical rule alone, and brings the IssueGroup layer
 * (and the groups' precomputed co-occurrence) in line with the result, writing only what changed.
 * The ingest calls recomputeConcepts (concept-layer.ts), which uses this rule for issues only when
 * no embedder can run.
 */
export async function recomputeIssueGroups(
  driver: Driver,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const started = performance.now();
  const { database, batchSize, maxRowsPerTransaction, onStep, ...groupOptions } = options;
  await ensureGroupSchema(driver, database);
  const snapshot = await readSnapshot(driver, database);
  const read = performance.now();
  const { groups, stats } = clusterIssues(snapshot.issues, groupOptions);
  const plan = planLayer(snapshot, groups);
  const pairs = cooccurringPairs(snapshot.issues, groups);
  const clustered = performance.now();
  // Neither the snapshot nor the groups are used past this point: the writes run without them.
  const changes = await applyPlan(driver, plan, { database, batchSize, maxRowsPerTransaction, onStep });
  const cooccurrence = await writeCooccurrence(driver, pairs, { database });
  const written = performance.now();
  return {
    groups: stats.groups,
    issues: stats.issues,
    multiMemberGroups: stats.multiMemberGroups,
    durationMs: Math.round(written - started),
    changes,
    cooccurrence,
    clustering: stats,
    timings: {
      readMs: Math.round(read - started),
      clusterMs: Math.round(clustered - read),
      writeMs: Math.round(written - clustered),
    },
  };
}

export { clusterIssues, consensusKey } from './cluster.js';
export { recomputeConcepts } from './concept-layer.js';
export type { ConceptOptions, ConceptsResult, LabelResult } from './concept-layer.js';
export { CONCEPT_RULES, conceptScore, embeddedHead, embeddedText, headOf } from './concept-rule.js';
export type { ConceptRule } from './concept-rule.js';
export { clusterConcepts, exactNeighbourLists, exactNeighbours, textsToEmbed } from './concepts.js';
export type { ConceptClustering, ConceptInput, NeighbourList, NeighbourLists } from './concepts.js';
export {
  dropVectorIndexes,
  embedLabel,
  embeddingHash,
  headIndexName,
  vectorIndexName,
} from './embeddings.js';
export { readNeighbours } from './neighbours.js';
export type { ClusterStats, Clustering, GroupMember, IssueGroupResult, IssueInput } from './cluster.js';
export { explainPair } from './explain.js';
export type { ExplainOptions, Explanation, NameAnalysis, WeightedWord } from './explain.js';
export { DEFAULT_LEXICON, GENERIC_WORDS, makeLexicon, STEM_OVERRIDES, SYNONYMS } from './lexicon.js';
export type { Lexicon, LexiconChanges } from './lexicon.js';
export { DEFAULT_GROUP_OPTIONS, resolveGroupOptions } from './options.js';
export type { GroupOptions } from './options.js';
export { planLayer } from './plan.js';
export type { LayerPlan, LayerSnapshot } from './plan.js';
export { foldText, signature, withoutGenericWords, words } from './signature.js';
export type { Signature } from './signature.js';
export { americanSpelling } from './spelling.js';
export { applyPlan, ensureGroupSchema, readSnapshot } from './store.js';
export type { LayerChanges, WriteOptions } from './store.js';

import type { Driver } from 'neo4j-driver';
import type { Embedder } from '../embed/embedder.js';
import { GROUPED_LABELS, type GroupedLabel } from '../model/labels.js';
import { clusterIssues, type IssueGroupResult } from './cluster.js';
import { CONCEPT_RULES } from './concept-rule.js';
import { clusterConcepts } from './concepts.js';
import { COOCCURRING_LABELS, cooccurringPairs, writeCooccurrence } from './cooccurrence.js';
import { embedLabels, type EmbedResult } from './embeddings.js';
import { readNeighbours } from './neighbours.js';
import { planLayer, type LayerSnapshot } from './plan.js';
import { applyPlan, ensureGroupSchema, readSnapshot, type LayerChanges, type WriteOptions } from './store.js';

/**
 * The concept layer: embed the names of every label that have no current vector (embeddings.ts),
 * then label by label read each name's nearest names from the vector index, group them by the
 * label's rule (concept-rule.ts), and write only what changed. For issues and themes, the
 * co-occurrence of the groups is precomputed in the same pass.
 * Without an embedder (no Java on this machine) issues fall back to the lexical rule (cluster.ts)
 * and the other labels keep whatever layer they had.
 */

export interface ConceptOptions extends WriteOptions {
  embedder: Embedder | null;
  labels?: readonly GroupedLabel[];
}

export interface LabelResult {
  label: GroupedLabel;
  rule: 'concept' | 'lexical';
  names: number;
  groups: number;
  multiMemberGroups: number;
  embedding: EmbedResult | null;
  /** Names whose neighbours were asked of the vector index (the others' were stored). */
  neighboursQueried: number;
  /** Heads whose nearest names were asked of the vector index (compareHeads rules only). */
  headsQueried: number;
  /** Names whose nearest heads were asked of the head index (compareHeads rules only). */
  nearHeadsQueried: number;
  changes: LayerChanges;
  /** Issues and themes: the precomputed co-occurrence of their groups. */
  cooccurrence?: { pairs: number; written: number; deleted: number };
  timings: { embedMs: number; readMs: number; neighboursMs: number; clusterMs: number; writeMs: number };
}

export interface ConceptsResult {
  labels: LabelResult[];
  durationMs: number;
}

export async function recomputeConcepts(driver: Driver, options: ConceptOptions): Promise<ConceptsResult> {
  const started = performance.now();
  const { database, embedder } = options;
  const grouped = (options.labels ?? GROUPED_LABELS).filter((label) => embedder || label === 'Issue');
  for (const label of grouped) await ensureGroupSchema(driver, database, label);
  // Every label is embedded before any is grouped, so the vectors shared by labels are held only
  // while embedding, never beside a label's neighbours and groups.
  const embeddings = embedder ? await embedLabels(driver, embedder, grouped, { database }) : null;
  const labels: LabelResult[] = [];
  for (const label of grouped)
    labels.push(await recomputeLabel(driver, label, options, embeddings?.get(label) ?? null));
  return { labels, durationMs: Math.round(performance.now() - started) };
}

async function recomputeLabel(
  driver: Driver,
  label: GroupedLabel,
  options: ConceptOptions,
  embedding: EmbedResult | null,
): Promise<LabelResult> {
  const { database, embedder } = options;
  const rule = CONCEPT_RULES[label];
  const t1 = performance.now();
  const snapshot: LayerSnapshot = await readSnapshot(driver, database, label);
  const t2 = performance.now();
  const found = embedder ? await readNeighbours(driver, label, rule, { database }) : null;
  const neighbours = found?.neighbours ?? null;
  const t3 = performance.now();
  const groups: IssueGroupResult[] = neighbours
    ? clusterConcepts(snapshot.issues, neighbours, rule).groups
    : clusterIssues(snapshot.issues).groups;
  const plan = planLayer(snapshot, groups);
  const pairs = (COOCCURRING_LABELS as readonly GroupedLabel[]).includes(label)
    ? cooccurringPairs(snapshot.issues, groups)
    : undefined;
  const summary = {
    rule: neighbours ? ('concept' as const) : ('lexical' as const),
    names: snapshot.issues.length,
    groups: groups.length,
    multiMemberGroups: groups.filter((group) => group.size > 1).length,
    neighboursQueried: found?.queried ?? 0,
    headsQueried: found?.headsQueried ?? 0,
    nearHeadsQueried: found?.nearHeadsQueried ?? 0,
  };
  const t4 = performance.now();
  // The snapshot, the groups and the neighbours are not used past this point: the writes run without them.
  const changes = await applyPlan(driver, plan, options, label);
  const cooccurrence = pairs ? await writeCooccurrence(driver, pairs, { database, label }) : undefined;
  const t5 = performance.now();
  return {
    label,
    ...summary,
    embedding,
    changes,
    ...(cooccurrence ? { cooccurrence } : {}),
    timings: {
      embedMs: embedding?.ms ?? 0,
      readMs: Math.round(t2 - t1),
      neighboursMs: Math.round(t3 - t2),
      clusterMs: Math.round(t4 - t3),
      writeMs: Math.round(t5 - t4),
    },
  };
}

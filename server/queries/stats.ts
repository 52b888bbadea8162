import { NODE_LABELS, REL_TYPES } from '../../model/index.js';
import type { QueryRunner } from '../graph/query-runner.js';

/** Counts per label and per relationship type, each read from Neo4j's count store (no scan). */
export const STATS = `
RETURN {${NODE_LABELS.map((label) => `${label}: COUNT { (:${label}) }`).join(', ')}} AS labels,
       {${REL_TYPES.map((type) => `${type}: COUNT { ()-[:${type}]->() }`).join(', ')}} AS relationships`;

export interface GraphStats {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

export async function readStats(tx: QueryRunner): Promise<GraphStats> {
  const { records } = await tx.run(STATS);
  const record = records[0]!;
  return { labels: record.get('labels'), relationships: record.get('relationships') };
}

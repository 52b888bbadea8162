import type { QueryResult } from 'neo4j-driver';

/** What a write changed in the graph, summed from Neo4j's own counters. */
export interface WriteStats {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export function emptyStats(): WriteStats {
  return {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
  };
}

export function addCounters(stats: WriteStats, result: QueryResult): void {
  const updates = result.summary.counters.updates();
  stats.nodesCreated += updates.nodesCreated;
  stats.nodesDeleted += updates.nodesDeleted;
  stats.relationshipsCreated += updates.relationshipsCreated;
  stats.relationshipsDeleted += updates.relationshipsDeleted;
  stats.propertiesSet += updates.propertiesSet;
}

export function addStats(total: WriteStats, more: WriteStats): void {
  for (const key of Object.keys(total) as (keyof WriteStats)[]) total[key] += more[key];
}

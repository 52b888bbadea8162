import { REL_TYPES, type NodeDetails } from '../../model/index.js';
import { displayName, matchNodePattern, type NodeTarget } from '../graph/node-ref.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { plainProperties } from '../graph/values.js';

/** A node's properties and its degree per relationship type (read from the degree store, cheap on hubs). */
export function nodeDetailsQuery(target: NodeTarget): string {
  return `
MATCH ${matchNodePattern('n', target, 'key')}
RETURN properties(n) AS properties,
       {${REL_TYPES.map((type) => `${type}: COUNT { (n)-[:${type}]-() }`).join(', ')}} AS degree`;
}

export async function readNodeDetails(tx: QueryRunner, target: NodeTarget): Promise<NodeDetails | null> {
  const { records } = await tx.run(nodeDetailsQuery(target), { key: target.key });
  const record = records[0];
  if (!record) return null;
  const properties = record.get('properties') as Record<string, unknown>;
  const degree = Object.fromEntries(
    Object.entries(record.get('degree') as Record<string, number>).filter(([, count]) => count > 0),
  );
  return {
    id: target.id,
    label: target.label,
    name: displayName(target.label, properties),
    properties: plainProperties(properties),
    degree,
  };
}

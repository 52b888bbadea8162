import type { Driver } from 'neo4j-driver';

/** Properties that differ between two equal ingests (when they ran). */
const VOLATILE = new Set(['ingestedAt']);

/**
 * The whole graph as sorted lines, nodes by label and key, relationships by their end keys: two
 * graphs with the same facts give the same dump whatever order they were written in.
 */
export async function dumpGraph(driver: Driver): Promise<string[]> {
  const { records: nodes } = await driver.executeQuery(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
  );
  const { records: rels } = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, properties(r) AS props,
            labels(a)[0] + ':' + coalesce(a.id, a.key) AS from, labels(b)[0] + ':' + coalesce(b.id, b.key) AS to`,
  );
  const lines = [
    ...nodes.map((r) => `(${(r.get('labels') as string[]).sort().join(':')} ${stable(r.get('props'))})`),
    ...rels.map((r) => `[${r.get('from')}]-${r.get('type')} ${stable(r.get('props'))}->[${r.get('to')}]`),
  ];
  return lines.sort();
}

function stable(props: Record<string, unknown>): string {
  const kept = Object.keys(props)
    .filter((key) => !VOLATILE.has(key))
    .sort()
    .map((key) => [key, String(props[key])]);
  return JSON.stringify(kept);
}

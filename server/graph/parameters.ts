import neo4j, { type Integer } from 'neo4j-driver';

/** JavaScript numbers reach Neo4j as floats; LIMIT, SKIP and list slices need integers. */
export function int(value: number): Integer {
  return neo4j.int(value);
}

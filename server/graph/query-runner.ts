import type { ManagedTransaction } from 'neo4j-driver';

/** Anything Cypher can be run on: a session, an explicit transaction or a managed one. */
export type QueryRunner = Pick<ManagedTransaction, 'run'>;

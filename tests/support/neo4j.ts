import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { connect, type Neo4jTarget } from '../../db/index.js';

/** The run's Neo4j (see tests/global-setup.ts). */
export function testTarget(): Neo4jTarget {
  return inject('neo4j');
}

export function testDriver(): Promise<Driver> {
  return connect(testTarget());
}

/** Removes every node, relationship, constraint and index: files share one database. */
export async function clearDatabase(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction, which only session.run gives.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  const { records: constraints } = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name');
  for (const record of constraints) await driver.executeQuery(`DROP CONSTRAINT \`${record.get('name')}\``);
  const { records: indexes } = await driver.executeQuery(
    "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
  );
  for (const record of indexes) await driver.executeQuery(`DROP INDEX \`${record.get('name')}\``);
}

/** How many transactions in Neo4j are running a query whose text contains `marker` (this one excluded). */
export async function transactionsRunning(driver: Driver, marker: string): Promise<number> {
  const { records } = await driver.executeQuery(
    'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker AND NOT currentQuery STARTS WITH "SHOW" RETURN count(*) AS n',
    { marker },
  );
  return records[0]!.get('n') as number;
}

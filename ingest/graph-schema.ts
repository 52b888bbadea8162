import type { Driver } from 'neo4j-driver';
import { CONCEPT_LABELS, ENTITY_LABELS, NODE_LABELS } from '../model/index.js';

/** Name of the one full-text index over entity names and article titles that search uses. */
export const SEARCH_INDEX = 'search_names';

export const ARTICLE_DATE_INDEX = 'article_date';

/**
 * Constraints (one unique key per label), the article date index and the full-text index, created before any write.
 * Labels come from the model's constant lists, never from input, so building the statements is safe.
 */
export function schemaStatements(): string[] {
  const unique = [
    'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT page_id IF NOT EXISTS FOR (n:Page) REQUIRE n.id IS UNIQUE',
    ...[...ENTITY_LABELS, ...Object.values(CONCEPT_LABELS)].map(
      (label) =>
        `CREATE CONSTRAINT ${label.toLowerCase()}_key IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE`,
    ),
  ];
  const searchable = NODE_LABELS.filter((label) => label !== 'Page').join('|');
  return [
    ...unique,
    // The newest articles of a hub theme or category are read from this index (server/queries/neighbors.ts).
    `CREATE INDEX ${ARTICLE_DATE_INDEX} IF NOT EXISTS FOR (n:Article) ON (n.date)`,
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${searchable}) ON EACH [n.name, n.title]`,
  ];
}

export async function ensureSchema(driver: Driver, database: string): Promise<void> {
  for (const statement of schemaStatements()) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}

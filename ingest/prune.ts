import type { Driver } from 'neo4j-driver';
import { dropVectorIndexes } from '../groups/index.js';
import { ensureSchema } from './graph-schema.js';
import {
  ARTICLE_IDS_WITH_FILES,
  ARTICLES_OF_FILES,
  DELETE_UNNAMED_ARTICLES,
  DEMOTE_NAMED_ARTICLES,
  SWEEP_ORPHAN_ENTITIES,
} from './statements.js';
import { deleteOrphanStubs, detachFacts, takeBackArticleCounts } from './writer.js';
import { addCounters, emptyStats, type WriteStats } from './write-stats.js';

const PRUNE_BATCH = 500;

/**
 * `--prune`: articles whose files are not among `keepIds` lose their facts (entities left with no
 * article go too); an article some Closest list still names stays as a stub, others are deleted.
 */
export async function pruneArticles(
  driver: Driver,
  database: string,
  keepIds: Set<string>,
): Promise<{ pruned: string[]; stats: WriteStats }> {
  const { records } = await driver.executeQuery(ARTICLE_IDS_WITH_FILES, {}, { database });
  const gone = records.map((record) => record.get('id') as string).filter((id) => !keepIds.has(id));
  const stats = await removeArticles(driver, database, gone);
  const swept = await driver.executeQuery(SWEEP_ORPHAN_ENTITIES, {}, { database });
  addCounters(stats, swept);
  return { pruned: gone, stats };
}

/**
 * The articles of deleted files (a watched folder's), removed as --prune removes them; an article
 * written since from a file of the same id under another root is left alone. Says which went.
 */
export async function removeFiles(
  driver: Driver,
  database: string,
  files: { id: string; root: string }[],
): Promise<{ removed: string[]; stats: WriteStats }> {
  const { records } = await driver.executeQuery(
    ARTICLES_OF_FILES,
    { files: files.map(({ id, root }) => ({ id, root })) },
    { database },
  );
  const removed = records.map((record) => record.get('id') as string);
  return { removed, stats: await removeArticles(driver, database, removed) };
}

async function removeArticles(driver: Driver, database: string, ids: string[]): Promise<WriteStats> {
  const stats = emptyStats();
  for (let start = 0; start < ids.length; start += PRUNE_BATCH) {
    const batch = ids.slice(start, start + PRUNE_BATCH);
    const session = driver.session({ database });
    try {
      await session.executeWrite(async (tx) => {
        const old = await detachFacts(tx, batch, stats);
        await takeBackArticleCounts(tx, old.links, stats);
        addCounters(stats, await tx.run(DEMOTE_NAMED_ARTICLES, { ids: batch }));
        addCounters(stats, await tx.run(DELETE_UNNAMED_ARTICLES, { ids: batch }));
        await deleteOrphanStubs(tx, old.closestTargets, stats);
      });
    } finally {
      await session.close();
    }
  }
  return stats;
}

/**
 * `--reset`: an empty graph with the schema in place. The vector indexes go too: the concept layer
 * makes them after it has written the vectors, and a population gives few large Lucene segments where
 * writes into an existing index give one per transaction (groups/embeddings.ts).
 */
export async function resetGraph(driver: Driver, database: string): Promise<void> {
  await dropVectorIndexes(driver, database);
  const session = driver.session({ database });
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction, which only session.run gives.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await ensureSchema(driver, database);
}

import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABELS, type ArticleRecord, type EntityLabel } from '../model/index.js';
import { articleRows, type ArticleRows } from './rows.js';
import {
  APPLY_COUNT_DELTAS,
  DELETE_ORPHAN_STUBS,
  DETACH_OLD_FACTS,
  LINK_CLOSEST,
  LINK_ENTITIES,
  LINK_PAGES,
  SET_ROOTS,
  UPSERT_ARTICLES,
} from './statements.js';
import { addCounters, emptyStats, type WriteStats } from './write-stats.js';

type CountedLabel = EntityLabel | 'Page';

/** An article and the ingest root its file was found under (kept on the article as `root`). */
export interface RootedArticle {
  article: ArticleRecord;
  root: string;
}

/**
 * Writes a batch of articles in ONE transaction: each article's old facts are replaced by its new
 * ones, entity article counts move by the difference, and whatever no article holds any more goes.
 * A crash leaves either the whole batch or none of it.
 */
export async function writeArticles(
  driver: Driver,
  database: string,
  articles: RootedArticle[],
): Promise<WriteStats> {
  const rows = articles.map(({ article, root }) => ({ ...articleRows(article), root }));
  const session = driver.session({ database });
  try {
    return await session.executeWrite((tx) => writeRows(tx, rows));
  } finally {
    await session.close();
  }
}

/** Records the root of articles whose files are unchanged but were found under another root. */
export async function setRoots(
  driver: Driver,
  database: string,
  rows: { id: string; root: string }[],
): Promise<void> {
  if (rows.length > 0) await driver.executeQuery(SET_ROOTS, { rows }, { database });
}

/** Removes articles' facts (as writeArticles would before writing new ones) and reports the moves. */
export async function detachFacts(
  tx: ManagedTransaction,
  ids: string[],
  stats: WriteStats,
): Promise<DetachedFacts> {
  const result = await tx.run(DETACH_OLD_FACTS, { ids });
  addCounters(stats, result);
  const detached: DetachedFacts = { links: [], closestTargets: new Set() };
  for (const record of result.records) {
    const type = record.get('type') as string;
    const key = record.get('key') as string;
    if (type === 'CLOSEST_TO') detached.closestTargets.add(key);
    else detached.links.push({ articleId: record.get('articleId'), label: record.get('label'), key });
  }
  return detached;
}

export interface DetachedFacts {
  links: { articleId: string; label: CountedLabel; key: string }[];
  closestTargets: Set<string>;
}

/**
 * Takes one off the article count of every entity (or page) an article lost its link to, and
 * deletes what reaches 0. New links count themselves as they are created (LINK_ENTITIES).
 */
export async function takeBackArticleCounts(
  tx: ManagedTransaction,
  lost: DetachedFacts['links'],
  stats: WriteStats,
): Promise<void> {
  const deltas = new Map<CountedLabel, Map<string, number>>();
  // DETACH_OLD_FACTS returns each (article, entity) pair once, so each is one article lost.
  for (const { label, key } of lost) {
    const byKey = deltas.get(label) ?? new Map<string, number>();
    byKey.set(key, (byKey.get(key) ?? 0) - 1);
    deltas.set(label, byKey);
  }
  for (const [label, byKey] of deltas) {
    const changed = [...byKey].map(([key, delta]) => ({ key, delta }));
    addCounters(stats, await tx.run(APPLY_COUNT_DELTAS[label], { deltas: changed }));
  }
}

export async function deleteOrphanStubs(
  tx: ManagedTransaction,
  ids: Iterable<string>,
  stats: WriteStats,
): Promise<void> {
  const candidates = [...ids];
  if (candidates.length > 0) addCounters(stats, await tx.run(DELETE_ORPHAN_STUBS, { ids: candidates }));
}

async function writeRows(
  tx: ManagedTransaction,
  rows: (ArticleRows & { root: string })[],
): Promise<WriteStats> {
  const stats = emptyStats();
  const old = await detachFacts(
    tx,
    rows.map((row) => row.article.id),
    stats,
  );

  const articles = rows.map((row) => ({ ...row.article, root: row.root }));
  addCounters(stats, await tx.run(UPSERT_ARTICLES, { articles }));
  for (const label of ENTITY_LABELS) {
    const facts = rows.flatMap((row) => row.facts[label]);
    if (facts.length > 0) addCounters(stats, await tx.run(LINK_ENTITIES[label], { rows: facts }));
  }
  const pages = rows.flatMap((row) => (row.page ? [row.page] : []));
  if (pages.length > 0) addCounters(stats, await tx.run(LINK_PAGES, { rows: pages }));
  const closest = rows.flatMap((row) => row.closest);
  if (closest.length > 0) addCounters(stats, await tx.run(LINK_CLOSEST, { rows: closest }));

  await takeBackArticleCounts(tx, old.links, stats);
  const stillNamed = new Set(closest.map((link) => link.targetId));
  await deleteOrphanStubs(
    tx,
    [...old.closestTargets].filter((id) => !stillNamed.has(id)),
    stats,
  );
  return stats;
}

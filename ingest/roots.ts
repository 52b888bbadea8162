import fs from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { RECORDED_ROOTS } from './statements.js';

/** An ingest root the graph holds articles from; `root` null: written before roots were kept. */
export interface HeldRoot {
  root: string | null;
  articles: number;
}

/**
 * Which folders the graph was built from. Every article keeps the root its file was found under
 * (the folder given, a file's folder, a glob's base), so a start on another folder can say what
 * the database holds instead of mixing the two.
 */
export async function readHeldRoots(driver: Driver, database: string, seedsDir: string): Promise<HeldRoot[]> {
  const seedIds = (await fs.readdir(seedsDir))
    .filter((name) => /\.(md|txt)$/i.test(name))
    .map((name) => name.slice(0, -path.extname(name).length));
  const { records } = await driver.executeQuery(
    RECORDED_ROOTS,
    { seedIds, seedsRoot: seedsDir },
    { database, routing: 'READ' },
  );
  return records.map((record) => ({
    root: record.get('root') as string | null,
    articles: Number(record.get('articles')),
  }));
}

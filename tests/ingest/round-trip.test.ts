import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../ingest/files.js';
import { ingestPaths } from '../../ingest/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { PROJECT_ROOT } from '../../db/index.js';
import { readArticleRecord } from '../../server/index.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';
import { CORPUS_DIR, SEEDS_DIR } from '../support/paths.js';

let driver: Driver;

beforeAll(async () => {
  driver = await testDriver();
  await clearDatabase(driver);
  // Parsed in worker threads, as a large ingest is: the records must come through the hop intact.
  const report = await ingestPaths(driver, [CORPUS_DIR, SEEDS_DIR], { cwd: PROJECT_ROOT, parseWorkers: 2 });
  expect(report.totals.failed).toBe(0);
}, 600_000);
afterAll(() => driver.close());

describe('round trip through Neo4j', () => {
  it('reads back exactly the parsed record of every corpus and seed document: nothing lost, nothing invented', async () => {
    const files = await discoverFiles([CORPUS_DIR, SEEDS_DIR], PROJECT_ROOT);
    expect(files.length).toBeGreaterThan(100);
    const session = driver.session();
    try {
      for (const file of files) {
        const { article } = parseDocument({
          file: file.file,
          id: file.id,
          bytes: fs.readFileSync(file.absolutePath),
        });
        expect(article, file.file).not.toBeNull();
        const stored = await session.executeRead((tx) => readArticleRecord(tx, file.id));
        expect(stored, file.file).toEqual(article);
      }
    } finally {
      await session.close();
    }
  });
});

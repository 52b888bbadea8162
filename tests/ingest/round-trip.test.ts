import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../ingest/files.js';
import { ingestPaths } from '../../ingest/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { PROJECT_ROOT } from '../../db/index.js';
import { readArticleRecord } from '../../server/index.js';
import { MATERIAL_LABEL, prepareMaterial, type Material } from '../support/material.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';

let driver: Driver;
let material: Material;

beforeAll(async () => {
  driver = await testDriver();
  await clearDatabase(driver);
  material = await prepareMaterial();
  // Parsed in worker threads, as a large ingest is: the records must come through the hop intact.
  const report = await ingestPaths(driver, material.dirs, { cwd: PROJECT_ROOT, parseWorkers: 2 });
  expect(report.totals.failed).toBe(0);
}, 600_000);
afterAll(async () => {
  material?.remove();
  await driver?.close();
});

describe(`round trip through Neo4j (${MATERIAL_LABEL})`, () => {
  it('reads back exactly the parsed record of every document: nothing lost, nothing invented', async () => {
    const files = await discoverFiles(material.dirs, PROJECT_ROOT);
    expect(files.length).toBeGreaterThan(150);
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

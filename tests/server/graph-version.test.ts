import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/index.js';
import { GraphVersionSchema, type GraphVersion } from '../../model/index.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';
import { fixtureFolder } from '../support/material.js';
import { startApi, type TestApi } from './support/api.js';

/** GET /api/graph/version: what the client polls to learn that the graph changed. */

let driver: Driver;
let api: TestApi;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-version-'));

const version = async (): Promise<GraphVersion> => {
  const { status, body, headers } = await api.get('/api/graph/version');
  expect(status).toBe(200);
  expect(headers.get('cache-control')).toBe('no-store');
  return GraphVersionSchema.parse(body);
};

beforeAll(async () => {
  driver = await testDriver();
  await clearDatabase(driver);
  api = await startApi(driver);
});
afterAll(async () => {
  await api?.close();
  await driver?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('GET /api/graph/version', () => {
  it('counts the articles of documents per folder, by the folder’s name only', async () => {
    // old-layout's Closest list names four other documents: stubs, not counted.
    const digests = fixtureFolder(tmp, 'digests', ['old-layout', 'new-layout', 'french']);
    await ingestPaths(driver, [digests, fixtureFolder(tmp, 'more', ['no-relevancy'])]);
    const answer = await version();
    expect(answer).toMatchObject({
      articles: 4,
      folders: [
        { name: 'digests', articles: 3 },
        { name: 'more', articles: 1 },
      ],
    });
    expect(JSON.stringify(answer)).not.toContain(tmp);
    expect(answer.version).not.toBe('');
  });

  it('keeps its version while nothing is written, and moves it with every change', async () => {
    const first = await version();
    expect((await version()).version).toBe(first.version);

    const digests = path.join(tmp, 'digests');
    fs.rmSync(path.join(digests, 'french.md'));
    await ingestPaths(driver, [digests], { prune: true });
    const after = await version();
    expect(after.version).not.toBe(first.version);
    expect(after.folders).toEqual([{ name: 'digests', articles: 2 }]);
  });
});

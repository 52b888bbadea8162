import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createDriver,
  freePort,
  localSettingsFromEnv,
  startLocalNeo4j,
  type LocalNeo4j,
  type LocalNeo4jSettings,
} from '../../db/index.js';
import { pathId, startApi, type TestApi } from './support/api.js';
import { FIXTURE_ARTICLES, FIXTURE_GROUPS } from './support/fixture-articles.js';
import { loadFixture } from './support/fixture-graph.js';

/** Every data route, each with a request that succeeds while Neo4j is up. */
const DATA_ROUTES = [
  '/api/stats',
  '/api/search?q=energy',
  `/api/nodes/${pathId('Theme:energy')}`,
  `/api/nodes/${pathId('Theme:energy')}/neighbors`,
  '/api/articles/a1',
  '/api/themes/network',
  '/api/themes/link?a=Theme:energy&b=Theme:climate',
  '/api/issues/IssueGroup:opaque-ai/cooccurring',
  '/api/issues/pairs',
  '/api/paths?from=Article:a1&to=Article:a6',
  '/api/graph/version',
  '/api/timeline',
  '/api/trends?ids=Theme:energy',
  '/api/emerging',
  '/api/signals/timeline?of=Theme:energy',
  '/api/concepts/IssueGroup:opaque-ai',
];
const QUICKLY_MS = 3_000;

let local: LocalNeo4j | null = null;
let driver: Driver | null = null;
let api: TestApi | null = null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-outage-'));

afterAll(async () => {
  await api?.close();
  await driver?.close();
  await local?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function answersEverything(api: TestApi): Promise<void> {
  for (const route of DATA_ROUTES) expect((await api.get(route)).status, route).toBe(200);
  expect((await api.post('/api/cypher', { query: 'RETURN 1 AS one' })).status).toBe(200);
}

describe('when Neo4j goes away', () => {
  it(
    'killed under load: every route answers 503 quickly with a clear message (nothing else), and all recover when it is back, without a restart',
    { timeout: 600_000 },
    async () => {
      const settings: LocalNeo4jSettings = {
        ...localSettingsFromEnv({}),
        dataDir,
        port: await freePort(),
        password: 'outage-password-0',
        heap: '512m',
        pageCache: '64m',
      };
      local = await startLocalNeo4j(settings);
      driver = createDriver(local.target);
      await loadFixture(driver, FIXTURE_ARTICLES, FIXTURE_GROUPS);
      api = await startApi(driver);
      expect((await api.get('/api/health')).status).toBe(200);
      await answersEverything(api);

      // Killed, not stopped, while eight clients keep asking: nothing may answer but 200 or 503.
      const statuses = new Map<number, number>();
      let loading = true;
      const clients = Array.from({ length: 8 }, async (_, client) => {
        for (let i = client; loading; i++) {
          const route = DATA_ROUTES[i % DATA_ROUTES.length]!;
          const { status } = await api!.get(route);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      process.kill(local.pid, 'SIGKILL');
      local = null;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      loading = false;
      await Promise.all(clients);
      expect([...statuses.keys()].sort()).toEqual([200, 503]);

      const health = await api.get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({
        status: 'unavailable',
        neo4j: { connected: false, version: null },
      });
      expect(health.body.message).toMatch(/Neo4j is unavailable .*npm run db/);
      expect(health.ms).toBeLessThan(QUICKLY_MS);
      for (const route of DATA_ROUTES) {
        const answer = await api.get(route);
        expect(answer.status, route).toBe(503);
        expect(answer.body.error.code, route).toBe('UNAVAILABLE');
        expect(answer.body.error.message, route).toMatch(/Neo4j is unavailable/);
        expect(answer.ms, route).toBeLessThan(QUICKLY_MS);
      }
      const cypher = await api.post('/api/cypher', { query: 'RETURN 1 AS one' });
      expect(cypher.status).toBe(503);
      expect(cypher.ms).toBeLessThan(QUICKLY_MS);
      local = await startLocalNeo4j(settings);
      const deadline = Date.now() + 30_000;
      while ((await api.get('/api/health')).status !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      await answersEverything(api);
      expect((await api.get('/api/stats')).body.labels.Article).toBe(8);
    },
  );
});

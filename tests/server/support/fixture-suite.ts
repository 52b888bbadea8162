import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import type { AppOptions } from '../../../server/index.js';
import { testDriver } from '../../support/neo4j.js';
import { startApi, type TestApi } from './api.js';
import { FIXTURE_ARTICLES, FIXTURE_GROUPS } from './fixture-articles.js';
import { loadFixture } from './fixture-graph.js';

export interface Suite {
  driver: Driver;
  api: TestApi;
}

/** A test file's fixture graph and a running app on it, set up once for the file. */
export function useFixtureApi(options: { groups?: boolean; app?: Partial<AppOptions> } = {}): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    suite.driver = await testDriver();
    await loadFixture(suite.driver, FIXTURE_ARTICLES, options.groups === false ? [] : FIXTURE_GROUPS);
    suite.api = await startApi(suite.driver, options.app);
  });
  afterAll(async () => {
    await suite.api?.close();
    await suite.driver?.close();
  });
  return suite;
}

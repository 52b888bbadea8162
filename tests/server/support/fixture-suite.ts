import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import type { AppOptions } from '../../../server/index.js';
import { testDriver } from '../../support/neo4j.js';
import { startApi, type TestApi } from './api.js';
import type { ArticleRecord } from '../../../model/index.js';
import { FIXTURE_ARTICLES, FIXTURE_GROUPS, type FixtureGroup } from './fixture-articles.js';
import { loadFixture } from './fixture-graph.js';

export interface Suite {
  driver: Driver;
  api: TestApi;
}

/**
 * A test file's fixture graph (the fixture articles and, unless `groups: false`, their groups; or
 * another `fixture`) and a running app on it, set up once for the file.
 */
export function useFixtureApi(
  options: {
    groups?: boolean;
    app?: Partial<AppOptions>;
    fixture?: { articles: ArticleRecord[]; groups: FixtureGroup[] };
  } = {},
): Suite {
  const suite = {} as Suite;
  const fixture = options.fixture ?? {
    articles: FIXTURE_ARTICLES,
    groups: options.groups === false ? [] : FIXTURE_GROUPS,
  };
  beforeAll(async () => {
    suite.driver = await testDriver();
    await loadFixture(suite.driver, fixture.articles, fixture.groups);
    suite.api = await startApi(suite.driver, options.app);
  });
  afterAll(async () => {
    await suite.api?.close();
    await suite.driver?.close();
  });
  return suite;
}

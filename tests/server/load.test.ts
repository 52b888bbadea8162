import { describe, expect, it } from 'vitest';
import { benchCases } from '../../bench/api-cases.js';
import { loadMix } from '../../bench/load-mix.js';
import { testTarget } from '../support/neo4j.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();

/**
 * The short form of `bench/load.ts`: every main route at once, 8 connections for a few seconds, on
 * the fixture graph. What matters here is that nothing fails under concurrency (no 5xx from a
 * session or pool exhausted, no route left unanswered); speed and memory are the benchmark's.
 */
describe('every main route at once, under load', () => {
  it('answers every request of every route with a 2xx', async () => {
    const cases = await benchCases(suite.driver, testTarget().database);
    const routes = cases.map((c) => c.name);
    expect(routes).toEqual(
      expect.arrayContaining([
        'search',
        'neighbors',
        'issues/cooccurring',
        'issues/pairs',
        'paths',
        'cypher',
      ]),
    );
    expect(routes.some((name) => name.startsWith('concept'))).toBe(true);

    const mix = await loadMix(suite.api.url, cases, { connections: 8, durationS: 4 });

    expect({ errors: mix.errors, timeouts: mix.timeouts }).toEqual({ errors: 0, timeouts: 0 });
    for (const route of mix.routes) {
      expect(route.statuses, `${route.route}: answers other than 2xx`).toEqual({});
      expect(route.requests, `${route.route} was answered`).toBeGreaterThan(0);
    }
  });
});

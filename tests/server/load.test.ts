import { describe, expect, it } from 'vitest';
import { benchCases } from '../../bench/api-cases.js';
import { loadMix } from '../../bench/load-mix.js';
import { testTarget } from '../support/neo4j.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();

/**
 * The short form of `bench/load.ts`: every main route at once, 8 connections each sending every route once, on
 * the fixture graph. What matters here is that nothing fails under concurrency (no 5xx from a
 * session or pool exhausted, no route left unanswered); speed and memory are the benchmark's.
 */
describe('every main route at once, under load', () => {
  it('answers every request of every route with a 2xx', { timeout: 180_000 }, async () => {
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

    // Each connection sends every route once, starting at a different one: all are in flight at once.
    const mix = await loadMix(suite.api.url, cases, { connections: 8, rounds: 1 });

    expect({ errors: mix.errors, timeouts: mix.timeouts }).toEqual({ errors: 0, timeouts: 0 });
    for (const route of mix.routes) {
      expect(route.statuses, `${route.route}: answers other than 2xx`).toEqual({});
      expect(route.requests, `${route.route}: 2xx answers`).toBe(8);
    }
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../client/src/api-client.js';
import { VIEW_DEFAULTS } from '../../model/index.js';
import { warmUp, warmUpPaths } from '../../server/http/warm-up.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cache warm-up after the server starts', () => {
  it('computes the themes network and the strongest pairs the views open with', async () => {
    const results = await warmUp(suite.api.url);
    expect(results.map(({ path, status }) => ({ path, status }))).toEqual(
      warmUpPaths().map((path) => ({ path, status: 200 })),
    );
  });

  it('asks for exactly what the client asks for, so the client finds the answers cached', async () => {
    const realFetch = globalThis.fetch;
    const asked: string[] = [];
    vi.stubGlobal('fetch', (path: string, init?: RequestInit) => {
      asked.push(path);
      return realFetch(`${suite.api.url}${path}`, init);
    });
    const { themes, issues } = VIEW_DEFAULTS;
    await api.themes(themes.minCount, themes.limit);
    await api.pairs(issues.measure, issues.minCount, issues.pairsLimit);
    expect(asked).toEqual(warmUpPaths());
  });
});

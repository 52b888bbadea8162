import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../client/src/api-client.js';
import { VIEW_DEFAULTS } from '../../model/index.js';
import { keepWarm, selfUrl, warmUp, warmUpPaths, type WarmUpResult } from '../../server/http/warm-up.js';
import { useFixtureApi } from './support/fixture-suite.js';

const logged: { msg: string; req?: { url: string } }[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(JSON.parse(chunk.toString()) as (typeof logged)[number]);
      done();
    },
  }),
);
const suite = useFixtureApi({ app: { logger } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cache warm-up after the server starts', () => {
  it('computes the themes network, the strongest pairs, the timeline and the emerging themes the views open with', async () => {
    const results = await warmUp({ baseUrl: suite.api.url, headers: {} });
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
    const { themes, issues, timeline, emerging } = VIEW_DEFAULTS;
    await api.themes(themes.minCount, themes.limit);
    await api.themeCommunities(themes.minCount, themes.limit);
    await api.pairs(issues.measure, issues.minCount, issues.pairsLimit);
    await api.timeline(timeline.period);
    await api.emerging(emerging.kind, {
      minCount: emerging.minCount,
      limit: emerging.limit,
      period: emerging.period,
    });
    expect(asked).toEqual(warmUpPaths());
  });
});

describe('keeping warm', () => {
  it('reaches a server listening on every interface through loopback', () => {
    expect(selfUrl({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(selfUrl({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://[::1]:3000');
    expect(selfUrl({ address: '192.168.1.5', family: 'IPv4', port: 80 })).toBe('http://192.168.1.5:80');
  });

  it('warms round after round until stopped', async () => {
    const rounds: WarmUpResult[][] = [];
    const stop = keepWarm({ baseUrl: suite.api.url, headers: {} }, 50, (results) => rounds.push(results));
    await expect.poll(() => rounds.length).toBeGreaterThanOrEqual(3);
    stop();
    const seen = rounds.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rounds.length).toBe(seen);
    expect(rounds.flat().every((result) => result.status === 200)).toBe(true);
  });
});

describe('the request log', () => {
  it("leaves out the warm-up requests, and only those carrying this process's own token", async () => {
    logged.length = 0;
    await warmUp({ baseUrl: suite.api.url, headers: {} });
    await suite.api.get(warmUpPaths()[0]!, { headers: { 'x-horizon-warm-up': 'guessed' } });
    await expect.poll(() => logged.filter((line) => line.req).length).toBe(1);
    expect(logged.find((line) => line.req)!.req!.url).toBe(warmUpPaths()[0]);
  });
});

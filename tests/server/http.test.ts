import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, createLogger, gracefulShutdown } from '../../server/index.js';
import { startApi } from './support/api.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function directives(header: string | null): Map<string, string> {
  return new Map(
    (header ?? '').split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

describe('HTTP behaviour', () => {
  it('sends a strict Content-Security-Policy the client can live with', async () => {
    const { headers } = await suite.api.get('/api/health');
    const csp = directives(headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('worker-src')).toBe("'self' blob:");
    expect(csp.get('img-src')).toBe("'self' data: blob:");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('compresses large answers', async () => {
    const { headers } = await suite.api.get('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(headers.get('content-encoding')).toBe('gzip');
  });

  it('gives every request an id, keeping a plain one the caller sent', async () => {
    const generated = await suite.api.get('/api/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await suite.api.get('/api/health', { headers: { 'x-request-id': 'trace-42' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42');
    const replaced = await suite.api.get('/api/health', {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes and methods with a JSON 404', async () => {
    for (const answer of [await suite.api.get('/api/nothing'), await suite.api.post('/api/health', {})]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('serves the built client with a fallback to index.html outside /api', async () => {
    const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-client-'));
    dirs.push(clientDir);
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Horizon</title>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app-1234.js'), 'console.log(1);');
    const api = await startApi(suite.driver, { clientDir });
    try {
      const index = await api.get('/');
      expect(index.status).toBe(200);
      expect(index.body).toContain('<title>Horizon</title>');
      expect(index.headers.get('cache-control')).toBe('no-cache');
      const deepLink = await api.get('/explore/Theme:energy');
      expect(deepLink.body).toContain('<title>Horizon</title>');
      const asset = await api.get('/assets/app-1234.js');
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await api.get('/api/nothing')).body.error.code).toBe('NOT_FOUND');
      expect((await api.get('/api/health')).body.status).toBe('ok');
    } finally {
      await api.close();
    }
    const without = await startApi(suite.driver, { clientDir: path.join(clientDir, 'missing') });
    try {
      expect((await without.get('/')).status).toBe(404);
    } finally {
      await without.close();
    }
  });

  it('shuts down gracefully: requests in flight finish, then the driver closes', async () => {
    const app = createApp({ driver: suite.driver, logger: createLogger('silent') });
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const events: string[] = [];
    const shutdown = gracefulShutdown(server, {
      graceMs: 10_000,
      onClosed: async () => {
        events.push('closed');
      },
    });
    const slow = fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'UNWIND range(1, 3000000) AS x WITH x WHERE x % 3 = 0 RETURN count(x) AS n',
      }),
    }).then(async (response) => {
      events.push(`answered ${response.status}`);
      return (await response.json()) as { rows: unknown[][] };
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    events.push('shutdown');
    const stopped = shutdown();
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect((await slow).rows).toEqual([[1_000_000]]);
    await stopped;
    expect(events).toEqual(['shutdown', 'answered 200', 'closed']);
  });
});

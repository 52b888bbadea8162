import type { ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URI_MAX_BYTES } from '../../server/http/request-limits.js';
import { testDriver } from '../support/neo4j.js';
import { spawnScript } from '../support/run-cli.js';
import { FIXTURE_ARTICLES, FIXTURE_GROUPS } from './support/fixture-articles.js';
import { loadFixture } from './support/fixture-graph.js';

/** `npm run serve` as a process: who may reach it, and what it reads of a request. */

const TOKEN = 'a-test-token-of-32-characters-00';
const children: ChildProcess[] = [];
let driver: Driver;

beforeAll(async () => {
  driver = await testDriver();
  await loadFixture(driver, FIXTURE_ARTICLES, FIXTURE_GROUPS);
});

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('close', resolve))));
  await driver?.close();
});

interface Running {
  url: string;
  startLine: string;
  /** Every JSON log line so far. */
  log: () => { msg?: string; req?: { url: string }; res?: { statusCode: number } }[];
}

/** Starts the server and waits for its start line; the test reaches it on loopback whatever HOST is. */
async function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawnScript('server/main.ts', [], { env: { PORT: '0', ...env } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = (): ReturnType<Running['log']> =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
  const startLine = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = log().find((entry) => entry.msg?.startsWith('Horizon Graph on '));
      if (line) resolve(line.msg!);
    });
    child.once('close', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
  const port = /:(\d+) \(/.exec(startLine)![1];
  return { url: `http://127.0.0.1:${port}`, startLine, log };
}

function exitOf(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawnScript('server/main.ts', [], { env: { PORT: '0', ...env } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('who may reach the server', () => {
  it('refuses to listen beyond loopback without a token: one line, exit 2', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.1']) {
      const { code, stderr } = await exitOf({ HOST: host, HORIZON_TOKEN: '' });
      expect(code, host).toBe(2);
      expect(stderr.trim().split('\n'), host).toHaveLength(1);
      expect(stderr).toContain(`HOST=${host} serves beyond this machine: set HORIZON_TOKEN`);
    }
    const short = await exitOf({ HOST: '0.0.0.0', HORIZON_TOKEN: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/HORIZON_TOKEN: at least 16 characters/);
  });

  it('binds 127.0.0.1 by default and needs no token there', async () => {
    const server = await startServer({ HOST: '', HORIZON_TOKEN: '' });
    expect(server.startLine).toMatch(
      /^Horizon Graph on http:\/\/127\.0\.0\.1:\d+ .*: loopback only, no token$/,
    );
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it(
    'beyond loopback, every request needs the token, as bearer or as basic auth password',
    { timeout: 120_000 },
    async () => {
      const server = await startServer({ HOST: '0.0.0.0', HORIZON_TOKEN: TOKEN, LOG_LEVEL: 'debug' });
      expect(server.startLine).toContain('reachable from the network; every request needs HORIZON_TOKEN');
      expect(server.startLine).not.toContain(TOKEN);

      for (const authorization of [null, 'Bearer wrong-token', basic('me', 'wrong'), `Bearer ${TOKEN}x`]) {
        for (const path of ['/api/stats', '/api/health', '/', '/api/openapi.json']) {
          const response = await fetch(`${server.url}${path}`, {
            headers: authorization ? { authorization } : {},
          });
          expect(response.status, `${path} with ${authorization}`).toBe(401);
          expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="Horizon Graph"/);
          const body = (await response.json()) as { error: { code: string; message: string } };
          expect(body.error.code).toBe('UNAUTHORIZED');
          expect(body.error.message).toContain('Authorization: Bearer <HORIZON_TOKEN>');
        }
      }
      const refused = await fetch(`${server.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'MATCH (a:Article) RETURN a.title' }),
      });
      expect(refused.status).toBe(401);

      for (const authorization of [`Bearer ${TOKEN}`, basic('anyone', TOKEN), basic('', TOKEN)]) {
        const stats = await fetch(`${server.url}/api/stats`, { headers: { authorization } });
        expect(stats.status, authorization).toBe(200);
        expect(((await stats.json()) as { labels: Record<string, number> }).labels.Article).toBe(8);
      }
      // The server's own warm-up requests carry the token too.
      await expect
        .poll(() =>
          server
            .log()
            .filter((entry) => entry.req?.url.startsWith('/api/themes/network'))
            .map((entry) => entry.res?.statusCode),
        )
        .toContain(200);
      expect(server.log().some((entry) => entry.msg?.startsWith('Warming'))).toBe(false);
    },
  );
});

describe('what the server reads of a request', () => {
  let url: string;
  beforeAll(async () => {
    url = (await startServer({ HOST: '127.0.0.1', HORIZON_TOKEN: '' })).url;
  });

  const postJson = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
    const body = (await response.json()) as { error: { code: string; message: string } };
    return { status: response.status, ...body.error };
  }

  it('answers an over-long path or query string with 414 and says the limit', async () => {
    const long = await errorOf(await fetch(`${url}/api/search?q=${'a'.repeat(URI_MAX_BYTES)}`));
    expect(long).toMatchObject({ status: 414, code: 'INVALID_INPUT' });
    expect(long.message).toMatch(new RegExp(`at most ${URI_MAX_BYTES} are read`));
    const longPath = await errorOf(await fetch(`${url}/api/nodes/${'x'.repeat(URI_MAX_BYTES)}`));
    expect(longPath.status).toBe(414);
    // Just under the limit, the parameter's own bound speaks.
    const underLimit = await errorOf(await fetch(`${url}/api/search?q=${'a'.repeat(URI_MAX_BYTES - 100)}`));
    expect(underLimit).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(underLimit.message).toMatch(/query parameter "q"/);
    const manyKeys = await errorOf(
      await fetch(`${url}/api/stats?${Array.from({ length: 500 }, (_, i) => `k${i}=1`).join('&')}`),
    );
    expect(manyKeys).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
  });

  it('answers an over-large, malformed or deeply nested JSON body with a clear 413 or 400', async () => {
    const tooLarge = await errorOf(
      await postJson(JSON.stringify({ query: 'RETURN 1', params: { x: 'y'.repeat(200_000) } })),
    );
    expect(tooLarge).toMatchObject({ status: 413, code: 'INVALID_INPUT' });
    expect(tooLarge.message).toMatch(/larger than the 102400 bytes allowed/);

    const malformed = await errorOf(await postJson('{"query": "RETURN 1",'));
    expect(malformed).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(malformed.message).toMatch(/not valid JSON/);

    const nested = await errorOf(
      await postJson(
        `{"query": "RETURN $p AS p", "params": {"p": ${'['.repeat(40_000)}${']'.repeat(40_000)}}}`,
      ),
    );
    expect(nested).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(nested.message).toMatch(/body "params": Parameters nest deeper than 32 levels/);

    const notJson = await errorOf(await postJson('query=RETURN 1', { 'content-type': 'text/plain' }));
    expect(notJson).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    // The server still answers after all of these.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });
});

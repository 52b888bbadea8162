import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  connect,
  dataFolderError,
  freePort,
  localSettingsFromEnv,
  startLocalNeo4j,
  type LocalNeo4jSettings,
} from '../../db/index.js';
import { testTarget } from '../support/neo4j.js';
import {
  runScript,
  UNPRIVILEGED,
  UNPRIVILEGED_REACHES_PROJECT,
  UNPRIVILEGED_SKIP_LINE,
} from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

async function freshSettings(overrides: Partial<LocalNeo4jSettings> = {}): Promise<LocalNeo4jSettings> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-db-test-'));
  dirs.push(dataDir);
  return {
    ...localSettingsFromEnv({}),
    dataDir,
    port: await freePort(),
    heap: '512m',
    pageCache: '64m',
    ...overrides,
  };
}

describe('local Neo4j', () => {
  it(
    'keeps data written through Bolt across a restart, with a generated 0600 password',
    { timeout: 240_000 },
    async () => {
      const settings = await freshSettings({ password: undefined });
      const first = await startLocalNeo4j(settings);
      try {
        const mode = fs.statSync(path.join(settings.dataDir, 'password')).mode & 0o777;
        expect(mode).toBe(0o600);
        const again = await startLocalNeo4j(settings);
        expect(again.reused).toBe(true);
        expect(again.pid).toBe(first.pid);

        const driver = await connect(first.target);
        await driver.executeQuery('CREATE (:Probe {value: $value})', { value: 'survives restarts' });
        await driver.close();
      } finally {
        await first.stop();
      }

      const second = await startLocalNeo4j(settings);
      try {
        expect(second.reused).toBe(false);
        expect(second.target.password).toBe(first.target.password);
        const driver = await connect(second.target);
        const { records } = await driver.executeQuery('MATCH (p:Probe) RETURN p.value AS value');
        await driver.close();
        expect(records.map((r) => r.get('value'))).toEqual(['survives restarts']);
      } finally {
        await second.stop();
      }
    },
  );

  it('says what to do when Java is missing', async () => {
    const settings = await freshSettings({ javaCommand: '/nonexistent/bin/java', password: 'irrelevant-pw' });
    await expect(startLocalNeo4j(settings)).rejects.toMatchObject({
      name: 'JavaMissingError',
      message: expect.stringMatching(/install it .*or set NEO4J_URI/),
    });
  });
});

describe('connection errors', () => {
  it('names the password as the problem when it is wrong', async () => {
    const target = { ...testTarget(), password: 'certainly-wrong' };
    const error = await connect(target, { attempts: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'Neo4jAuthError',
      message: expect.stringContaining('NEO4J_PASSWORD'),
    });
    expect((error as Error).message).not.toContain('\n');
  });

  it('says how to start Neo4j when nothing answers, quickly', async () => {
    const target = { ...testTarget(), uri: `bolt://127.0.0.1:${await freePort()}` };
    const started = Date.now();
    const error = await connect(target, { attempts: 2, retryDelayMs: 50 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'Neo4jUnavailableError',
      message: expect.stringContaining('npm run db'),
    });
    expect((error as Error).message).toContain('NEO4J_URI');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('a data folder that cannot take writes', () => {
  if (!UNPRIVILEGED_REACHES_PROJECT) console.warn(UNPRIVILEGED_SKIP_LINE);

  it.skipIf(!UNPRIVILEGED_REACHES_PROJECT)(
    'stops npm run db with one line naming the folder and NEO4J_LOCAL_DIR, exit 2',
    async () => {
      const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-db-readonly-'));
      dirs.push(parent);
      fs.chmodSync(parent, 0o555);
      for (const dataDir of [parent, path.join(parent, 'neo4j')]) {
        const result = await runScript(path.join('db', 'cli.ts'), [], {
          ...UNPRIVILEGED,
          env: { NEO4J_URI: '', NEO4J_LOCAL_DIR: dataDir },
        });
        expect(result.code, dataDir).toBe(2);
        expect(result.stderr.trim()).toBe(
          `The Neo4j data folder ${dataDir} cannot be written by this user (permission denied): make it writable, or choose another folder with NEO4J_LOCAL_DIR.`,
        );
      }
    },
  );

  it('says so for a read-only file system and a full disk too', () => {
    const failed = (code: string): Error => Object.assign(new Error(`${code}: failed`), { code });
    expect(dataFolderError(failed('EROFS'), '/data').message).toBe(
      'The Neo4j data folder /data is on a read-only file system: choose another folder with NEO4J_LOCAL_DIR.',
    );
    expect(dataFolderError(failed('ENOSPC'), '/data').message).toBe(
      'The Neo4j data folder /data is on a full disk (no space left): free some space, or choose another folder with NEO4J_LOCAL_DIR.',
    );
    const other = failed('EISDIR');
    expect(dataFolderError(other, '/data')).toBe(other);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestPaths } from '../../ingest/index.js';
import { GraphVersionSchema } from '../../model/index.js';
import { dumpGraph } from '../support/graph-dump.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';
import { fixtureFolder } from '../support/material.js';
import { SEEDS_DIR } from '../support/paths.js';
import { UNPRIVILEGED, UNPRIVILEGED_REACHES_PROJECT, UNPRIVILEGED_SKIP_LINE } from '../support/run-cli.js';
import { runStart, startProduct } from '../support/start-process.js';

/**
 * `npm start -- PATH…` as a real process against the test Neo4j: the graph is built from the PATHs
 * only, the seeds only when nothing else is there, another folder is never mixed in silently, and
 * a mistake in a PATH is one line, exit 2, with nothing stored touched.
 */

// Each start is a process that ingests and serves: seconds each on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000 });

let driver: Driver;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-start-'));

async function articlesByRoot(): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery(
    'MATCH (a:Article) WHERE a.stub IS NULL RETURN a.root AS root, count(*) AS n ORDER BY root',
  );
  return Object.fromEntries(records.map((record) => [String(record.get('root')), record.get('n') as number]));
}

beforeAll(async () => {
  driver = await testDriver();
});
afterAll(async () => {
  await driver?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm start -- PATH…: the folder is the graph', () => {
  const mine = fixtureFolder(tmp, 'mine', ['new-layout', 'old-layout', 'french']);
  const other = fixtureFolder(tmp, 'other', ['no-relevancy', 'seed-layout']);

  it('serves the seeds when the database is empty, replaces them by a folder, and says so', async () => {
    await clearDatabase(driver);
    const seeds = await startProduct([]);
    expect(await seeds.stop()).toBe(0);
    expect(await articlesByRoot()).toEqual({ [SEEDS_DIR]: 30 });

    const product = await startProduct([mine]);
    try {
      expect(product.output()).toContain('Replacing the 30 example seeds');
      expect(await articlesByRoot()).toEqual({ [mine]: 3 });
      const version = GraphVersionSchema.parse(
        await (await fetch(`${product.url}/api/graph/version`)).json(),
      );
      expect(version).toMatchObject({ articles: 3, folders: [{ name: 'mine', articles: 3 }] });
    } finally {
      expect(await product.stop()).toBe(0);
    }
  });

  it('refuses another folder, saying what the database holds, and touches nothing', async () => {
    const before = await dumpGraph(driver);
    const refused = await runStart([other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `The database holds 3 articles from ${mine}; starting on ${other} would mix them in. ` +
        'Add --prune to keep only the new documents, --reset to empty the database first, ' +
        `or name every folder (npm start -- ${mine} ${other}) to serve them together.`,
    );
    expect(await dumpGraph(driver)).toEqual(before);
  });

  it('serves both folders when both are named, and only the new one with --prune', async () => {
    const both = await startProduct([mine, other]);
    expect(await both.stop()).toBe(0);
    expect(await articlesByRoot()).toEqual({ [mine]: 3, [other]: 2 });

    const pruned = await startProduct([other, '--prune']);
    expect(await pruned.stop()).toBe(0);
    expect(pruned.output()).toContain(`Replacing 3 articles from ${mine}`);
    expect(await articlesByRoot()).toEqual({ [other]: 2 });
  });

  it('brings the same folder up to date, files deleted while it was stopped included', async () => {
    fs.rmSync(path.join(other, 'seed-layout.md'));
    const again = await startProduct([other]);
    expect(await again.stop()).toBe(0);
    expect(await articlesByRoot()).toEqual({ [other]: 1 });
  });

  it('moves articles whose files are unchanged to the folder they are now found in', async () => {
    const copy = path.join(tmp, 'moved');
    fs.cpSync(other, copy, { recursive: true });
    const moved = await startProduct([copy, '--prune']);
    expect(await moved.stop()).toBe(0);
    expect(moved.output()).toMatch(/unchanged \(skipped\)\s+1/);
    expect(await articlesByRoot()).toEqual({ [copy]: 1 });
  });

  it('without a PATH, serves a folder’s graph as it is instead of adding the seeds', async () => {
    const before = await dumpGraph(driver);
    const product = await startProduct([]);
    expect(await product.stop()).toBe(0);
    expect(product.output()).toContain(
      `Serving the graph as last ingested: 1 article from ${path.join(tmp, 'moved')}`,
    );
    expect(await dumpGraph(driver)).toEqual(before);
  });

  it('empties the database first with --reset', async () => {
    await ingestPaths(driver, [SEEDS_DIR]);
    const product = await startProduct([mine, '--reset']);
    expect(await product.stop()).toBe(0);
    expect(await articlesByRoot()).toEqual({ [mine]: 3 });
  });
});

describe('a PATH a user gets wrong: one line, exit 2, nothing stored touched', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a folder that does not exist', () => path.join(tmp, 'nowhere'), /nowhere: no such file or folder$/],
    ['an empty folder', () => fixtureFolder(tmp, 'empty', []), /empty is empty: there is nothing to ingest$/],
    [
      'a folder with no .md or .txt file',
      () => {
        const dir = fixtureFolder(tmp, 'data', []);
        fs.writeFileSync(path.join(dir, 'table.csv'), 'a,b\n');
        return dir;
      },
      /no digest found in .*data: it holds no \.md or \.txt file$/,
    ],
    [
      'a folder whose documents are not digests',
      () => {
        const dir = fixtureFolder(tmp, 'notes', []);
        fs.writeFileSync(path.join(dir, 'a.md'), 'Some notes without a title line.\n');
        fs.writeFileSync(path.join(dir, 'b.txt'), '');
        return dir;
      },
      /no digest found in .*notes: none of its 2 \.md\/\.txt files is a digest \(a\.md.*title.*\)$/,
    ],
  ];

  it.each(cases)('%s', async (_, make, expected) => {
    await clearDatabase(driver);
    await ingestPaths(driver, [SEEDS_DIR]);
    const before = await dumpGraph(driver);
    const result = await runStart([make()]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(await dumpGraph(driver)).toEqual(before);
  });

  if (!UNPRIVILEGED_REACHES_PROJECT) console.warn(UNPRIVILEGED_SKIP_LINE);

  it.skipIf(!UNPRIVILEGED_REACHES_PROJECT)('a folder that cannot be read', async () => {
    fs.chmodSync(tmp, 0o755);
    const locked = fixtureFolder(tmp, 'locked', ['new-layout']);
    fs.chmodSync(locked, 0o000);
    try {
      const before = await dumpGraph(driver);
      const result = await runStart([locked], UNPRIVILEGED);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(`${locked}: permission denied (it cannot be read)`);
      expect(await dumpGraph(driver)).toEqual(before);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pathsWithDigests } from '../../ingest/check-paths.js';
import { Embedder } from '../../embed/embedder.js';
import { mergeSources } from '../../ingest/files.js';
import { ingestPaths } from '../../ingest/index.js';
import { ingestSources } from '../../ingest/pipeline.js';
import { watchPaths, type PathWatcher, type WatchBatch } from '../../ingest/watch.js';
import { dumpGraph } from '../support/graph-dump.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';
import { PARSE_FIXTURES_DIR } from '../support/paths.js';
import { follow, interrupt, spawnIngest } from '../support/run-cli.js';

/**
 * The watcher against the real Neo4j: a folder of our fixture documents, ingested, then changed
 * on disk while it watches. Retries are short here; what is asserted is what the graph holds and
 * what the watcher reports, never how long it took.
 */

const DOCUMENTS = ['new-layout', 'old-layout', 'french', 'odd-cells', 'unicode-cells'];
const fixture = (name: string): string =>
  fs.readFileSync(path.join(PARSE_FIXTURES_DIR, `${name}.md`), 'utf8');

let driver: Driver;
/** The set-up ingests' embedder: one JVM for the file, not one per test (none without Java). */
let embedder: Embedder | undefined;
let dir: string;
let watcher: PathWatcher | null = null;
let batches: WatchBatch[];
let problems: string[];

beforeAll(async () => {
  driver = await testDriver();
  embedder = await Embedder.start().catch(() => undefined);
});
afterAll(async () => {
  await driver?.close();
  await embedder?.close();
});

beforeEach(async () => {
  await clearDatabase(driver);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-watch-'));
  fs.mkdirSync(path.join(dir, 'older'));
  for (const name of DOCUMENTS) {
    const target =
      name === 'old-layout' ? path.join(dir, 'older', `${name}.md`) : path.join(dir, `${name}.md`);
    fs.writeFileSync(target, fixture(name));
  }
  batches = [];
  problems = [];
  const found = await pathsWithDigests([dir], '/');
  watcher = await watchPaths(driver, found, {
    database: 'neo4j',
    debounceMs: 100,
    settleMs: 100,
    retryDelaysMs: [500, 1_000],
    onBatch: (batch) => batches.push(batch),
    onProblem: (line) => problems.push(line),
  });
  const report = await ingestSources(driver, mergeSources(found), { embedder });
  expect(report.totals.created).toBe(DOCUMENTS.length);
  watcher.resume();
});

afterEach(async () => {
  await watcher?.close();
  watcher = null;
  fs.rmSync(dir, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

async function article(id: string): Promise<{ title: string; root: string } | null> {
  const { records } = await driver.executeQuery(
    'MATCH (a:Article {id: $id}) WHERE a.stub IS NULL RETURN a.title AS title, a.root AS root',
    { id },
  );
  return records[0] ? (records[0].toObject() as { title: string; root: string }) : null;
}

const keywordsOf = async (id: string): Promise<string[]> =>
  (
    await driver.executeQuery(
      'MATCH (:Article {id: $id})-[r:HAS_KEYWORD]->() RETURN r.name AS name ORDER BY r.position',
      { id },
    )
  ).records.map((record) => record.get('name') as string);

const totals = (): { created: number; updated: number; removed: number; failed: number } =>
  batches.reduce(
    (sum, batch) => ({
      created: sum.created + batch.created,
      updated: sum.updated + batch.updated,
      removed: sum.removed + batch.removed,
      failed: sum.failed + batch.failed.length,
    }),
    { created: 0, updated: 0, removed: 0, failed: 0 },
  );

describe('watching a folder', () => {
  it('adds, updates and removes articles as files come, change and go, ending equal to a clean ingest', async () => {
    fs.mkdirSync(path.join(dir, 'later', 'inner'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'later', 'inner', 'added.md'),
      fixture('seed-layout').replace('Chip Factory Opens in Dresden', 'A Folder Made After the Start'),
    );
    await expect
      .poll(() => article('later/inner/added'))
      .toEqual({ title: 'A Folder Made After the Start', root: dir });

    fs.writeFileSync(
      path.join(dir, 'french.md'),
      fixture('french').replace('* énergie nucléaire', '* fusion'),
    );
    await expect.poll(() => keywordsOf('french')).toContain('fusion');

    fs.rmSync(path.join(dir, 'older'), { recursive: true });
    await expect.poll(() => article('old-layout')).toBeNull();

    await watcher!.idle();
    expect(totals()).toEqual({ created: 1, updated: 1, removed: 1, failed: 0 });
    expect(batches.every((batch) => batch.groupsRecomputed)).toBe(true);
    const watched = await dumpGraph(driver);
    await watcher!.close();
    await clearDatabase(driver);
    expect((await ingestPaths(driver, [dir])).totals.failed).toBe(0);
    expect(await dumpGraph(driver)).toEqual(watched);
  });

  it('takes an editor’s atomic save (a temporary file renamed over the document) as one update', async () => {
    const temporary = path.join(dir, '.french.md.swp');
    fs.writeFileSync(temporary, fixture('french').replace('* énergie nucléaire', '* hydrogène'));
    fs.renameSync(temporary, path.join(dir, 'french.md'));
    await expect.poll(() => keywordsOf('french')).toContain('hydrogène');
    await watcher!.idle();
    expect(totals()).toEqual({ created: 0, updated: 1, removed: 0, failed: 0 });
  });

  it('leaves hidden files and files that are not documents alone', async () => {
    fs.writeFileSync(path.join(dir, '.draft.md'), fixture('new-layout').replace('Heat Pumps', 'Hidden'));
    fs.writeFileSync(path.join(dir, 'notes.json'), '{}');
    fs.mkdirSync(path.join(dir, '.obsidian'));
    fs.writeFileSync(path.join(dir, '.obsidian', 'page.md'), fixture('new-layout'));
    // A document written after them is picked up, so they were seen and passed over.
    fs.writeFileSync(path.join(dir, 'visible.md'), fixture('no-relevancy'));
    await expect.poll(() => article('visible')).not.toBeNull();
    await watcher!.idle();
    expect(totals()).toEqual({ created: 1, updated: 0, removed: 0, failed: 0 });
    expect(await article('.draft')).toBeNull();
  });

  it('waits for a file caught half-written instead of reporting it as failed', async () => {
    const whole = fixture('seed-layout');
    const cut = whole.indexOf('| Water use') + '| Water use | Fabs need'.length;
    const file = path.join(dir, 'arriving.md');
    fs.writeFileSync(file, whole.slice(0, cut));
    await expect.poll(() => batches.flatMap((batch) => batch.retrying)).toContain('arriving.md');
    expect(await article('arriving')).toBeNull();

    fs.appendFileSync(file, whole.slice(cut));
    await expect.poll(() => article('arriving')).not.toBeNull();
    await watcher!.idle();
    expect(totals()).toEqual({ created: 1, updated: 0, removed: 0, failed: 0 });
  });

  it('reports a file that stays broken once its tries are used up, and keeps what was stored for it', async () => {
    const before = await dumpGraph(driver);
    fs.writeFileSync(
      path.join(dir, 'new-layout.md'),
      fixture('new-layout').replace(/^\| Installer training .*$/m, '| Installer training | cut short |'),
    );
    await expect.poll(() => totals().failed).toBe(1);
    const failed = batches.flatMap((batch) => batch.failed)[0]!;
    expect(failed.file).toBe('new-layout.md');
    expect(failed.error).toMatchObject({ code: 'missing-cell', line: 32 });
    expect(batches.flatMap((batch) => batch.retrying)).toEqual(['new-layout.md', 'new-layout.md']);
    expect(await dumpGraph(driver)).toEqual(before);
  });
});

describe('npm run ingest -- PATH --watch', () => {
  it('ingests, then follows the folder until Ctrl-C, and exits 0', async () => {
    await watcher?.close();
    watcher = null;
    await clearDatabase(driver);
    const child = spawnIngest([dir, '--watch']);
    const output = follow(child);
    try {
      await output.waitFor(/Watching .* for changes/);
      expect(await article('french')).not.toBeNull();
      const mark = output.output().length;
      fs.writeFileSync(path.join(dir, 'later.md'), fixture('no-relevancy'));
      await output.waitFor(/watch: 1 created in [\d.]+ s, issue groups recomputed/, { from: mark });
      expect(await article('later')).toEqual({ title: 'Libraries Lend Tools, Not Just Books', root: dir });
    } finally {
      expect(await interrupt(child)).toBe(0);
    }
  });
});

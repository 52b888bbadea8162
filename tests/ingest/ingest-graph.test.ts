import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Embedder } from '../../embed/embedder.js';
import { pathsWithDigests } from '../../ingest/check-paths.js';
import { mergeSources } from '../../ingest/files.js';
import { ingestSources } from '../../ingest/pipeline.js';
import { ENTITY_LABELS } from '../../model/index.js';
import { dumpGraph } from '../support/graph-dump.js';
import { factCountsInGraph } from '../support/graph-facts.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';
import { discoverFiles } from '../../ingest/files.js';
import { MATERIAL_LABEL, prepareMaterial, type Material } from '../support/material.js';
import { SEEDS_DIR } from '../support/paths.js';
import { runIngest, spawnIngest } from '../support/run-cli.js';

// Each test runs the real CLI several times over 150-250 documents: minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000 });

let driver: Driver;
let material: Material;
/** The set-up's embedder: one JVM for the file, not one per ingest (none without Java). */
let embedder: Embedder | undefined;
const tmpDirs: string[] = [];

beforeAll(async () => {
  driver = await testDriver();
  material = await prepareMaterial();
  embedder = await Embedder.start().catch(() => undefined);
});
afterAll(async () => {
  await driver.close();
  await embedder?.close();
  material?.remove();
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempCopy(...sources: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-ingest-'));
  tmpDirs.push(dir);
  for (const source of sources) fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/**
 * Set-up, not under test: what `npm run ingest -- PATH…` stores, done in this process (no CLI and
 * no embedder JVM started per run). What each test asserts is still run through the CLI.
 */
async function ingestForSetUp(paths: string[], batchSize?: number): Promise<void> {
  const sources = mergeSources(await pathsWithDigests(paths, process.cwd()));
  const report = await ingestSources(driver, sources, { embedder, batchSize });
  expect(report.totals.failed).toBe(0);
}

async function countDocuments(...dirs: string[]): Promise<number> {
  return (await discoverFiles(dirs, '/')).length;
}

/** Entities whose stored articleCount differs from the articles really linked to them. */
async function wrongArticleCounts(): Promise<number> {
  const { records } = await driver.executeQuery(`
    MATCH (e) WHERE e:${[...ENTITY_LABELS, 'Page'].join('|')}
    CALL (e) { MATCH (a:Article)-->(e) RETURN count(DISTINCT a) AS actual }
    WITH e, actual WHERE e.articleCount <> actual OR actual = 0
    RETURN count(e) AS wrong`);
  return records[0]!.get('wrong') as number;
}

describe(`ingest of ${MATERIAL_LABEL}`, () => {
  beforeAll(async () => {
    await clearDatabase(driver);
  });

  it('stores exactly the facts that --dry-run --json counts, for every document', async () => {
    const dry = await runIngest([...material.dirs, '--dry-run', '--json']);
    expect(dry.stderr).not.toMatch(/^error:/m);
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout) as {
      files: { id: string; file: string; counts: unknown; error: unknown }[];
      totals: { failed: number };
    };
    expect(planned.totals.failed).toBe(0);
    expect(planned.files).toHaveLength(await countDocuments(...material.dirs));
    expect(planned.files.every((file) => file.error === null)).toBe(true);

    const real = await runIngest([...material.dirs, '--json']);
    expect(real.code).toBe(0);
    const inGraph = await factCountsInGraph(driver);
    for (const file of planned.files) expect(inGraph.get(file.id), file.file).toEqual(file.counts);
    expect(await wrongArticleCounts()).toBe(0);
  });

  it('changes nothing when the same files are ingested again', async () => {
    const before = await dumpGraph(driver);
    const again = await runIngest([...material.dirs, '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as {
      totals: { unchanged: number; files: number };
      graph: Record<string, number>;
    };
    expect(report.totals.unchanged).toBe(report.totals.files);
    expect(report.graph).toMatchObject({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
    });
    expect(await dumpGraph(driver)).toEqual(before);
  });
});

describe('changing, deleting and breaking files', () => {
  let dir: string;
  const seedFile = '000_929e515519914075.txt';
  const articleId = '000_929e515519914075';

  beforeEach(async () => {
    await clearDatabase(driver);
    dir = tempCopy(SEEDS_DIR);
    await ingestForSetUp([dir]);
  });

  it('replaces only the edited article’s facts', async () => {
    const before = new Set(await dumpGraph(driver, { factsOnly: true }));
    const file = path.join(dir, seedFile);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('* InvestAI', '* InvestEU'));

    const result = await runIngest([dir, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { totals: { updated: number; unchanged: number } };
    expect(report.totals).toMatchObject({ updated: 1, unchanged: (await countDocuments(dir)) - 1 });

    const after = new Set(await dumpGraph(driver, { factsOnly: true }));
    const removed = [...before].filter((line) => !after.has(line));
    const added = [...after].filter((line) => !before.has(line));
    expect(removed.filter((line) => !/investai|"id","000_929e515519914075"/.test(line))).toEqual([]);
    // InvestAI stays (another seed has it) with its article count one lower.
    expect(added.filter((line) => !/investeu|"id","000_929e515519914075"/.test(line))).toEqual([
      '(Keyword [["articleCount","1"],["key","investai"],["name","InvestAI"]])',
    ]);
    expect(added.some((line) => line.includes('[Keyword:investeu]'))).toBe(true);
    expect(removed.some((line) => line.includes('[Keyword:investai]'))).toBe(true);
    expect(await wrongArticleCounts()).toBe(0);
  });

  it('--prune removes a deleted file’s article and the entities only it had', async () => {
    fs.rmSync(path.join(dir, seedFile));
    const result = await runIngest([dir, '--prune', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).totals.pruned).toBe(1);

    const { records } = await driver.executeQuery(
      `OPTIONAL MATCH (a:Article {id: $articleId})
       OPTIONAL MATCH (k:Keyword {key: '€200bn investment'})
       RETURN a IS NULL AS articleGone, k IS NULL AS keywordGone`,
      { articleId },
    );
    expect(records[0]!.toObject()).toEqual({ articleGone: true, keywordGone: true });
    expect(await wrongArticleCounts()).toBe(0);
  });

  it('keeps what is stored when a file turns unreadable, and names file and problem', async () => {
    const before = await dumpGraph(driver);
    fs.writeFileSync(path.join(dir, seedFile), Buffer.from('# __Caf\xe9 cr\xe8me__\n', 'latin1'));
    const result = await runIngest([dir, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`error: ${seedFile}:1: .*UTF-8`));
    expect(await dumpGraph(driver)).toEqual(before);
  });
});

describe('bad input', () => {
  it('gives each bad file a clear error, ingests the good one, and loses nothing stored', async () => {
    await clearDatabase(driver);
    await ingestForSetUp([SEEDS_DIR]);
    const before = await dumpGraph(driver, { factsOnly: true });

    const dir = tempCopy();
    const seed = fs.readFileSync(path.join(SEEDS_DIR, '000_929e515519914075.txt'), 'utf8');
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    fs.writeFileSync(
      path.join(dir, 'latin1.md'),
      Buffer.from(`# __Caf\xe9__, from ([1.0](https://x/p/1.0).)\n`, 'latin1'),
    );
    fs.writeFileSync(path.join(dir, 'untitled.md'), seed.split('\n').slice(1).join('\n'));
    fs.writeFileSync(
      path.join(dir, 'missing-cell.md'),
      seed.replace(/^\| Trustworthy AI Development.*$/m, '| Trustworthy AI Development | only two |'),
    );
    fs.writeFileSync(path.join(dir, 'huge.md'), seed + '\n' + 'x'.repeat(6 * 1024 * 1024));
    fs.writeFileSync(
      path.join(dir, 'good.md'),
      '# __A Document Of Its Own__, from ([20250101](https://kghosh.substack.com/p/20250101).)\n\n## Keywords\n\n* unique keyword\n',
    );

    const result = await runIngest([dir, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      files: { file: string; status: string; error: { code: string; line: number | null } | null }[];
    };
    const byFile = new Map(report.files.map((file) => [file.file, file]));
    expect(byFile.get('good.md')!.status).toBe('created');
    expect(byFile.get('empty.md')!.error!.code).toBe('empty');
    expect(byFile.get('binary.md')!.error!.code).toBe('binary');
    expect(byFile.get('latin1.md')!.error).toMatchObject({ code: 'not-utf8', line: 1 });
    expect(byFile.get('untitled.md')!.error!.code).toBe('no-title');
    const missingLine =
      seed.split('\n').findIndex((line) => line.startsWith('| Trustworthy AI Development')) + 1;
    expect(byFile.get('missing-cell.md')!.error).toMatchObject({ code: 'missing-cell', line: missingLine });
    expect(byFile.get('huge.md')!.error!.code).toBe('too-large');
    for (const name of ['empty.md', 'binary.md', 'latin1.md', 'untitled.md', 'missing-cell.md', 'huge.md']) {
      expect(result.stderr).toContain(`error: ${name}`);
    }

    const after = await dumpGraph(driver, { factsOnly: true });
    const lost = before.filter((line) => !after.includes(line));
    expect(lost).toEqual([]);
  });
});

/**
 * Where the ingest is killed: after this share of the documents is written (1: all written, so
 * during the issue-group recomputation that follows). HORIZON_LONG_FAULTS=1 kills at more points.
 */
const KILL_POINTS = process.env.HORIZON_LONG_FAULTS ? [0.01, 0.2, 0.4, 0.6, 0.8, 1] : [0.34, 1];

describe('a crash at any point', () => {
  let dir: string;
  let clean: string[];
  beforeAll(async () => {
    dir = tempCopy(...material.dirs);
    await clearDatabase(driver);
    await ingestForSetUp([dir], 5);
    clean = await dumpGraph(driver, { factsOnly: true });
  }, 600_000);

  it.each(KILL_POINTS)(
    'killed after %s of the documents were written, one more run gives the graph of a clean run',
    { timeout: 600_000 },
    async (share) => {
      await clearDatabase(driver);
      const child = spawnIngest([dir, '--batch-size', '5']);
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const total = await countDocuments(dir);
      while (child.exitCode === null) {
        const { records } = await driver.executeQuery(
          'MATCH (a:Article) WHERE a.contentHash IS NOT NULL RETURN count(a) AS n',
        );
        if ((records[0]!.get('n') as number) >= Math.max(1, Math.floor(total * share))) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGKILL');
      await exited;
      // The killed client's last transaction may still be open (or committing) in Neo4j; a real
      // operator's rerun comes later than a test's, so wait until only this query's transaction is left.
      for (;;) {
        const { records } = await driver.executeQuery(
          'SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS open',
        );
        if ((records[0]!.get('open') as number) <= 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (share < 1) expect(await dumpGraph(driver, { factsOnly: true })).not.toEqual(clean);

      expect((await runIngest([dir, '--batch-size', '5'])).code).toBe(0);
      const recovered = await dumpGraph(driver, { factsOnly: true });
      expect(recovered.filter((line) => !clean.includes(line))).toEqual([]);
      expect(clean.filter((line) => !recovered.includes(line))).toEqual([]);
    },
  );
});

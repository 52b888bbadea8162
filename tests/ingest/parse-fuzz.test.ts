import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { Piscina } from 'piscina';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, CORPUS_PRESENT, missingMaterialLine } from '../../bench/shared-material.js';
import { PROJECT_ROOT } from '../../db/index.js';
import { ingestPaths } from '../../ingest/index.js';
import { parseDocument, type ParseInput, type ParseResult } from '../../ingest/parse/index.js';
import { ArticleRecordSchema } from '../../model/index.js';
import { dumpGraph } from '../support/graph-dump.js';
import { lineCount, mutate, mutatedDocument, randomMarkdown } from '../support/fuzz-documents.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';

/**
 * Property tests of the parser over broken documents: whatever the bytes, parsing ends, and either
 * gives a valid article or one of the parser's named errors, with its line when it is about one.
 * Seeded and short in `npm test`; FUZZ_RUNS=5000 (and FUZZ_SEED) for a long run.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 17);
const RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const runs = (short: number): number => RUNS || short;
/** A parse still running after this long is a hang (the ones here take milliseconds). */
const HANG_MS = 20_000;

const FILE = 'fuzz/broken.md';
const NAMED_ERRORS = new Set([
  'too-large',
  'binary',
  'not-utf8',
  'empty',
  'no-title',
  'missing-cell',
  'extra-cell',
  'empty-name',
]);
/** Errors about the whole document rather than a place in it. (`invalid-record`, a record the parser built wrong, is a bug.) */
const WHOLE_DOCUMENT = new Set(['too-large', 'empty']);

const FIXTURE_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'parse');
const fixtureNames = fs.readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.md'));
const fixtures = fixtureNames.map((name) => Uint8Array.from(fs.readFileSync(path.join(FIXTURE_DIR, name))));

/** One worker thread, so that a parse that never ends can be stopped (by terminating it). */
let pool: Piscina<ParseInput, ParseResult>;
beforeAll(() => {
  pool = new Piscina({
    filename: new URL('../../ingest/parse-worker.mjs', import.meta.url).href,
    minThreads: 1,
    maxThreads: 1,
  });
});
afterAll(async () => {
  await pool?.destroy();
});

async function parseWithin(bytes: Uint8Array): Promise<ParseResult> {
  try {
    return await pool.run({ file: FILE, id: 'fuzz/broken', bytes }, { signal: AbortSignal.timeout(HANG_MS) });
  } catch (error) {
    const start = Buffer.from(bytes.slice(0, 300)).toString('utf8');
    const why = (error as Error).name === 'AbortError' ? `did not finish within ${HANG_MS} ms` : 'threw';
    throw new Error(
      `The parser ${why} on a ${bytes.length}-byte document starting ${JSON.stringify(start)}`,
      {
        cause: error,
      },
    );
  }
}

function expectArticleOrNamedError(bytes: Uint8Array, result: ParseResult): void {
  if (result.error === null) {
    expect(ArticleRecordSchema.safeParse(result.article).success).toBe(true);
    return;
  }
  const { code, file, line, message } = result.error;
  expect(result.article).toBeNull();
  expect(NAMED_ERRORS, message).toContain(code);
  expect(file).toBe(FILE);
  expect(message).toContain(FILE);
  if (WHOLE_DOCUMENT.has(code)) return;
  expect(line, message).toBeGreaterThanOrEqual(1);
  expect(line, message).toBeLessThanOrEqual(lineCount(bytes));
}

const parsesToArticleOrNamedError = (documents: fc.Arbitrary<Uint8Array>): fc.IAsyncProperty<[Uint8Array]> =>
  fc.asyncProperty(documents, async (bytes) => expectArticleOrNamedError(bytes, await parseWithin(bytes)));

describe('the parser on broken and random documents', () => {
  it('ends on every mutated fixture document with an article or a named error at a line', async () => {
    await fc.assert(parsesToArticleOrNamedError(mutatedDocument(fixtures)), {
      seed: SEED,
      numRuns: runs(300),
    });
  });

  it('ends on random digest-like markdown with an article or a named error at a line', async () => {
    await fc.assert(parsesToArticleOrNamedError(randomMarkdown), { seed: SEED, numRuns: runs(200) });
  });

  if (!CORPUS_PRESENT) console.warn(missingMaterialLine('fuzzing mutated real documents', CORPUS_DIR));
  it.skipIf(!CORPUS_PRESENT)(
    'ends on every mutated real document with an article or a named error at a line',
    async () => {
      const corpus = fs
        .readdirSync(CORPUS_DIR)
        .filter((name) => name.endsWith('.md'))
        .map((name) => Uint8Array.from(fs.readFileSync(path.join(CORPUS_DIR, name))));
      await fc.assert(parsesToArticleOrNamedError(mutatedDocument(corpus)), {
        seed: SEED,
        numRuns: runs(150),
      });
    },
  );
});

describe('ingest of a file broken after it was stored', () => {
  let driver: Driver;
  let dir: string;
  beforeAll(async () => {
    driver = await testDriver();
    await clearDatabase(driver);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-fuzz-'));
    for (const name of fixtureNames) fs.copyFileSync(path.join(FIXTURE_DIR, name), path.join(dir, name));
    const report = await ingestPaths(driver, [dir], { parseWorkers: 0 });
    expect(report.totals.failed).toBe(0);
  });
  afterAll(async () => {
    await driver?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'reports the file with its named error and leaves every stored fact as it was',
    { timeout: 300_000 },
    async () => {
      const before = await dumpGraph(driver);
      // Random damage, then one that surely breaks it (a NUL byte, an invalid one, or a cut cell).
      const breaking = fc.oneof(
        fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.constantFrom(0x00, 0xff) }),
        fc.constant(null),
      );
      const property = fc.asyncProperty(
        fc.nat({ max: fixtureNames.length - 1 }),
        fc.array(
          fc.record({
            kind: fc.constant('delete-lines' as const),
            at: fc.nat(),
            count: fc.integer({ min: 1, max: 3 }),
          }),
          {
            maxLength: 2,
          },
        ),
        breaking,
        async (which, deletions, breaker) => {
          const name = fixtureNames[which]!;
          const original = fixtures[which]!;
          let bytes = deletions.reduce(mutate, original);
          bytes = breaker ? mutate(bytes, breaker) : cutCell(bytes);
          const parsed = parseDocument({ file: name, id: name.replace(/\.md$/, ''), bytes });
          fc.pre(parsed.error !== null);
          const file = path.join(dir, name);
          fs.writeFileSync(file, bytes);
          try {
            const report = await ingestPaths(driver, [dir], { parseWorkers: 0 });
            const broken = report.files.find((entry) => entry.file === name)!;
            expect(broken.status).toBe('failed');
            expect(broken.error).toMatchObject({
              code: parsed.error!.code,
              line: parsed.error!.line ?? null,
            });
            expect(report.files.filter((entry) => entry.status !== 'unchanged')).toEqual([broken]);
            expect(await dumpGraph(driver)).toEqual(before);
          } finally {
            fs.writeFileSync(file, original);
          }
        },
      );
      await fc.assert(property, { seed: SEED, numRuns: runs(12) });
    },
  );
});

/** The last cell of the document's last table row dropped; the document unchanged when it has none. */
function cutCell(bytes: Uint8Array): Uint8Array {
  const lines = Buffer.from(bytes).toString('latin1').split('\n');
  const row = lines.findLastIndex((line) => /^\|.*\|.*\|\s*$/.test(line) && !/^\|[\s:|-]+\|\s*$/.test(line));
  if (row < 0) return bytes;
  lines[row] = lines[row]!.replace(/\|[^|]*\|\s*$/, '|');
  return Uint8Array.from(Buffer.from(lines.join('\n'), 'latin1'));
}

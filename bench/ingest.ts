import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { PROJECT_ROOT, TSX_BIN } from '../db/index.js';
import { discoverFiles } from '../ingest/files.js';
import { parseDocument } from '../ingest/parse/index.js';
import { parseMarkdownWithRemark } from '../ingest/parse/markdown.js';
import { machineInfo, peakRssMiB, table, writeResult } from './machine.js';
import { withBenchNeo4j } from './neo4j.js';
import { CORPUS_DIR, isPresent, missingMaterialLine } from './shared-material.js';
import { runApiBench } from './run-api.js';
import { runCliIngest, withoutEmbedderEnv, type CliIngestRun } from './run-ingest.js';
import { naiveIngest, writeFloor } from './baselines.js';

/**
 * Ingest benchmark: parse speed (full parser beside remark alone, on the same bytes), then the full
 * ingest through the real CLI process (documents/s, MB/s, peak memory), a re-ingest of the unchanged
 * corpus and of one with 1% of files edited, optionally the API benchmark on the graph just built,
 * and beside them, in the same run and the same Neo4j, the write floor (bare UNWIND … CREATE of the
 * same rows) and optionally the naive one-MERGE-per-fact baseline.
 *
 *   npx tsx bench/ingest.ts [--docs 10000] [--gen SEED | --source DIR] [--naive 1000] [--api] [--keep]
 *   npx tsx bench/ingest.ts --docs 500 --gen 1 --parse-only     (the parse speeds alone, no Neo4j)
 *   … --without-embedder   (the ingests run as on a machine without Java: concept groups by meaning,
 *                          whose first embedding pass takes ~15 min at 10,000 documents on 2 cores,
 *                          are left out; bench/concepts.ts measures them)
 *
 * Documents: the real corpus (--source, default HORIZON_CORPUS or ../shared/corpus/futures) copied
 * under distinct ids up to --docs, or with --gen a synthetic corpus of --docs documents from
 * `npm run gen` (what `npm run bench` does: it needs nothing beside the project).
 */

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    source: { type: 'string' },
    gen: { type: 'string' },
    naive: { type: 'string', default: '0' },
    api: { type: 'boolean', default: false },
    'api-duration': { type: 'string', default: '10' },
    'parse-sample': { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
    'parse-only': { type: 'boolean', default: false },
    'without-embedder': { type: 'boolean', default: false },
  },
});

const docs = Number(values.docs);
const PARSE_ROUNDS = 3;
const source = values.source ?? CORPUS_DIR;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-bench-ingest-'));

async function main(): Promise<void> {
  if (values.gen === undefined && !isPresent(source)) {
    console.error(`${missingMaterialLine('bench/ingest.ts without --gen', source)}; or pass --gen SEED`);
    process.exitCode = 2;
    return;
  }
  const corpusDir = path.join(workDir, 'corpus');
  if (values.gen !== undefined) await generate(docs, values.gen, corpusDir);
  else await replicate(source, docs, corpusDir);
  const files = await discoverFiles([corpusDir], PROJECT_ROOT);
  const megabytes = files.reduce((sum, file) => sum + fs.statSync(file.absolutePath).size, 0) / 2 ** 20;
  const corpus = values.gen !== undefined ? `generated, seed ${values.gen}` : `copies of ${source}`;
  console.error(`bench: ${files.length} documents (${corpus}), ${megabytes.toFixed(1)} MB in ${corpusDir}`);

  const parse = benchParse(files.slice(0, Number(values['parse-sample'])).map((f) => f.absolutePath));
  if (values['parse-only']) {
    console.log(parseSummary(parse));
    return;
  }

  const ingestEnv = values['without-embedder'] ? withoutEmbedderEnv() : {};
  const result = await withBenchNeo4j(async (target, version, neo4jCpuMs) => {
    const first = await runCliIngest(target, [corpusDir, '--reset'], neo4jCpuMs, ingestEnv);
    const unchanged = await runCliIngest(target, [corpusDir], neo4jCpuMs, ingestEnv);
    editOnePercent(files.map((file) => file.absolutePath));
    const edited = await runCliIngest(target, [corpusDir], neo4jCpuMs, ingestEnv);
    const api = values.api ? await runApiBench(target, Number(values['api-duration'])) : null;
    const floor = await writeFloor(target, files, neo4jCpuMs);
    const naive =
      Number(values.naive) > 0 ? await naiveIngest(target, files.slice(0, Number(values.naive))) : null;
    return { version, first, unchanged, edited, api, floor, naive };
  });

  const rate = (run: CliIngestRun): Record<string, string | number> => ({
    seconds: (run.durationMs / 1000).toFixed(1),
    'docs/s': Math.round((run.files / run.durationMs) * 1000),
    'MB/s': ((megabytes / run.durationMs) * 1000).toFixed(2),
    'rows/s': Math.round((result.floor.rows / run.durationMs) * 1000),
    'groups s': (run.groupsMs / 1000).toFixed(1),
    'peak RSS MiB': run.peakRssMiB,
    'before groups MiB': run.documentsPeakRssMiB,
    'node CPU s': (run.cpuMs / 1000).toFixed(1),
    'neo4j CPU s': run.neo4jCpuMs === null ? '' : (run.neo4jCpuMs / 1000).toFixed(1),
  });
  const parseRow = (phase: string, figures: ParseFigures): Record<string, string | number> => ({
    phase,
    seconds: figures.seconds,
    'docs/s': figures['docs/s'],
    'MB/s': figures['MB/s'],
  });
  const rows: Record<string, string | number>[] = [
    parseRow('parse (full parser)', parse.full),
    parseRow('parse (full parser, tables by remark)', parse.fullRemark),
    parseRow('parse (remark + GFM tables)', parse.remarkTables),
    parseRow('parse (remark alone)', parse.remark),
    { phase: 'ingest, empty graph', ...rate(result.first) },
    { phase: 're-ingest, unchanged', ...rate(result.unchanged) },
    { phase: 're-ingest, 1% edited', ...rate(result.edited) },
    {
      phase: 'write floor (UNWIND CREATE)',
      seconds: (result.floor.durationMs / 1000).toFixed(1),
      'docs/s': Math.round((files.length / result.floor.durationMs) * 1000),
      'rows/s': Math.round((result.floor.rows / result.floor.durationMs) * 1000),
      'neo4j CPU s': result.floor.neo4jCpuMs === null ? '' : (result.floor.neo4jCpuMs / 1000).toFixed(1),
    },
    ...(result.naive
      ? [
          {
            phase: `naive MERGE per fact (${result.naive.docs} docs)`,
            seconds: (result.naive.durationMs / 1000).toFixed(1),
            'docs/s': Math.round((result.naive.docs / result.naive.durationMs) * 1000),
          },
        ]
      : []),
  ];
  console.log(table(rows));
  const writesMs = result.first.durationMs - result.first.groupsMs;
  console.log(
    [
      `ingest / write floor: ${(result.first.durationMs / result.floor.durationMs).toFixed(2)}x ` +
        `(${(writesMs / result.floor.durationMs).toFixed(2)}x without the issue grouping)`,
      `unchanged re-ingest / first ingest: ${((100 * result.unchanged.durationMs) / result.first.durationMs).toFixed(1)}%`,
      parseSummary(parse),
      `rows written: ${result.floor.rows}`,
    ].join('\n'),
  );
  if (result.api) console.log(result.api.table);
  const file = writeResult(`ingest-${files.length}`, {
    machine: machineInfo(result.version),
    documents: files.length,
    corpus,
    megabytes,
    embedder: !values['without-embedder'],
    parse,
    ingest: { ...result, api: result.api?.file ?? null },
    benchPeakRssMiB: peakRssMiB(),
  });
  console.error(`bench: results in ${path.relative(PROJECT_ROOT, file)}`);
}

async function generate(count: number, seed: string, out: string): Promise<void> {
  const code = await new Promise<number | null>((resolve) => {
    spawn(
      TSX_BIN,
      [path.join(PROJECT_ROOT, 'gen', 'cli.ts'), '--docs', String(count), '--seed', seed, '--out', out],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    ).on('close', resolve);
  });
  if (code !== 0) throw new Error(`npm run gen failed (exit ${code})`);
}

/** Copies the source documents under distinct folder prefixes (so distinct ids) until there are `count`. */
async function replicate(from: string, count: number, to: string): Promise<string> {
  const originals = (await discoverFiles([from], PROJECT_ROOT)).map((file) => file.absolutePath);
  if (originals.length === 0) throw new Error(`no documents in ${from}`);
  for (let i = 0; i < count; i++) {
    const copy = Math.floor(i / originals.length);
    const original = originals[i % originals.length]!;
    const dir = path.join(to, `copy-${String(copy).padStart(4, '0')}`);
    if (i % originals.length === 0) fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(original, path.join(dir, path.basename(original)));
  }
  return to;
}

function editOnePercent(files: string[]): void {
  const step = 100;
  for (let i = 0; i < files.length; i += step) {
    fs.appendFileSync(files[i]!, '\n');
  }
}

function parseSummary(parse: ReturnType<typeof benchParse>): string {
  const slower = (figures: ParseFigures): string =>
    (parse.remark.mbPerSecond / figures.mbPerSecond).toFixed(2);
  return (
    `parse MB/s: full parser ${parse.full['MB/s']}, with every table read by remark ${parse.fullRemark['MB/s']}, ` +
    `remark + GFM tables ${parse.remarkTables['MB/s']}, remark alone ${parse.remark['MB/s']}\n` +
    `full parser / remark alone: ${slower(parse.full)}x slower (with every table read by remark: ` +
    `${slower(parse.fullRemark)}x; remark + GFM tables alone: ${slower(parse.remarkTables)}x)`
  );
}

interface ParseFigures {
  seconds: string;
  'docs/s': number;
  'MB/s': string;
  mbPerSecond: number;
}

function benchParse(paths: string[]): {
  full: ParseFigures;
  fullRemark: ParseFigures;
  remarkTables: ParseFigures;
  remark: ParseFigures;
} {
  const inputs = paths.map((absolutePath) => ({
    bytes: fs.readFileSync(absolutePath),
    file: path.basename(absolutePath),
  }));
  const texts = inputs.map((input) => input.bytes.toString('utf8'));
  const megabytes = inputs.reduce((sum, input) => sum + input.bytes.length, 0) / 2 ** 20;
  const plain = unified().use(remarkParse);
  const passes = {
    full: [] as number[],
    fullRemark: [] as number[],
    remarkTables: [] as number[],
    remark: [] as number[],
  };
  const runs: Record<keyof typeof passes, () => void> = {
    full: () => {
      for (const input of inputs) parseDocument({ file: input.file, id: input.file, bytes: input.bytes });
    },
    fullRemark: () => {
      for (const input of inputs) {
        parseDocument({ file: input.file, id: input.file, bytes: input.bytes }, parseMarkdownWithRemark);
      }
    },
    remarkTables: () => {
      for (const text of texts) parseMarkdownWithRemark(text);
    },
    remark: () => {
      for (const text of texts) plain.parse(text);
    },
  };
  // Interleaved rounds, the fastest of each kept: on a shared machine the minimum is the figure
  // least disturbed by others, and interleaving gives each parser the same conditions.
  for (let round = 0; round < PARSE_ROUNDS + 1; round++) {
    for (const kind of Object.keys(runs) as (keyof typeof passes)[]) {
      const started = performance.now();
      runs[kind]();
      if (round > 0) passes[kind].push(performance.now() - started); // round 0 warms up the JIT
    }
  }
  const figures = (times: number[]): ParseFigures => {
    const ms = Math.min(...times);
    const mbPerSecond = (megabytes / ms) * 1000;
    return {
      seconds: (ms / 1000).toFixed(2),
      'docs/s': Math.round((inputs.length / ms) * 1000),
      'MB/s': mbPerSecond.toFixed(2),
      mbPerSecond,
    };
  };
  return {
    full: figures(passes.full),
    fullRemark: figures(passes.fullRemark),
    remarkTables: figures(passes.remarkTables),
    remark: figures(passes.remark),
  };
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!values.keep) fs.rmSync(workDir, { recursive: true, force: true });
  });

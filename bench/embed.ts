import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Embedder, cosine, type EmbedderOptions } from '../embed/embedder.js';
import { embeddedText } from '../groups/concept-rule.js';
import { discoverFiles } from '../ingest/files.js';
import { parseDocument } from '../ingest/parse/index.js';
import { machineInfo, table, writeResult } from './machine.js';

/**
 * Embedding speed: the same texts through langchain4j's one-call-per-text model (`--reference`)
 * and through the batched embedder (workers × ONNX Runtime intra-op threads); names/s, the JVM's
 * CPU-seconds and the load average beside each, and how far the batched vectors are from langchain4j's.
 *
 *   npm run gen -- --docs 1000 --seed 1 --out DIR
 *   npx tsx bench/embed.ts DIR [--texts 4000] [--runs reference,batched-1x1,batched-1x2,batched-2x1]
 *
 * Texts: the distinct issue, theme, keyword and signal names of DIR's documents (as the ingest
 * embeds them), in document order, the first --texts of them.
 */

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU-seconds of a process so far (Linux /proc). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

async function namesOf(dir: string, limit: number): Promise<string[]> {
  const texts = new Set<string>();
  for (const source of await discoverFiles([dir], process.cwd())) {
    const { article } = parseDocument({
      file: source.file,
      id: source.id,
      bytes: fs.readFileSync(source.absolutePath),
    });
    if (!article) continue;
    const names = [
      ...article.issues.map((issue) => embeddedText('Issue', issue.name)),
      ...article.themes.map((theme) => embeddedText('Theme', theme)),
      ...article.keywords.map((keyword) => embeddedText('Keyword', keyword)),
      ...article.signals.map((signal) => embeddedText('Signal', signal.name)),
    ];
    for (const name of names) {
      texts.add(name);
      if (texts.size >= limit) return [...texts];
    }
  }
  return [...texts];
}

interface Run {
  name: string;
  options: EmbedderOptions;
}

const RUNS: Record<string, Run> = {
  reference: { name: 'langchain4j, one call per text', options: { reference: true } },
  'batched-1x1': {
    name: 'batched, 1 worker × 1 intra-op thread',
    options: { workers: 1, intraOpThreads: 1 },
  },
  'batched-1x2': {
    name: 'batched, 1 worker × 2 intra-op threads',
    options: { workers: 1, intraOpThreads: 2 },
  },
  'batched-2x1': {
    name: 'batched, 2 workers × 1 intra-op thread (default)',
    options: { workers: 2, intraOpThreads: 1 },
  },
};

async function timeRun(run: Run, texts: string[]) {
  const startedAt = performance.now();
  const embedder = await Embedder.start(run.options);
  const startMs = performance.now() - startedAt;
  try {
    // Warm-up outside the timing (JIT, ONNX Runtime's first runs).
    await embedder.embed(texts.slice(0, 200));
    const cpuBefore = cpuSeconds(embedder.pid);
    const load = os.loadavg()[0]!;
    const t0 = performance.now();
    const vectors = await embedder.embed(texts);
    const seconds = (performance.now() - t0) / 1000;
    return {
      vectors,
      row: {
        run: run.name,
        texts: texts.length,
        's (wall)': seconds.toFixed(1),
        'names/s': Math.round(texts.length / seconds),
        'JVM CPU-s': (cpuSeconds(embedder.pid) - cpuBefore).toFixed(1),
        'load (1 min) before': load.toFixed(2),
        'load after': os.loadavg()[0]!.toFixed(2),
        'JVM start s': (startMs / 1000).toFixed(1),
      },
    };
  } finally {
    await embedder.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      texts: { type: 'string', default: '4000' },
      runs: { type: 'string', default: Object.keys(RUNS).join(',') },
    },
  });
  const dir = positionals[0];
  if (!dir || !fs.existsSync(dir)) {
    throw new Error(
      `Usage: npx tsx bench/embed.ts DIR [--texts N] [--runs ${Object.keys(RUNS).join(',')}] (DIR from npm run gen)`,
    );
  }
  const texts = await namesOf(path.resolve(dir), Number(values.texts));
  const runNames = values.runs.split(',');
  const unknown = runNames.filter((name) => !RUNS[name]);
  if (unknown.length)
    throw new Error(`Unknown run ${unknown.join(', ')}: one of ${Object.keys(RUNS).join(', ')}.`);
  console.log(
    `${texts.length} distinct names from ${dir}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const rows: Record<string, string | number>[] = [];
  let reference: Float32Array[] | null = null;
  for (const name of runNames) {
    const { vectors, row } = await timeRun(RUNS[name]!, texts);
    if (name === 'reference') reference = vectors;
    const agreement: Record<string, string> = {};
    if (reference && name !== 'reference') {
      let minCosine = 1;
      let maxDifference = 0;
      vectors.forEach((vector, index) => {
        minCosine = Math.min(minCosine, cosine(vector, reference![index]!));
        for (let d = 0; d < vector.length; d++)
          maxDifference = Math.max(maxDifference, Math.abs(vector[d]! - reference![index]![d]!));
      });
      agreement['min cosine to reference'] = minCosine.toFixed(7);
      agreement['max |Δ| to reference'] = maxDifference.toExponential(1);
    }
    rows.push({ ...row, ...agreement });
    console.log(table([rows.at(-1)!]));
  }
  console.log(`\n${table(rows)}`);
  const file = writeResult('embed', { machine: machineInfo(), dir, texts: texts.length, rows });
  console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingMaterialLine } from '../bench/shared-material.js';
import { ArgsError, parseGenArgs, USAGE, type GenArgs } from './args.js';
import { createGenerator, fittedVocabulary } from './create.js';
import type { GeneratedDocument } from './generator.js';
import { loadProfile } from './load-profile.js';
import { ProfileBuilder } from './measure/index.js';
import type { CorpusProfile } from './profile.js';
import { statsReport } from './stats-report.js';
import { writeCorpus, type WriteProgress } from './write-corpus.js';

const MB = 1024 * 1024;
const say = (line: string): void => void process.stderr.write(`gen: ${line}\n`);
const grouped = (value: number): string => Math.round(value).toLocaleString('en-US');

function progressLine({ docs, total, bytes, seconds }: WriteProgress): string {
  return `${grouped(docs)} / ${grouped(total)} docs · ${(bytes / MB).toFixed(1)} MB · ${grouped(docs / seconds)} docs/s`;
}

/** Builders for --stats: the first documents (as many as the corpus has) and all of them. */
function statsBuilders(
  args: GenArgs,
  real: CorpusProfile,
): { add: (doc: GeneratedDocument) => void; report: () => string } {
  const firstCount = Math.min(args.docs, real.docs);
  const first = new ProfileBuilder({
    source: 'generated',
    checkpoints: [10, 25, 50, 100].filter((k) => k < firstCount).concat(firstCount),
  });
  const all = new ProfileBuilder({
    source: 'generated',
    nearDocs: Math.min(args.docs, 2000),
    checkpoints: [8, 4, 2, 1].map((part) => Math.max(1, Math.floor(args.docs / part))),
  });
  return {
    add: (doc) => {
      if (doc.index < firstCount) first.add(doc.id, doc.text);
      all.add(doc.id, doc.text);
    },
    report: () => statsReport(real, first.result(), all.result(), fittedVocabulary(real)),
  };
}

async function writeDefaults(profile: CorpusProfile): Promise<void> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fitted-defaults.ts');
  const source =
    `import type { CorpusProfile } from './profile.js';\n\n` +
    `/** Figures measured from the corpus by \`npm run gen -- --write-defaults\`; used when it is absent. */\n` +
    `export const FITTED_DEFAULTS: CorpusProfile = ${JSON.stringify(profile)};\n`;
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(source, { ...options, filepath: file }));
  say(`wrote ${path.relative(process.cwd(), file)}`);
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: GenArgs;
  try {
    args = parseGenArgs(argv);
  } catch (error) {
    if (!(error instanceof ArgsError) && !(error instanceof TypeError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  const loaded = loadProfile();
  if (args.writeDefaults) {
    if (loaded.origin !== 'measured') {
      say(missingMaterialLine('--write-defaults', loaded.dir));
      return 1;
    }
    await writeDefaults(loaded.profile);
    return 0;
  }
  const generator = createGenerator({ seed: args.seed, docs: args.docs, profile: loaded.profile });
  const source = loaded.origin === 'measured' ? `${loaded.profile.source}, measured` : 'recorded figures';
  say(`fitted to ${source} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const stats = args.stats ? statsBuilders(args, loaded.profile) : undefined;
  const generatedAt = performance.now();
  let summary;
  if (args.out !== undefined) {
    summary = await writeCorpus(generator, args.docs, {
      out: args.out,
      concurrency: args.concurrency,
      onDocument: stats?.add,
      onProgress: (progress) => say(progressLine(progress)),
    });
  } else {
    let bytes = 0;
    for (let index = 0; index < args.docs; index++) {
      const doc = generator.document(index);
      bytes += Buffer.byteLength(doc.text);
      stats?.add(doc);
    }
    const seconds = (performance.now() - generatedAt) / 1000;
    summary = {
      docs: args.docs,
      total: args.docs,
      bytes,
      seconds,
      peakRss: process.resourceUsage().maxRSS * 1024,
    };
  }
  const where = args.out === undefined ? 'generated (not written)' : `written to ${args.out}`;
  say(
    `${grouped(summary.docs)} docs ${where}: ${(summary.bytes / MB).toFixed(1)} MB in ${summary.seconds.toFixed(1)} s ` +
      `(${grouped(summary.docs / summary.seconds)} docs/s), peak RSS ${(summary.peakRss / MB).toFixed(0)} MB`,
  );
  if (stats) process.stdout.write(`${stats.report()}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(
        `gen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}

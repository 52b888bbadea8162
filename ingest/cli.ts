import path from 'node:path';
import { parseArgs } from 'node:util';
import { openNeo4j, PROJECT_ROOT, type Neo4jConnection } from '../db/index.js';
import { pathsWithDigests } from './check-paths.js';
import { mergeSources, UsageError } from './files.js';
import { ingestSources, type IngestReport } from './pipeline.js';
import { cpuMs, peakRssMiB } from './process-usage.js';
import { progressReporter } from './progress.js';
import { reportLines } from './summary.js';
import { watchLines, watchPaths } from './watch.js';

const USAGE = `Usage: npm run ingest -- [PATH…] [--dry-run] [--json] [--prune] [--reset] [--watch] [--batch-size N]

PATH     a file, a folder (read recursively for .md/.txt) or a glob; default: seeds/
--dry-run  parse and validate only; needs no Neo4j
--json     one JSON report on stdout (progress and logs go to stderr)
--prune    remove articles whose files are not among PATHs, and entities left with no article
--reset    empty the graph first
--watch    then keep the graph equal to the PATHs: added, changed and deleted files, until Ctrl-C
Exit: 0 all ingested, 1 some file failed (the others are ingested), 2 usage, PATH (missing, empty,
unreadable, no digest) or connection error.`;

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  if (args.help) {
    console.error(USAGE);
    return 0;
  }
  const paths = args.paths.length > 0 ? args.paths : [path.join(PROJECT_ROOT, 'seeds')];
  const log = (line: string): void => console.error(line);
  // Before Neo4j is even reached: a missing, empty or unreadable PATH touches nothing.
  const found = await pathsWithDigests(paths, process.cwd());

  let connection: Neo4jConnection | null = null;
  if (!args.dryRun) connection = await openNeo4j({ log, stopLocalOnClose: true });
  const progress = progressReporter(process.stderr);
  let report: IngestReport;
  try {
    const database = connection?.target.database ?? 'neo4j';
    // Watching starts before the first ingest, so a change made during it is not missed.
    const watcher = args.watch
      ? await watchPaths(connection!.driver, found, {
          database,
          onBatch: (batch) => watchLines(batch).forEach(log),
          onProblem: log,
        })
      : null;
    try {
      report = await ingestSources(connection?.driver ?? null, mergeSources(found), {
        database,
        dryRun: args.dryRun,
        prune: args.prune,
        reset: args.reset,
        batchSize: args.batchSize,
        onProgress: progress.update,
      });
    } finally {
      progress.stop();
    }
    for (const line of reportLines(report, { dryRun: args.dryRun })) log(line);
    if (args.json) process.stdout.write(`${JSON.stringify(jsonReport(report))}\n`);
    if (watcher) {
      log(`Watching ${found.map((entry) => entry.given).join(', ')} for changes (Ctrl-C stops)`);
      watcher.resume();
      await untilStopped();
      await watcher.close();
    }
  } finally {
    progress.stop();
    await connection?.close();
  }
  return report.totals.failed > 0 ? 1 : 0;
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** The --json document of DESIGN.md (plus each file's status). */
function jsonReport(report: IngestReport): unknown {
  return {
    files: report.files.map((file) => ({
      file: file.file,
      id: file.id,
      title: file.title,
      layout: file.layout,
      status: file.status,
      counts: file.counts,
      warnings: file.warnings,
      error: file.error,
    })),
    totals: report.totals,
    graph: report.stats,
    groups: report.groups,
    ...(report.conceptWarning ? { conceptWarning: report.conceptWarning } : {}),
    durationMs: report.durationMs,
    peakRssMiB: peakRssMiB(),
    cpuMs: cpuMs(),
    documents: report.documents,
  };
}

function parseCli(argv: string[]): {
  paths: string[];
  dryRun: boolean;
  json: boolean;
  prune: boolean;
  reset: boolean;
  watch: boolean;
  help: boolean;
  batchSize: number | undefined;
} {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        prune: { type: 'boolean', default: false },
        reset: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'batch-size': { type: 'string' },
      },
    });
    const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
      throw new UsageError(`--batch-size must be a positive whole number, not "${values['batch-size']}"`);
    }
    if (values['dry-run'] && (values.prune || values.reset || values.watch)) {
      throw new UsageError('--dry-run touches no database, so it cannot go with --prune, --reset or --watch');
    }
    return {
      paths: positionals,
      dryRun: values['dry-run'],
      json: values.json,
      prune: values.prune,
      reset: values.reset,
      watch: values.watch,
      help: values.help,
      batchSize,
    };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`ingest: ${message}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = 2;
  },
);

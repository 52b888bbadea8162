import path from 'node:path';
import { parseArgs } from 'node:util';
import { openNeo4j, PROJECT_ROOT, type Neo4jConnection } from '../db/index.js';
import { formatDiagnostic } from '../model/index.js';
import { UsageError } from './files.js';
import { ingestPaths, type IngestReport } from './pipeline.js';
import { cpuMs, peakRssMiB } from './process-usage.js';
import { progressReporter } from './progress.js';
import { summaryLines } from './summary.js';

const USAGE = `Usage: npm run ingest -- [PATH…] [--dry-run] [--json] [--prune] [--reset] [--batch-size N]

PATH     a file, a folder (read recursively for .md/.txt) or a glob; default: seeds/
--dry-run  parse and validate only; needs no Neo4j
--json     one JSON report on stdout (progress and logs go to stderr)
--prune    remove articles whose files are not among PATHs, and entities left with no article
--reset    empty the graph first
Exit: 0 all ingested, 1 some file failed (the others are ingested), 2 usage or connection error.`;

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  if (args.help) {
    console.error(USAGE);
    return 0;
  }
  const paths = args.paths.length > 0 ? args.paths : [path.join(PROJECT_ROOT, 'seeds')];
  const log = (line: string): void => console.error(line);

  let connection: Neo4jConnection | null = null;
  if (!args.dryRun) connection = await openNeo4j({ log, stopLocalOnClose: true });
  const progress = progressReporter(process.stderr);
  let report: IngestReport;
  try {
    report = await ingestPaths(connection?.driver ?? null, paths, {
      database: connection?.target.database,
      dryRun: args.dryRun,
      prune: args.prune,
      reset: args.reset,
      batchSize: args.batchSize,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
    await connection?.close();
  }

  for (const line of summaryLines(report, { dryRun: args.dryRun })) log(line);
  for (const file of report.files) {
    for (const warning of file.warnings)
      if (report.files.length <= 200) log(`warning: ${formatDiagnostic(warning)}`);
    if (file.error) {
      log(
        `error: ${formatDiagnostic({ file: file.file, line: file.error.line ?? undefined, code: file.error.code, message: file.error.message })}`,
      );
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(jsonReport(report))}\n`);
  return report.totals.failed > 0 ? 1 : 0;
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
        help: { type: 'boolean', short: 'h', default: false },
        'batch-size': { type: 'string' },
      },
    });
    const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
      throw new UsageError(`--batch-size must be a positive whole number, not "${values['batch-size']}"`);
    }
    if (values['dry-run'] && (values.prune || values.reset)) {
      throw new UsageError('--dry-run touches no database, so it cannot go with --prune or --reset');
    }
    return {
      paths: positionals,
      dryRun: values['dry-run'],
      json: values.json,
      prune: values.prune,
      reset: values.reset,
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

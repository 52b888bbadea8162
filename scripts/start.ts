import path from 'node:path';
import { parseArgs } from 'node:util';
import { openNeo4j, PROJECT_ROOT } from '../db/index.js';
import { pathsWithDigests } from '../ingest/check-paths.js';
import { mergeSources, UsageError } from '../ingest/files.js';
import { ingestSources } from '../ingest/pipeline.js';
import { readHeldRoots } from '../ingest/roots.js';
import { reportLines } from '../ingest/summary.js';
import { watchLines, watchPaths, type PathWatcher } from '../ingest/watch.js';
import {
  accessLine,
  createApp,
  createLogger,
  runServer,
  serverConfigFromEnv,
  type RunningServer,
} from '../server/index.js';
import { LazyEmbedder } from '../server/graph/lazy-embedder.js';
import { ensureClientBuilt } from './client-build.js';
import { planStart } from './start-plan.js';

const USAGE = `Usage: npm start -- [PATH…] [--watch] [--prune] [--reset]

PATH     folders (read recursively for .md/.txt), files or globs: the graph is built from these
         only. Without PATH: the example seeds/ when the database is empty or holds only seeds,
         else the graph as last ingested.
--watch  keep the graph equal to the PATHs while files are added, changed and deleted
--prune  drop the articles of folders the database holds that are not among the PATHs
--reset  empty the database first
Exit: 2 for a PATH that is missing, empty, unreadable or holds no digest, or a database that
holds other folders (nothing stored is touched then).`;

const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

/**
 * `npm start`: the local Neo4j (unless NEO4J_URI is set), the graph built from the PATHs given
 * (scripts/start-plan.ts decides, from the folders the database holds), the client built if
 * needed, then the API and UI served; with --watch, the PATHs followed until Ctrl-C.
 */
async function main(): Promise<void> {
  const args = parseCli(process.argv.slice(2));
  if (args.help) {
    console.error(USAGE);
    return;
  }
  const log = (line: string): void => console.error(line);
  // Every PATH is checked before Neo4j is even started: a mistake there touches nothing.
  const given = args.paths.length > 0 ? await pathsWithDigests(args.paths, process.cwd()) : null;
  const config = serverConfigFromEnv();
  const neo4j = await openNeo4j({ log, stopLocalOnClose: true });
  let watcher: PathWatcher | null = null;
  let running: RunningServer | null = null;
  try {
    const database = neo4j.target.database;
    const held = await readHeldRoots(neo4j.driver, database, SEEDS_DIR);
    const plan = planStart(held, {
      roots: [...new Set((given ?? []).map((entry) => entry.root))],
      seedsRoot: SEEDS_DIR,
      reset: args.reset,
      prune: args.prune,
      watch: args.watch,
    });
    if (plan.action === 'refuse') throw new UsageError(plan.say);
    plan.say.forEach(log);
    if (plan.action === 'ingest') {
      const found = given ?? (await pathsWithDigests([SEEDS_DIR], PROJECT_ROOT));
      if (args.watch) {
        watcher = await watchPaths(neo4j.driver, found, {
          database,
          onBatch: (batch) => {
            watchLines(batch).forEach(log);
            // The new whole-graph answers are computed before a visitor asks for them.
            running?.warmNow();
          },
          onProblem: log,
        });
      }
      const report = await ingestSources(neo4j.driver, mergeSources(found), {
        database,
        reset: plan.reset,
        prune: plan.prune,
      });
      reportLines(report, { dryRun: false }).forEach(log);
    }
    await ensureClientBuilt(log);
  } catch (error) {
    await watcher?.close();
    await neo4j.close();
    throw error;
  }

  const logger = createLogger();
  const embedder = new LazyEmbedder();
  const app = createApp({
    embedder,
    driver: neo4j.driver,
    database: neo4j.target.database,
    limits: config.limits,
    clientDir: config.clientDir,
    logger,
    accessToken: config.accessToken,
  });
  running = runServer(app, {
    host: config.host,
    port: config.port,
    accessToken: config.accessToken,
    logger,
    onListening: () => {
      console.log(
        `Horizon Graph is running: http://${config.host}:${config.port}  (${accessLine(config)}; Ctrl-C stops it and the local Neo4j)`,
      );
      if (watcher) log(`Watching ${args.paths.join(' ') || 'seeds/'} for changes`);
    },
    onListenError: log,
    onClosed: async () => {
      await watcher?.close();
      await Promise.all([neo4j.close(), embedder.close()]);
    },
  });
  watcher?.resume();
}

function parseCli(argv: string[]): {
  paths: string[];
  watch: boolean;
  prune: boolean;
  reset: boolean;
  help: boolean;
} {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        watch: { type: 'boolean', default: false },
        prune: { type: 'boolean', default: false },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    return { paths: positionals, ...values };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});

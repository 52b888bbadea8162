import path from 'node:path';
import { openNeo4j, PROJECT_ROOT } from '../db/index.js';
import { ingestPaths, summaryLines } from '../ingest/index.js';
import { createApp, createLogger, gracefulShutdown, serverConfigFromEnv } from '../server/index.js';
import { LazyEmbedder } from '../server/graph/lazy-embedder.js';
import { ensureClientBuilt } from './client-build.js';

/**
 * `npm start`: the local Neo4j (unless NEO4J_URI is set), the seeds ingested (unchanged files are
 * skipped, so restarts are quick), the client built if needed, then the API and UI served.
 */
async function main(): Promise<void> {
  const log = (line: string): void => console.error(line);
  const config = serverConfigFromEnv();
  const neo4j = await openNeo4j({ log, stopLocalOnClose: true });
  try {
    const report = await ingestPaths(neo4j.driver, [path.join(PROJECT_ROOT, 'seeds')], {
      database: neo4j.target.database,
    });
    for (const line of summaryLines(report, { dryRun: false })) log(line);
    await ensureClientBuilt(log);
  } catch (error) {
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
  });
  const server = app.listen(config.port, config.host, () => {
    console.log(
      `Horizon Graph is running: http://${config.host}:${config.port}  (Ctrl-C stops it and the local Neo4j)`,
    );
  });
  server.on('error', (error) => {
    log(`Cannot listen on ${config.host}:${config.port}: ${error.message} (set PORT to another port)`);
    void neo4j.close().finally(() => process.exit(2));
  });
  const shutdown = gracefulShutdown(server, {
    logger,
    onClosed: async () => {
      await Promise.all([neo4j.close(), embedder.close()]);
    },
  });
  const stop = (): void => void shutdown().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});

import {
  createDriver,
  neo4jUriFromEnv,
  openNeo4j,
  remoteTargetFromEnv,
  type Neo4jConnection,
} from '../db/index.js';
import { createApp } from './app.js';
import { LazyEmbedder } from './graph/lazy-embedder.js';
import { accessLine, serverConfigFromEnv } from './config.js';
import { createLogger } from './http/request-logging.js';
import { runServer } from './http/run-server.js';

/**
 * `npm run serve`: the API (and the built client, when there is one) on HOST:PORT, default
 * 127.0.0.1:3000. Neo4j as db/ decides: NEO4J_URI, or the project's local Neo4j started if needed.
 */
async function main(): Promise<void> {
  const logger = createLogger();
  const config = serverConfigFromEnv();
  const neo4j = await connectNeo4j((line) => logger.info(line));
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
  runServer(app, {
    host: config.host,
    port: config.port,
    accessToken: config.accessToken,
    logger,
    onListening: (url) =>
      logger.info(
        `Horizon Graph on http://${config.host}:${new URL(url).port} (Neo4j ${neo4j.target.uri}): ${accessLine(config)}`,
      ),
    onListenError: (message) => logger.error(message),
    onClosed: () => Promise.all([neo4j.close(), embedder.close()]).then(() => {}),
  });
}

/**
 * A remote Neo4j that is down at start is not fatal: the server answers 503 until it comes up
 * and then serves without a restart. The project's local Neo4j must start, or nothing works.
 */
async function connectNeo4j(log: (line: string) => void): Promise<Neo4jConnection> {
  try {
    return await openNeo4j({ log });
  } catch (error) {
    const uri = neo4jUriFromEnv();
    if (!uri || (error as Error).name !== 'Neo4jUnavailableError') throw error;
    log(`${(error as Error).message} Serving anyway; requests answer 503 until Neo4j is up.`);
    const target = remoteTargetFromEnv(uri);
    const driver = createDriver(target);
    return { driver, target, local: null, close: () => driver.close() };
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});

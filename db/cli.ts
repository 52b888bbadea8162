import { localSettingsFromEnv, neo4jUriFromEnv } from './config.js';
import { passwordFile, startLocalNeo4j } from './local-neo4j.js';

/**
 * `npm run db`: starts the project's local Neo4j and keeps it running until Ctrl-C or SIGTERM.
 * A second start while one runs reuses it and exits.
 */
async function main(): Promise<void> {
  if (neo4jUriFromEnv()) {
    console.error(
      `NEO4J_URI is set (${process.env.NEO4J_URI}): that server is used and no local Neo4j is started.`,
    );
    return;
  }
  const settings = localSettingsFromEnv();
  const local = await startLocalNeo4j(settings, (line) => console.error(line));
  if (local.reused) return;
  console.error(`Cold start: ${(local.startMs / 1000).toFixed(1)} s`);
  console.error(
    `Bolt: ${local.target.uri}  user: neo4j  password: ${settings.password ? '$NEO4J_PASSWORD' : passwordFile(settings.dataDir)}`,
  );
  console.error('Press Ctrl-C to stop.');
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.error('Stopping Neo4j…');
    await local.stop();
    console.error('Neo4j stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});

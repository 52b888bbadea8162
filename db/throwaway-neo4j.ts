import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localSettingsFromEnv } from './config.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';

/**
 * A local Neo4j of its own, for tests and benchmarks that wipe the graph: a temporary data folder
 * and a free port, both gone after stop().
 */
export async function startThrowawayNeo4j(options: {
  /** Prefix of the temporary data folder, to tell whose it is. */
  name: string;
  password: string;
  heap: string;
  pageCache: string;
  log?: (line: string) => void;
}): Promise<LocalNeo4j> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${options.name}-`));
  const local = await startLocalNeo4j(
    {
      ...localSettingsFromEnv(),
      dataDir,
      port: await freePort(),
      password: options.password,
      heap: options.heap,
      pageCache: options.pageCache,
    },
    options.log,
  );
  return {
    ...local,
    stop: async () => {
      await local.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

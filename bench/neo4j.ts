import fs from 'node:fs';
import {
  connect,
  neo4jUriFromEnv,
  remoteTargetFromEnv,
  startThrowawayNeo4j,
  type Neo4jTarget,
} from '../db/index.js';

/**
 * Benchmarks wipe the database, so by default they get a throw-away local Neo4j of their own.
 * NEO4J_URI is used only with HORIZON_BENCH_ALLOW_RESET=1, since its data will be deleted.
 */
export async function withBenchNeo4j<T>(
  run: (target: Neo4jTarget, version: string, neo4jCpuMs: () => number | null) => Promise<T>,
): Promise<T> {
  const uri = neo4jUriFromEnv();
  if (uri) {
    if (process.env.HORIZON_BENCH_ALLOW_RESET !== '1') {
      throw new Error(
        `NEO4J_URI is set: the benchmark would delete its data; set HORIZON_BENCH_ALLOW_RESET=1 to allow it`,
      );
    }
    const target = remoteTargetFromEnv(uri);
    return run(target, await serverVersion(target), () => null);
  }
  const local = await startThrowawayNeo4j({
    name: 'horizon-bench-neo4j',
    password: 'bench-password-0',
    heap: process.env.NEO4J_LOCAL_HEAP ?? '4g',
    pageCache: process.env.NEO4J_LOCAL_PAGECACHE ?? '2g',
    log: (line) => console.error(`bench: ${line}`),
  });
  try {
    return await run(local.target, await serverVersion(local.target), () => processCpuMs(local.pid));
  } finally {
    await local.stop();
  }
}

async function serverVersion(target: Neo4jTarget): Promise<string> {
  const driver = await connect(target);
  try {
    return (await driver.getServerInfo()).agent ?? 'unknown';
  } finally {
    await driver.close();
  }
}

/** CPU time (user + system, all threads) a local process has used so far, from /proc; null elsewhere. */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100; // USER_HZ on Linux
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, openNeo4j, PROJECT_ROOT } from '../db/index.js';
import { warmUpPaths } from '../server/http/warm-up.js';
import { benchCases } from './api-cases.js';
import { loadApi, loadDriver, type LoadResult } from './api-load.js';
import { machineInfo, table, writeResult } from './machine.js';
import { startServer, type ServerProcess } from './server-process.js';

/**
 * `npx tsx bench/api.ts [--duration 10] [--connections 8] [--only name,name]`
 *
 * Each main API route under load (autocannon, 8 connections, ~10 s), beside the same queries run
 * straight through the driver at the same concurrency, in the same run. It ingests nothing and
 * changes nothing: it measures whatever graph NEO4J_URI names, or the project's local Neo4j
 * (started if needed), so ingest the corpus you want measured first. The server runs in its own
 * process (`server/main.ts`), as in production; autocannon and the driver run here.
 */

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    only: { type: 'string' },
  },
});
const options = { durationS: Number(values.duration), connections: Number(values.connections) };
const only = values.only ? new Set(values.only.split(',')) : null;

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const neo4j = await openNeo4j({ log: (line) => console.error(line), stopLocalOnClose: true });
  let server: ServerProcess | null = null;
  try {
    const { driver, target } = neo4j;
    const version = (await driver.getServerInfo({ database: target.database })).agent ?? 'unknown';
    const { records } = await driver.executeQuery(
      'MATCH (a:Article) WHERE a.stub IS NULL RETURN count(a) AS n',
      {},
      { database: target.database },
    );
    const articles = records[0]!.get('n') as number;
    const cases = (await benchCases(driver, target.database)).filter((c) => !only || only.has(c.name));
    server = await startServer(await freePort());
    const { url } = server;
    // The server computes its whole-graph answers when it starts; measuring during that would
    // measure them too. Asking for them waits until they are there.
    for (const path of warmUpPaths()) await fetch(`${url}${path}`).then((r) => r.arrayBuffer());
    console.error(
      `Measuring ${cases.length} routes on ${articles} articles (${target.uri}), ${options.connections} connections, ${options.durationS} s each`,
    );

    const results: { route: string; path: string; api: LoadResult; driver: LoadResult }[] = [];
    for (const benchCase of cases) {
      await loadApi(url, benchCase, { ...options, durationS: 1 }); // warm-up
      const api = await loadApi(url, benchCase, options);
      await loadDriver(driver, target.database, benchCase, { ...options, durationS: 1 });
      const direct = await loadDriver(driver, target.database, benchCase, options);
      results.push({ route: benchCase.name, path: benchCase.path, api, driver: direct });
      console.error(
        `  ${benchCase.name}: ${round(api.perSecond)} req/s through the API, ${round(direct.perSecond)} through the driver`,
      );
    }

    console.log(
      table(
        results.map(({ route, api, driver: direct }) => ({
          route,
          'API req/s': round(api.perSecond),
          'API p50 ms': round(api.p50),
          'API p95 ms': round(api.p95),
          'API p99 ms': round(api.p99),
          'driver req/s': round(direct.perSecond),
          'driver p50 ms': round(direct.p50),
          'driver p95 ms': round(direct.p95),
          'driver p99 ms': round(direct.p99),
          'API/driver p50': round(api.p50 / direct.p50, 2),
          'API/driver req/s': round(api.perSecond / direct.perSecond, 2),
          failed: api.failed + direct.failed,
        })),
      ),
    );
    const file = writeResult('api', {
      date: new Date().toISOString(),
      machine: machineInfo(version),
      graph: { uri: target.uri, articles },
      options,
      results,
    });
    console.error(`Written ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    await server?.stop();
    await neo4j.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect, envForTarget, freePort, PROJECT_ROOT } from '../db/index.js';
import { warmUpPaths } from '../server/http/warm-up.js';
import { benchCases } from './api-cases.js';
import { loadMix, type MixResult } from './load-mix.js';
import { machineInfo, table, writeResult } from './machine.js';
import { withBenchNeo4j } from './neo4j.js';
import { runCliIngest, withoutEmbedderEnv } from './run-ingest.js';
import { startServer, type MemorySample, type ServerProcess } from './server-process.js';

/**
 * `npx tsx bench/load.ts CORPUS_DIR [--connections 32] [--duration 60] [--sample 5]
 *    [--soak [--soak-minutes 10] [--soak-connections 4] [--soak-rate 10]] [--embedder]`
 *
 * Every main route at once (bench/api-cases.ts: search, node, neighbours, article, themes network
 * and link, co-occurring issues and pairs, a concept group, paths, read-only Cypher, timeline,
 * trends, emerging, and their windowed forms) against the server in its own process, on a
 * throw-away Neo4j holding CORPUS_DIR (e.g. `npm run gen -- --docs 10000 --seed 1 --out DIR`):
 * answers other than 2xx and unanswered requests counted by route, p50/p95/p99 by route, and the
 * server's memory (RSS and heap after a full GC) sampled meanwhile. With --soak, then the same mix
 * at a steady lower rate for --soak-minutes, memory sampled every 10 s, and the slope of each
 * (MiB/min) over all but the first minute, so a leak shows. Exits 1 on any error or non-2xx.
 *
 * The concept groups by meaning need the embedder, whose first pass over 10,000 documents takes
 * ~15 minutes on 2 cores; without --embedder the ingest runs as on a machine without Java (issues
 * grouped by words, the documented fallback), and /api/similar (which needs it) is not in the mix.
 */

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '60' },
    sample: { type: 'string', default: '5' },
    soak: { type: 'boolean', default: false },
    'soak-minutes': { type: 'string', default: '10' },
    'soak-connections': { type: 'string', default: '4' },
    'soak-rate': { type: 'string', default: '10' },
    embedder: { type: 'boolean', default: false },
  },
});

const MiB = 2 ** 20;
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Sampled extends MemorySample {
  atS: number;
}

/** The server's memory every `intervalS` seconds while `during` runs, and once before and after. */
async function sampling<T>(
  server: ServerProcess,
  intervalS: number,
  during: () => Promise<T>,
): Promise<{ result: T; samples: Sampled[] }> {
  const started = performance.now();
  const samples: Sampled[] = [];
  const take = async (): Promise<void> => {
    samples.push({ ...(await server.memory()), atS: (performance.now() - started) / 1000 });
  };
  await take();
  let running = true;
  const loop = (async () => {
    while (running) {
      await sleep(intervalS * 1000);
      if (running) await take();
    }
  })();
  try {
    return { result: await during(), samples };
  } finally {
    running = false;
    await loop;
    await take();
  }
}

/** Least-squares slope of `value` against time, in MiB per minute. */
function slopeMiBPerMinute(samples: Sampled[], value: (sample: Sampled) => number): number {
  const n = samples.length;
  if (n < 2) return NaN;
  const meanT = samples.reduce((sum, s) => sum + s.atS, 0) / n;
  const meanV = samples.reduce((sum, s) => sum + value(s), 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const s of samples) {
    covariance += (s.atS - meanT) * (value(s) - meanV);
    variance += (s.atS - meanT) ** 2;
  }
  return (covariance / variance / MiB) * 60;
}

function memoryLine(samples: Sampled[]): string {
  const mib = (bytes: number): number => Math.round(bytes / MiB);
  const range = (value: (s: Sampled) => number): string =>
    `${mib(value(samples[0]!))} → ${mib(value(samples.at(-1)!))} MiB ` +
    `(min ${mib(Math.min(...samples.map(value)))}, max ${mib(Math.max(...samples.map(value)))})`;
  return `server memory, ${samples.length} samples: RSS ${range((s) => s.rss)}; heap after GC ${range((s) => s.heapUsed)}`;
}

function routeTable(mix: MixResult): string {
  return table(
    mix.routes.map((r) => ({
      route: r.route,
      requests: r.requests,
      'req/s': round(r.perSecond),
      'p50 ms': round(r.p50),
      'p95 ms': round(r.p95),
      'p99 ms': round(r.p99),
      'non-2xx': Object.entries(r.statuses)
        .map(([status, n]) => `${n}×${status}`)
        .join(' '),
    })),
  );
}

const failures = (mix: MixResult): number =>
  mix.errors + mix.timeouts + mix.routes.reduce((sum, r) => sum + r.failed, 0);

const loadAverage = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const corpus = positionals[0];
  if (!corpus || !fs.existsSync(corpus)) {
    console.error(
      'Usage: npx tsx bench/load.ts CORPUS_DIR [--soak] (e.g. npm run gen -- --docs 10000 --seed 1 --out .data/gen-10k)',
    );
    process.exitCode = 2;
    return;
  }
  const noJava = values.embedder ? {} : withoutEmbedderEnv();

  try {
    await withBenchNeo4j(async (target, version) => {
      console.error(`load: ingesting ${corpus}${values.embedder ? '' : ' (without the embedder)'}…`);
      const ingest = await runCliIngest(target, [path.resolve(corpus), '--reset'], undefined, noJava);
      console.error(
        `load: ${ingest.files} documents in ${(ingest.durationMs / 1000).toFixed(1)} s; load average ${loadAverage()}`,
      );

      const driver = await connect(target);
      const server = await startServer(await freePort(), { ...envForTarget(target), ...noJava });
      try {
        const cases = await benchCases(driver, target.database);
        const { url } = server;
        for (const warm of warmUpPaths()) await fetch(`${url}${warm}`).then((r) => r.arrayBuffer());
        await loadMix(url, cases, { connections: 4, durationS: 5 }); // a first pass, not measured

        const connections = Number(values.connections);
        const durationS = Number(values.duration);
        const before = loadAverage();
        console.error(`load: ${cases.length} routes at once, ${connections} connections, ${durationS} s…`);
        const load = await sampling(server, Number(values.sample), () =>
          loadMix(url, cases, { connections, durationS }),
        );
        const loadFigures = {
          connections,
          durationS,
          loadAverage: { before, after: loadAverage() },
          total: load.result.routes.reduce((sum, r) => sum + r.requests + r.failed, 0),
          errors: load.result.errors,
          timeouts: load.result.timeouts,
          routes: load.result.routes,
          memory: load.samples,
        };
        console.log(
          `\n${connections} connections, ${durationS} s, all routes at once (load average ${before} → ${loadFigures.loadAverage.after})`,
        );
        console.log(routeTable(load.result));
        console.log(
          `${loadFigures.total} requests, ${failures(load.result)} failed (non-2xx ${load.result.routes.reduce((s, r) => s + r.failed, 0)}, errors ${load.result.errors}, timeouts ${load.result.timeouts})`,
        );
        console.log(memoryLine(load.samples));

        let soakFigures: Record<string, unknown> | null = null;
        if (values.soak) {
          const minutes = Number(values['soak-minutes']);
          const soakConnections = Number(values['soak-connections']);
          const rate = Number(values['soak-rate']);
          const soakBefore = loadAverage();
          console.error(
            `load: soak, ${rate} requests/s on ${soakConnections} connections for ${minutes} min…`,
          );
          const soak = await sampling(server, 10, () =>
            loadMix(url, cases, { connections: soakConnections, durationS: minutes * 60, overallRate: rate }),
          );
          const settled = soak.samples.filter((s) => s.atS >= 60);
          const slopes = {
            heapMiBPerMin: round(
              slopeMiBPerMinute(settled, (s) => s.heapUsed),
              3,
            ),
            rssMiBPerMin: round(
              slopeMiBPerMinute(settled, (s) => s.rss),
              3,
            ),
          };
          soakFigures = {
            minutes,
            connections: soakConnections,
            rate,
            loadAverage: { before: soakBefore, after: loadAverage() },
            routes: soak.result.routes,
            errors: soak.result.errors,
            timeouts: soak.result.timeouts,
            memory: soak.samples,
            slopes,
          };
          console.log(
            `\nsoak: ${minutes} min at ${rate} requests/s on ${soakConnections} connections (load average ${soakBefore} → ${loadAverage()})`,
          );
          console.log(routeTable(soak.result));
          console.log(
            `${soak.result.routes.reduce((sum, r) => sum + r.requests, 0)} answered, ${failures(soak.result)} failed`,
          );
          console.log(memoryLine(soak.samples));
          console.log(
            `slope after the first minute: heap after GC ${slopes.heapMiBPerMin} MiB/min, RSS ${slopes.rssMiBPerMin} MiB/min`,
          );
          if (failures(soak.result) > 0) process.exitCode = 1;
        }
        if (failures(load.result) > 0) process.exitCode = 1;

        const file = writeResult(`load-${ingest.files}`, {
          date: new Date().toISOString(),
          machine: machineInfo(version),
          corpus: path.resolve(corpus),
          documents: ingest.files,
          embedder: values.embedder,
          load: loadFigures,
          soak: soakFigures,
        });
        console.error(`Written ${path.relative(PROJECT_ROOT, file)}`);
      } finally {
        await server.stop();
        await driver.close();
      }
    });
  } finally {
    if (noJava.JAVA_HOME) fs.rmSync(noJava.JAVA_HOME, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

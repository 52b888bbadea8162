import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import type { BenchCase } from './api-cases.js';

export interface LoadOptions {
  connections: number;
  durationS: number;
}

export interface LoadResult {
  requests: number;
  failed: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Exact percentiles of the recorded latencies (autocannon's own summary has no p95). */
export function summarise(latencies: number[], failed: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return {
    requests: sorted.length,
    failed,
    perSecond: sorted.length / seconds,
    p50: at(50),
    p95: at(95),
    p99: at(99),
  };
}

/**
 * Each request, whichever connection sends it, takes the next path in turn: with more paths than
 * the API keeps answers for, every request is computed, none shared or cached.
 */
export function rotating(paths: readonly string[]) {
  let next = 0;
  return <R extends { path?: string }>(request: R): R => ({ ...request, path: paths[next++ % paths.length] });
}

/** The route through HTTP, `connections` requests in flight at all times, for durationS seconds. */
export function loadApi(baseUrl: string, benchCase: BenchCase, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${benchCase.path}`,
        method: benchCase.method,
        ...(benchCase.rotate ? { requests: [{ setupRequest: rotating(benchCase.rotate) }] } : {}),
        connections: options.connections,
        duration: options.durationS,
        timeout: 60,
        ...(benchCase.body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchCase.body) }),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve(summarise(latencies, failed + result.errors, result.duration));
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failed += 1;
    });
  });
}

/** The same queries straight through the driver: one session and read transaction per call, as the API does. */
export async function loadDriver(
  driver: Driver,
  database: string,
  benchCase: BenchCase,
  options: LoadOptions,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const deadline = started + options.durationS * 1_000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      const begin = performance.now();
      try {
        await session.executeRead((tx) => benchCase.direct(tx));
        latencies.push(performance.now() - begin);
      } catch {
        failed += 1;
      } finally {
        await session.close();
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  return summarise(latencies, failed, (performance.now() - started) / 1_000);
}

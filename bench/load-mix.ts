import autocannon from 'autocannon';
import type { BenchCase } from './api-cases.js';
import { rotating, summarise, type LoadResult } from './api-load.js';

export interface MixOptions {
  connections: number;
  durationS: number;
  /** Requests per second over all connections; unset, as fast as the server answers. */
  overallRate?: number;
}

export interface RouteFigures extends LoadResult {
  route: string;
  /** Answers other than 2xx, by status. */
  statuses: Record<number, number>;
}

export interface MixResult {
  routes: RouteFigures[];
  /** Requests that got no answer: connection errors and timeouts (autocannon does not say which route). */
  errors: number;
  timeouts: number;
  durationS: number;
}

/**
 * Every case at once: each connection sends the cases' requests in turn (a rotating case turns
 * through its own paths each time it comes round), so all routes are in flight together, as when
 * several people use the app. Latencies are filed by route: with one request in flight per
 * connection, the connection's place in its list is the route of the answer it just got.
 */
export function loadMix(
  baseUrl: string,
  cases: readonly BenchCase[],
  options: MixOptions,
): Promise<MixResult> {
  const latencies = cases.map((): number[] => []);
  const statuses = cases.map((): Record<number, number> => ({}));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.durationS,
        pipelining: 1,
        timeout: 30,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        requests: cases.map((benchCase) => ({
          method: benchCase.method,
          path: benchCase.path,
          ...(benchCase.rotate ? { setupRequest: rotating(benchCase.rotate) } : {}),
          ...(benchCase.body === undefined
            ? {}
            : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchCase.body) }),
        })),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          routes: cases.map((benchCase, i) => {
            const failed = Object.values(statuses[i]!).reduce((sum, n) => sum + n, 0);
            return {
              route: benchCase.name,
              ...summarise(latencies[i]!, failed, result.duration),
              statuses: statuses[i]!,
            };
          }),
          errors: result.errors - result.timeouts,
          timeouts: result.timeouts,
          durationS: result.duration,
        });
      },
    );
    instance.on('response', (client, status, _bytes, ms) => {
      const i = (client as { requestIterator: { currentRequestIndex: number } }).requestIterator
        .currentRequestIndex;
      if (status >= 200 && status < 300) latencies[i]!.push(ms);
      else statuses[i]![status] = (statuses[i]![status] ?? 0) + 1;
    });
  });
}

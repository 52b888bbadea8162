import autocannon, { type Result } from 'autocannon';
import type { BenchCase } from './api-cases.js';
import { rotating, summarise, type LoadResult } from './api-load.js';

export interface MixOptions {
  connections: number;
  /** How long to send for; or instead `rounds`: each connection sends every case that many times. */
  durationS?: number;
  rounds?: number;
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

/** `total` split into `parts` whole numbers that differ by at most one. */
const shares = (total: number, parts: number): number[] =>
  Array.from({ length: parts }, (_, k) => Math.floor(total / parts) + (k < total % parts ? 1 : 0));

/**
 * Every case at once: each connection sends the cases' requests in turn, each starting at another
 * case so that all routes are in flight together from the first second (a rotating case turns
 * through its own paths each time it comes round), as when several people use the app. One
 * autocannon per connection, so that the answer it just got is that of the request at its place
 * in its own list: latencies and non-2xx answers are filed by route.
 */
export async function loadMix(
  baseUrl: string,
  cases: readonly BenchCase[],
  options: MixOptions,
): Promise<MixResult> {
  const latencies = cases.map((): number[] => []);
  const statuses = cases.map((): Record<number, number> => ({}));
  // One turn per case, shared by all connections: each request of a rotating case asks the next path.
  const turns = cases.map((benchCase) => (benchCase.rotate ? rotating(benchCase.rotate) : null));
  const rates = options.overallRate ? shares(options.overallRate, options.connections) : [];
  const runs = Array.from({ length: options.connections }, (_, k) => {
    const offset = Math.floor((k * cases.length) / options.connections);
    const order = cases.map((_, i) => (i + offset) % cases.length);
    return new Promise<Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: baseUrl,
          connections: 1,
          pipelining: 1,
          timeout: 30,
          ...(options.rounds
            ? { amount: options.rounds * cases.length }
            : { duration: options.durationS ?? 10 }),
          ...(rates.length ? { overallRate: Math.max(1, rates[k]!) } : {}),
          requests: order.map((i) => {
            const benchCase = cases[i]!;
            return {
              method: benchCase.method,
              path: benchCase.path,
              ...(turns[i] ? { setupRequest: turns[i] } : {}),
              ...(benchCase.body === undefined
                ? {}
                : {
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify(benchCase.body),
                  }),
            };
          }),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on('response', (client, status, _bytes, ms) => {
        const place = (client as { requestIterator: { currentRequestIndex: number } }).requestIterator
          .currentRequestIndex;
        const i = order[place]!;
        if (status >= 200 && status < 300) latencies[i]!.push(ms);
        else statuses[i]![status] = (statuses[i]![status] ?? 0) + 1;
      });
    });
  });
  const results = await Promise.all(runs);
  const durationS = Math.max(...results.map((result) => result.duration));
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  const timeouts = results.reduce((sum, result) => sum + result.timeouts, 0);
  return {
    routes: cases.map((benchCase, i) => {
      const failed = Object.values(statuses[i]!).reduce((sum, n) => sum + n, 0);
      return {
        route: benchCase.name,
        ...summarise(latencies[i]!, failed, durationS),
        statuses: statuses[i]!,
      };
    }),
    errors: errors - timeouts,
    timeouts,
    durationS,
  };
}

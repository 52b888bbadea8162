import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VIEW_DEFAULTS } from '../../model/index.js';

/**
 * The whole-graph answers the client's views ask for first (model/view-defaults.ts), as requests.
 * Asked through HTTP, they go through the same input parsing as the client's, so they land under
 * the same cache keys.
 */
export function warmUpPaths(): string[] {
  const { themes, issues, timeline, emerging } = VIEW_DEFAULTS;
  const query = (params: Record<string, string | number>): string =>
    new URLSearchParams(
      Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
  const map = query({ minCount: themes.minCount, limit: themes.limit });
  return [
    `/api/themes/network?${map}`,
    `/api/themes/communities?${map}`,
    `/api/issues/pairs?${query({ measure: issues.measure, minCount: issues.minCount, limit: issues.pairsLimit })}`,
    `/api/timeline?${query({ period: timeline.period })}`,
    `/api/emerging?${query({ kind: emerging.kind, minCount: emerging.minCount, limit: emerging.limit, period: emerging.period })}`,
  ];
}

/**
 * Warm-up requests carry this process's own secret, so the request log can leave them out (two
 * lines every 30 s otherwise) without letting any caller hide its requests from the log.
 */
const WARM_UP_HEADER = 'x-horizon-warm-up';
const WARM_UP_TOKEN = randomUUID();

export function isWarmUpRequest(req: IncomingMessage): boolean {
  return req.headers[WARM_UP_HEADER] === WARM_UP_TOKEN;
}

export interface WarmUpResult {
  path: string;
  status: number | 'failed';
  ms: number;
}

/** How the server reaches itself: its loopback URL, and the access token when it needs one. */
export interface SelfTarget {
  baseUrl: string;
  headers: Record<string, string>;
}

/** Asks for them one after another (the server stays free for real requests meanwhile). */
export async function warmUp({ baseUrl, headers }: SelfTarget): Promise<WarmUpResult[]> {
  const results: WarmUpResult[] = [];
  for (const path of warmUpPaths()) {
    const started = performance.now();
    let status: WarmUpResult['status'];
    try {
      const response = await fetch(new URL(path, baseUrl), {
        headers: { ...headers, [WARM_UP_HEADER]: WARM_UP_TOKEN },
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 'failed';
    }
    results.push({ path, status, ms: Math.round(performance.now() - started) });
  }
  return results;
}

/** Where the server reaches itself: a wildcard address is reached on loopback. */
export function selfUrl(address: AddressInfo): string {
  const wildcard: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '::1' };
  const host = wildcard[address.address] ?? address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/**
 * Warms now, then every `everyMs`. While the database is unchanged a round is only cache hits; after
 * an ingest, the round computes the new answers before a visitor asks for them. Returns the stop.
 */
export function keepWarm(
  self: SelfTarget,
  everyMs: number,
  report: (results: WarmUpResult[]) => void,
): () => void {
  let running = false;
  let stopped = false;
  const round = async (): Promise<void> => {
    if (running || stopped) return;
    running = true;
    try {
      const results = await warmUp(self);
      if (!stopped) report(results);
    } finally {
      running = false;
    }
  };
  void round();
  const timer = setInterval(() => void round(), everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

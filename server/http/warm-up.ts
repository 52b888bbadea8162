import { VIEW_DEFAULTS } from '../../model/index.js';

/**
 * The whole-graph answers the client's views ask for first (model/view-defaults.ts), as requests.
 * Asked through HTTP, they go through the same input parsing as the client's, so they land under
 * the same cache keys.
 */
export function warmUpPaths(): string[] {
  const { themes, issues } = VIEW_DEFAULTS;
  const query = (params: Record<string, string | number>): string =>
    new URLSearchParams(
      Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
  return [
    `/api/themes/network?${query({ minCount: themes.minCount, limit: themes.limit })}`,
    `/api/issues/pairs?${query({ measure: issues.measure, minCount: issues.minCount, limit: issues.pairsLimit })}`,
  ];
}

export interface WarmUpResult {
  path: string;
  status: number | 'failed';
  ms: number;
}

/** Computes them one after another (the server stays free for real requests meanwhile). */
export async function warmUp(baseUrl: string): Promise<WarmUpResult[]> {
  const results: WarmUpResult[] = [];
  for (const path of warmUpPaths()) {
    const started = performance.now();
    let status: WarmUpResult['status'];
    try {
      const response = await fetch(new URL(path, baseUrl));
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 'failed';
    }
    results.push({ path, status, ms: Math.round(performance.now() - started) });
  }
  return results;
}

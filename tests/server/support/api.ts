import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { createApp, createLogger, type AppOptions } from '../../../server/index.js';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  ms: number;
}

export interface TestApi {
  url: string;
  server: Server;
  get<T = any>(path: string, init?: RequestInit): Promise<ApiAnswer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body: unknown): Promise<ApiAnswer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/** The app on an ephemeral port of 127.0.0.1, logging nothing, for fetch. */
export async function startApi(driver: Driver, options: Partial<AppOptions> = {}): Promise<TestApi> {
  const app = createApp({ driver, logger: createLogger('silent'), ...options });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async <T>(path: string, init?: RequestInit): Promise<ApiAnswer<T>> => {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, init);
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const body = (type.includes('json') ? JSON.parse(text) : text) as T;
    return { status: response.status, body, headers: response.headers, ms: performance.now() - started };
  };
  return {
    url,
    server,
    get: (path, init) => call(path, init),
    post: (path, body) =>
      call(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `/api/nodes/<id>`-style paths: a node id goes into a path segment encoded once more. */
export const pathId = (id: string): string => encodeURIComponent(id);

/** A query string of the given parameters (undefined ones left out). */
export function queryString(params: Record<string, string | number | undefined>): string {
  return new URLSearchParams(
    Object.entries(params).flatMap(([name, value]): [string, string][] =>
      value === undefined ? [] : [[name, String(value)]],
    ),
  ).toString();
}

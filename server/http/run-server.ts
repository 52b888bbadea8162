import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { gracefulShutdown } from './shutdown.js';
import { accessTokenHeaders } from './access-token.js';
import { keepWarm, selfUrl, warmUp, type SelfTarget, type WarmUpResult } from './warm-up.js';

/** How often the whole-graph answers are re-checked (and recomputed after an ingest). */
const WARM_EVERY_MS = 30_000;

export interface RunServerOptions {
  host: string;
  port: number;
  /** Sent with the server's own warm-up requests when every request needs it. */
  accessToken: string | null;
  logger: Logger;
  /** Once listening, with the address the server reaches itself on. */
  onListening: (url: string) => void;
  /** After the server stopped (closing the Neo4j connection, say). */
  onClosed: () => Promise<void>;
  /** Says why listening failed; the process then exits 2 after onClosed. */
  onListenError: (message: string) => void;
}

export interface RunningServer {
  server: Server;
  /** Computes the whole-graph answers now (after a change the server was told of). */
  warmNow(): void;
}

/**
 * Listens, keeps the whole-graph answers warm (now, every 30 s, and when told), and stops cleanly
 * on SIGINT/SIGTERM: what `npm run serve` and `npm start` share.
 */
export function runServer(app: Express, options: RunServerOptions): RunningServer {
  const { logger } = options;
  let stopWarming = (): void => {};
  let self: SelfTarget | null = null;
  const report = (results: WarmUpResult[]): void => {
    // Cache hits answer in milliseconds: only computations are worth a line. A 503 (Neo4j down)
    // is already said by every request and by /api/health.
    for (const { path, status, ms } of results) {
      if (status === 200 && ms >= 500) logger.info(`Warmed ${path} in ${ms} ms`);
      else if (status !== 200 && status !== 503) logger.warn(`Warming ${path} failed: ${status}`);
    }
  };
  const server: Server = app.listen(options.port, options.host, () => {
    self = {
      baseUrl: selfUrl(server.address() as AddressInfo),
      headers: accessTokenHeaders(options.accessToken),
    };
    stopWarming = keepWarm(self, WARM_EVERY_MS, report);
    options.onListening(self.baseUrl);
  });
  server.on('error', (error) => {
    options.onListenError(
      `Cannot listen on ${options.host}:${options.port}: ${error.message} (set PORT to another port)`,
    );
    void options.onClosed().finally(() => process.exit(2));
  });
  const shutdown = gracefulShutdown(server, {
    logger,
    onClosed: () => {
      stopWarming();
      return options.onClosed();
    },
  });
  const stop = (): void => void shutdown().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    server,
    warmNow: () => {
      if (self) void warmUp(self).then(report);
    },
  };
}

import type { Server } from 'node:http';
import type { Logger } from 'pino';

export interface ShutdownOptions {
  /** How long in-flight requests may take to finish before their connections are cut. */
  graceMs?: number;
  /** Runs once the server has stopped (closing the Neo4j driver, for instance). */
  onClosed?: () => Promise<void>;
  logger?: Logger;
}

/**
 * Stops taking connections, lets in-flight requests finish (idle keep-alive connections are
 * closed at once), cuts what is left after the grace period, then runs onClosed. Safe to call twice.
 */
export function gracefulShutdown(server: Server, options: ShutdownOptions = {}): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => {
    closing ??= (async () => {
      options.logger?.info('Shutting down: finishing requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => {
        options.logger?.warn('Grace period over: closing the remaining connections');
        server.closeAllConnections();
      }, options.graceMs ?? 10_000);
      force.unref();
      await closed;
      clearTimeout(force);
      await options.onClosed?.();
      options.logger?.info('Stopped');
    })();
    return closing;
  };
}

import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { formatWindow, isWindowSet, type TimeWindow } from '../../model/index.js';
import { QueryCancelledError, QueryTimeoutError } from '../errors.js';
import { translateNeo4jError } from './neo4j-errors.js';
import { VersionedCache } from './versioned-cache.js';

export interface GraphReaderOptions {
  database: string;
  /** Server-side transaction timeout of every read. */
  timeoutMs: number;
  /** How long a read may wait before the reader checks whether Neo4j still answers at all. */
  probeAfterMs?: number;
}

export interface ReadOptions {
  timeoutMs?: number;
  /** The Cypher is the user's: its client errors are theirs, and it is never run twice. */
  userQuery?: boolean;
  /** Ends the read (its session, so Neo4j ends the transaction) when aborted. */
  signal?: AbortSignal;
}

const PROBE_INTERVAL_MS = 1_000;
/** An answer from Neo4j this recent stands for a probe: under load, probes stay rare. */
const FRESH_ANSWER_MS = 500;
/** Beyond the server-side timeout, how long to wait for Neo4j to report it before giving up. */
const DEADLINE_SLACK_MS = 5_000;

/** Windowed answers kept at most (the largest, a 2,000-link themes map, is about 0.5 MB). */
export const WINDOWED_ENTRIES = 32;

/** Carries a retryable error out of the driver's retry loop when a retry must not happen. */
class NoRetry extends Error {
  override name = 'NoRetry';
}

/**
 * One session per read, in a READ transaction with a timeout. The driver retries a read for up to
 * 30 s when Neo4j is unreachable; a request must not hang that long, so while a read is pending
 * the reader probes the server and answers 503 as soon as the probe fails.
 */
export class GraphReader {
  readonly database: string;
  readonly timeoutMs: number;
  private readonly probeAfterMs: number;
  private lastAnswerAt = 0;
  private probing: Promise<void> | null = null;
  private readonly cache = new VersionedCache();
  /** Answers for a time window: a window is any pair of days, so these get their own, smaller bound. */
  private readonly windowedCache = new VersionedCache(WINDOWED_ENTRIES);

  constructor(
    private readonly driver: Driver,
    options: GraphReaderOptions,
  ) {
    this.database = options.database;
    this.timeoutMs = options.timeoutMs;
    this.probeAfterMs = options.probeAfterMs ?? 300;
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const guarded = async (tx: ManagedTransaction): Promise<T> => {
      try {
        return await work(tx);
      } catch (error) {
        // A user's query that failed once (even transiently, e.g. out of memory) is not run again.
        if (options.userQuery && neo4j.isRetryableError(error)) {
          throw new NoRetry('not retried', { cause: error });
        }
        throw error;
      }
    };
    return this.withSession(
      (session) => session.executeRead(guarded, { timeout: timeoutMs }),
      timeoutMs,
      options,
    );
  }

  /**
   * The version of the database: the bookmark of a trivial read, which moves with every committed
   * write (an ingest, a watched file, the group recomputation). '' from a server that gives none.
   */
  async version(): Promise<string> {
    return this.withSession(
      async (session) => {
        await session.executeRead((tx) => tx.run('RETURN 1'));
        return session.lastBookmarks().join(',');
      },
      this.timeoutMs,
      {},
    );
  }

  /**
   * The answer of a whole-graph aggregation, computed once per database version (`version` when
   * the caller has just read it). An answer for a time window is kept under the window too, in a
   * cache of its own.
   */
  async cached<T>(
    key: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    options: { window?: TimeWindow; version?: string } = {},
  ): Promise<T> {
    const at = options.version ?? (await this.version());
    // No bookmark (a server that gives none) means no way to tell versions apart: no caching.
    if (at === '') return this.read(work);
    const windowed = isWindowSet(options.window);
    const cache = windowed ? this.windowedCache : this.cache;
    return cache.get(windowed ? `${key} window=${formatWindow(options.window)}` : key, at, () =>
      this.read(work),
    );
  }

  private async withSession<T>(
    use: (session: Session) => Promise<T>,
    timeoutMs: number,
    options: ReadOptions,
  ): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const watch = this.watch(timeoutMs);
    const cancelled = whenAborted(options.signal, () => session.close());
    let failed = false;
    try {
      const result = await Promise.race([use(session), watch.failure, cancelled.failure]);
      this.lastAnswerAt = performance.now();
      return result;
    } catch (error) {
      failed = true;
      const cause = error instanceof NoRetry ? error.cause : error;
      throw translateNeo4jError(cause, { userQuery: options.userQuery, timeoutMs });
    } finally {
      watch.stop();
      cancelled.stop();
      // Closing cancels pending retries; after a failure, do not wait for a server that may not answer.
      const closing = session.close().catch(() => {});
      if (!failed) await closing;
    }
  }

  /** The server's version, straight from the handshake (no retries): the health check. */
  async serverVersion(): Promise<string> {
    try {
      const info = await this.driver.getServerInfo({ database: this.database });
      return (info.agent ?? 'Neo4j/unknown').replace(/^Neo4j\//, '');
    } catch (error) {
      throw translateNeo4jError(error);
    }
  }

  /** One probe at a time for all pending reads, none while Neo4j has just answered. */
  private checkAlive(): Promise<void> {
    if (performance.now() - this.lastAnswerAt < FRESH_ANSWER_MS) return Promise.resolve();
    this.probing ??= this.driver
      .verifyConnectivity({ database: this.database })
      .then(() => {
        this.lastAnswerAt = performance.now();
      })
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  /** Rejects when Neo4j stops answering, or when the read outlives its timeout by far. */
  private watch(timeoutMs: number): { failure: Promise<never>; stop(): void } {
    let stopped = false;
    let probeTimer: NodeJS.Timeout | undefined;
    let deadlineTimer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      const probe = async (): Promise<void> => {
        if (stopped) return;
        try {
          await this.checkAlive();
        } catch (error) {
          if (!stopped) reject(error);
          return;
        }
        if (!stopped) probeTimer = setTimeout(() => void probe(), PROBE_INTERVAL_MS);
      };
      probeTimer = setTimeout(() => void probe(), this.probeAfterMs);
      deadlineTimer = setTimeout(
        () =>
          reject(new QueryTimeoutError(`Neo4j did not answer within ${timeoutMs + DEADLINE_SLACK_MS} ms.`)),
        timeoutMs + DEADLINE_SLACK_MS,
      );
    });
    failure.catch(() => {});
    return {
      failure,
      stop: () => {
        stopped = true;
        clearTimeout(probeTimer);
        clearTimeout(deadlineTimer);
      },
    };
  }
}

/**
 * Rejects once `signal` aborts, after `end` (closing the session: the driver then resets the
 * connection, and Neo4j ends the transaction and the query running in it).
 */
function whenAborted(
  signal: AbortSignal | undefined,
  end: () => Promise<void>,
): { failure: Promise<never>; stop(): void } {
  if (!signal) return { failure: new Promise<never>(() => {}), stop: () => {} };
  let onAbort = (): void => {};
  const failure = new Promise<never>((_, reject) => {
    onAbort = () => {
      void end()
        .catch(() => {})
        .finally(() => reject(new QueryCancelledError('The request was cancelled; its query was ended.')));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  failure.catch(() => {});
  return { failure, stop: () => signal.removeEventListener('abort', onAbort) };
}

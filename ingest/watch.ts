import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Driver } from 'neo4j-driver';
import { Embedder } from '../embed/embedder.js';
import { findPaths, mergeSources, type FoundPath, type SourceFile } from './files.js';
import { ingestSources, type FileReport } from './pipeline.js';
import { errorLine } from './summary.js';

/**
 * Keeps the graph equal to folders (and files, and globs) while they change: chokidar reports
 * added, changed and deleted files (it covers what Node's recursive fs.watch misses on Linux:
 * new subfolders, renames, editors' atomic saves, and it waits until a file stops growing); the
 * watcher gathers them for a quiet moment, finds the PATHs' documents again (the same rules as
 * the ingest), and hands the batch to the same idempotent pipeline: changed files written,
 * unchanged ones skipped by hash, deleted ones removed as --prune would, concept groups recomputed
 * (by one embedder JVM kept for the watch, not one started per batch).
 *
 * A file that fails (often one caught half-written) is tried again after each of `retryDelaysMs`
 * and is reported as failed only when it still fails after the last; what the graph held for it
 * stays untouched meanwhile.
 */

export interface WatchBatch {
  created: number;
  updated: number;
  removed: number;
  /** Files that failed and will be tried again: not failures yet. */
  retrying: string[];
  /** Files that still failed after every retry, each with what is wrong. */
  failed: FileReport[];
  groupsRecomputed: boolean;
  durationMs: number;
}

export interface WatchOptions {
  database: string;
  cwd?: string;
  /** Quiet time after the last change before a batch runs. */
  debounceMs?: number;
  /** A batch runs at the latest this long after the first change it holds, even if changes go on. */
  maxWaitMs?: number;
  /** How long a file's size must stay the same before it counts as written. */
  settleMs?: number;
  retryDelaysMs?: readonly number[];
  /** After every batch that changed the graph or found a file that failed (to retry, or for good). */
  onBatch?: (batch: WatchBatch) => void;
  /** A PATH that cannot be read any more (its folder removed, say): the graph keeps its articles. */
  onProblem?: (message: string) => void;
}

export interface PathWatcher {
  /** Starts handing batches to the pipeline (changes seen before are kept for the first batch). */
  resume(): void;
  /** Resolves when no change is waiting and no batch is running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const DOCUMENT = /\.(md|txt)$/i;

/**
 * Starts watching `found` (from findPaths or pathsWithDigests), paused: the caller ingests first
 * and then calls resume(), so a change made during that first ingest is not lost.
 */
export async function watchPaths(
  driver: Driver,
  found: FoundPath[],
  options: WatchOptions,
): Promise<PathWatcher> {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 2_000;
  const retryDelaysMs = options.retryDelaysMs ?? [1_000, 2_000, 4_000];
  const given = found.map((entry) => entry.given);
  const namedFiles = new Set(
    found.filter((entry) => entry.kind === 'file').map((entry) => entry.sources[0]!.absolutePath),
  );
  const watched = found.map((entry) => (entry.kind === 'file' ? entry.sources[0]!.absolutePath : entry.root));
  const relevant = (file: string): boolean => DOCUMENT.test(file) || namedFiles.has(file);

  let known = new Map(mergeSources(found).map((source) => [source.absolutePath, source]));
  const pending = new Set<string>();
  const attempts = new Map<string, number>();
  const retryTimers = new Map<string, NodeJS.Timeout>();
  let paused = true;
  let closed = false;
  let busy = false;
  let timer: NodeJS.Timeout | undefined;
  let firstPendingAt = 0;
  let running: Promise<void> = Promise.resolve();
  let idleWaiters: (() => void)[] = [];
  // Started now, in the background, so the first change does not wait for a JVM before its write;
  // kept across batches, dropped when a batch fails (a dead JVM is then replaced at the next one).
  // When it cannot start (no Java), the pipeline groups by words and says why.
  const startEmbedder = (): Promise<Embedder | null> => Embedder.start().catch(() => null);
  let embedder: Promise<Embedder | null> | null = startEmbedder();
  const sharedEmbedder = async (): Promise<Embedder | undefined> =>
    (await (embedder ??= startEmbedder())) ?? undefined;
  const dropEmbedder = async (): Promise<void> => {
    const dropped = embedder;
    embedder = null;
    await (await dropped)?.close();
  };

  const watcher: FSWatcher = watch(watched, {
    ignoreInitial: true,
    followSymlinks: true,
    awaitWriteFinish: { stabilityThreshold: options.settleMs ?? 200, pollInterval: 50 },
    // Hidden files and folders are not documents (the ingest skips them too); what was named is kept.
    ignored: (file) => path.basename(file).startsWith('.') && !watched.includes(path.resolve(file)),
  });
  watcher.on('all', (event, file) => {
    const absolute = path.resolve(file);
    if ((event === 'add' || event === 'change' || event === 'unlink') && !relevant(absolute)) return;
    clearRetry(absolute);
    attempts.delete(absolute);
    enqueue(absolute);
  });
  watcher.on('error', (error) => options.onProblem?.(`watch: ${(error as Error).message}`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  function enqueue(file: string): void {
    if (closed) return;
    if (pending.size === 0) firstPendingAt = performance.now();
    pending.add(file);
    schedule();
  }

  function schedule(delayMs?: number): void {
    if (paused || closed || pending.size === 0) return;
    clearTimeout(timer);
    const wait = delayMs ?? Math.min(debounceMs, Math.max(0, firstPendingAt + maxWaitMs - performance.now()));
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(runBatch);
    }, wait);
  }

  function clearRetry(file: string): void {
    clearTimeout(retryTimers.get(file));
    retryTimers.delete(file);
  }

  async function runBatch(): Promise<void> {
    if (closed || pending.size === 0) return settle();
    const changed = new Set(pending);
    pending.clear();
    busy = true;
    try {
      await writeBatch(changed);
    } catch (error) {
      // Neo4j away, say: nothing of the batch is lost, it runs again a little later.
      options.onProblem?.(`watch: ${(error as Error).message}; trying again in 2 s`);
      await dropEmbedder();
      for (const file of changed) pending.add(file);
      firstPendingAt = performance.now();
      busy = false;
      schedule(2_000);
      return;
    }
    busy = false;
    settle();
  }

  async function writeBatch(changed: Set<string>): Promise<void> {
    const started = performance.now();
    let current: Map<string, SourceFile>;
    try {
      const sources = mergeSources(await findPaths(given, options.cwd ?? process.cwd()));
      current = new Map(sources.map((source) => [source.absolutePath, source]));
    } catch (error) {
      // A watched folder that vanished (or turned unreadable) may be back soon: keep the graph.
      options.onProblem?.(`watch: ${(error as Error).message}; the graph keeps its articles`);
      return;
    }
    const removed = [...known.values()].filter((source) => !current.has(source.absolutePath));
    const write = [...current.values()].filter(
      (source) => changed.has(source.absolutePath) || !known.has(source.absolutePath),
    );
    if (write.length === 0 && removed.length === 0) {
      known = current;
      return;
    }
    const report = await ingestSources(driver, write, {
      database: options.database,
      remove: removed,
      parseWorkers: 0,
      embedder: await sharedEmbedder(),
    });
    known = current;
    const batch: WatchBatch = {
      created: report.totals.created,
      updated: report.totals.updated,
      removed: report.totals.pruned,
      retrying: [],
      failed: [],
      groupsRecomputed: report.groups !== null,
      durationMs: Math.round(performance.now() - started),
    };
    for (const source of removed) attempts.delete(source.absolutePath);
    // The pipeline reports its sources in the order it was given them.
    report.files.forEach((file, index) => {
      const absolute = write[index]!.absolutePath;
      if (file.status !== 'failed') attempts.delete(absolute);
      else if (!retryLater(absolute)) batch.failed.push(file);
      else batch.retrying.push(file.file);
    });
    const news = batch.created + batch.updated + batch.removed + batch.failed.length + batch.retrying.length;
    if (news > 0) options.onBatch?.(batch);
  }

  /** Schedules another try of a failed file; false once its tries are used up (it failed for good). */
  function retryLater(file: string): boolean {
    const attempt = attempts.get(file) ?? 0;
    if (attempt >= retryDelaysMs.length) {
      attempts.delete(file);
      return false;
    }
    attempts.set(file, attempt + 1);
    clearRetry(file);
    retryTimers.set(
      file,
      setTimeout(() => {
        retryTimers.delete(file);
        enqueue(file);
      }, retryDelaysMs[attempt]),
    );
    return true;
  }

  function isIdle(): boolean {
    return !busy && pending.size === 0 && timer === undefined && retryTimers.size === 0;
  }

  function settle(): void {
    if (pending.size > 0) schedule();
    if (closed || isIdle()) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  return {
    resume: () => {
      paused = false;
      schedule();
    },
    idle: () =>
      new Promise<void>((resolve) => {
        if (closed || isIdle()) resolve();
        else idleWaiters.push(resolve);
      }),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      for (const retry of retryTimers.values()) clearTimeout(retry);
      retryTimers.clear();
      await watcher.close();
      await running;
      await dropEmbedder();
      settle();
    },
  };
}

/** One line per batch, one per file waited for, and one per file that failed for good. */
export function watchLines(batch: WatchBatch): string[] {
  const waiting = batch.retrying.map(
    (file) => `watch: waiting for ${file} to be written completely; trying again`,
  );
  if (batch.created + batch.updated + batch.removed + batch.failed.length === 0) return waiting;
  const parts = [
    batch.created > 0 ? `${batch.created} created` : '',
    batch.updated > 0 ? `${batch.updated} updated` : '',
    batch.removed > 0 ? `${batch.removed} removed` : '',
    batch.failed.length > 0 ? `${batch.failed.length} failed` : '',
  ].filter(Boolean);
  const lines = [
    `watch: ${parts.join(', ') || 'nothing changed'} in ${(batch.durationMs / 1000).toFixed(1)} s${batch.groupsRecomputed ? ', issue groups recomputed' : ''}`,
  ];
  return [...lines, ...waiting, ...batch.failed.map(errorLine)];
}

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { COUNT_KEYS, countFacts, type Diagnostic, type FactCounts, type Layout } from '../model/index.js';
import { Embedder } from '../embed/embedder.js';
import { recomputeConcepts, type ConceptsResult } from '../groups/index.js';
import { discoverFiles, type SourceFile } from './files.js';
import { ensureSchema } from './graph-schema.js';
import { createDocumentParser, defaultParseWorkers, type DocumentParser } from './document-parser.js';
import { MAX_DOCUMENT_BYTES } from './parse/index.js';
import { pruneArticles, removeFiles, resetGraph } from './prune.js';
import { cpuMs, peakRssMiB } from './process-usage.js';
import { EXISTING_HASHES } from './statements.js';
import { addStats, emptyStats, type WriteStats } from './write-stats.js';
import { setRoots, writeArticles, type RootedArticle } from './writer.js';

/**
 * files → bytes → content hash → (unchanged? skip) → parse → batched write. Parsing batch k+1 (in
 * worker threads) overlaps writing batch k; an unchanged file is never even parsed.
 */

export type FileStatus = 'created' | 'updated' | 'unchanged' | 'parsed' | 'failed';

export interface FileReport {
  file: string;
  id: string;
  title: string | null;
  layout: Layout | null;
  status: FileStatus;
  /** Facts found in the document; null when it was unchanged (not parsed) or failed. */
  counts: FactCounts | null;
  warnings: Diagnostic[];
  error: { line: number | null; code: string; message: string } | null;
}

export interface IngestTotals extends FactCounts {
  files: number;
  failed: number;
  created: number;
  updated: number;
  unchanged: number;
  pruned: number;
}

export interface IngestReport {
  files: FileReport[];
  totals: IngestTotals;
  stats: WriteStats;
  /** The concept-group recomputation that followed the write; null when nothing changed. */
  groups: ConceptsResult | null;
  /** Why the concept groups fell back to the lexical issue rule (no embedder), if they did. */
  conceptWarning?: string;
  /** The documents' part of the run (read, parse, write, prune): time, CPU (all threads) and peak memory. */
  documents: { durationMs: number; cpuMs: number; peakRssMiB: number };
  durationMs: number;
}

export interface IngestProgress {
  done: number;
  total: number;
  failed: number;
}

export interface IngestOptions {
  cwd?: string;
  database?: string;
  dryRun?: boolean;
  prune?: boolean;
  reset?: boolean;
  /** Articles per write transaction. */
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Recompute the concept groups after a write that changed anything (default true). */
  groups?: boolean;
  /** An embedder to use (and leave running); by default one is started for the recomputation and stopped. */
  embedder?: Embedder;
  /** Parse worker threads; 0 parses on the main thread. Default: by corpus size and cores. */
  parseWorkers?: number;
  /** Files deleted since they were ingested (a watched folder's): their articles go as --prune's do. */
  remove?: SourceFile[];
}

const DEFAULT_BATCH = 100;

export async function ingestPaths(
  driver: Driver | null,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const started = performance.now();
  const sources = await discoverFiles(paths, options.cwd ?? process.cwd());
  return ingestSources(driver, sources, options, started);
}

/** The files found already (by discoverFiles, or a watcher that knows their roots) into the graph. */
export async function ingestSources(
  driver: Driver | null,
  sources: SourceFile[],
  options: IngestOptions = {},
  started = performance.now(),
): Promise<IngestReport> {
  const database = options.database ?? 'neo4j';
  const dryRun = options.dryRun === true || driver === null;
  const reports: FileReport[] = [];
  const stats = emptyStats();

  if (!dryRun) {
    if (options.reset) await resetGraph(driver!, database);
    else await ensureSchema(driver!, database);
  }

  const parser = createDocumentParser(options.parseWorkers ?? defaultParseWorkers(sources.length));
  try {
    await writeSources(driver, database, dryRun, sources, parser, reports, stats, options);
  } finally {
    await parser.close();
  }

  let pruned = 0;
  if (!dryRun && options.prune) {
    const result = await pruneArticles(driver!, database, new Set(sources.map((source) => source.id)));
    addStats(stats, result.stats);
    pruned = result.pruned.length;
  }
  if (!dryRun && options.remove && options.remove.length > 0) {
    const result = await removeFiles(driver!, database, options.remove);
    addStats(stats, result.stats);
    pruned += result.removed.length;
  }
  const documents = {
    durationMs: Math.round(performance.now() - started),
    cpuMs: cpuMs(),
    peakRssMiB: peakRssMiB(),
  };
  const summed = totals(reports, pruned);
  const changed = summed.created + summed.updated + summed.pruned > 0;
  const concepts =
    !dryRun && options.groups !== false && changed
      ? await recomputeConceptLayer(driver!, database, options)
      : null;

  return {
    files: reports,
    totals: summed,
    stats,
    groups: concepts?.result ?? null,
    ...(concepts?.warning ? { conceptWarning: concepts.warning } : {}),
    documents,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * The embedder runs only for the recomputation. When it cannot start (no Java, no model), the
 * issues are grouped by the lexical rule and the run says why; nothing else fails.
 */
async function recomputeConceptLayer(
  driver: Driver,
  database: string,
  options: IngestOptions,
): Promise<{ result: ConceptsResult; warning?: string }> {
  let embedder = options.embedder ?? null;
  let warning: string | undefined;
  if (!embedder) {
    try {
      embedder = await Embedder.start();
    } catch (error) {
      warning = `concept groups by meaning skipped, issues grouped by words only: ${(error as Error).message}`;
    }
  }
  try {
    return {
      result: await recomputeConcepts(driver, { database, embedder }),
      ...(warning ? { warning } : {}),
    };
  } finally {
    if (embedder && embedder !== options.embedder) await embedder.close();
  }
}

/** The batched loop: load and hash a batch, parse what changed, write it while the next batch is read. */
async function writeSources(
  driver: Driver | null,
  database: string,
  dryRun: boolean,
  sources: SourceFile[],
  parser: DocumentParser,
  reports: FileReport[],
  stats: WriteStats,
  options: IngestOptions,
): Promise<void> {
  const seenIds = new Map<string, string>();
  let pendingWrite: Promise<void> = Promise.resolve();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const progress = (done: number): void =>
    options.onProgress?.({ done, total: sources.length, failed: countFailed(reports) });
  try {
    for (let start = 0; start < sources.length; start += batchSize) {
      const batch = sources.slice(start, start + batchSize);
      const loaded = await Promise.all(batch.map(loadFile));
      const known = dryRun ? new Map<string, Stored>() : await storedArticles(driver!, database, batch);
      const toParse: { item: LoadedDocument; report: FileReport; previousHash: string | null }[] = [];
      const moved: { id: string; root: string }[] = [];

      for (const item of loaded) {
        const report = reportFor(item.source);
        reports.push(report);
        const clash = seenIds.get(item.source.id);
        if (clash) {
          fail(report, {
            code: 'duplicate-id',
            message: `same article id "${item.source.id}" as ${clash}; rename one of the files`,
          });
          continue;
        }
        seenIds.set(item.source.id, item.source.file);
        if ('error' in item) {
          fail(report, item.error);
          continue;
        }
        const stored = known.get(item.source.id);
        const previousHash = stored?.hash ?? null;
        if (previousHash !== item.hash) toParse.push({ item, report, previousHash });
        else {
          report.status = 'unchanged';
          if (stored?.root !== item.source.root) moved.push({ id: item.source.id, root: item.source.root });
        }
      }
      if (!dryRun) await setRoots(driver!, database, moved);

      const parsed = await Promise.all(
        toParse.map(({ item }) =>
          parser.parse({ file: item.source.file, id: item.source.id, bytes: item.bytes }),
        ),
      );
      const toWrite: { article: RootedArticle; report: FileReport }[] = [];
      toParse.forEach(({ item, report, previousHash }, index) => {
        const result = parsed[index]!;
        report.warnings = result.warnings;
        report.layout = result.layout;
        if (!result.article) {
          fail(report, result.error ?? { code: 'unreadable', message: 'could not be read as an article' });
          return;
        }
        report.title = result.article.title;
        report.counts = countFacts(result.article);
        report.status = dryRun ? 'parsed' : previousHash ? 'updated' : 'created';
        toWrite.push({ article: { article: result.article, root: item.source.root }, report });
      });

      await pendingWrite;
      progress(reports.length - toWrite.length);
      if (!dryRun && toWrite.length > 0) {
        pendingWrite = writeBatch(driver!, database, toWrite, stats).then(() => progress(reports.length));
      }
    }
  } finally {
    // Never leave a write running behind an error: the caller closes the driver next.
    await pendingWrite.catch(() => {});
  }
  await pendingWrite;
  progress(reports.length);
}

interface LoadedDocument {
  source: SourceFile;
  bytes: Uint8Array;
  hash: string;
}

type LoadedFile = LoadedDocument | { source: SourceFile; error: { code: string; message: string } };

async function loadFile(source: SourceFile): Promise<LoadedFile> {
  try {
    const { size } = await fs.stat(source.absolutePath);
    if (size > MAX_DOCUMENT_BYTES) {
      return {
        source,
        error: {
          code: 'too-large',
          message: `${source.file}: ${(size / 1024 / 1024).toFixed(1)} MB is over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB limit for one document`,
        },
      };
    }
    const bytes = await fs.readFile(source.absolutePath);
    return { source, bytes, hash: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    return { source, error: { code: 'unreadable', message: `${source.file}: ${(error as Error).message}` } };
  }
}

interface Stored {
  hash: string | null;
  root: string | null;
}

async function storedArticles(
  driver: Driver,
  database: string,
  batch: SourceFile[],
): Promise<Map<string, Stored>> {
  const { records } = await driver.executeQuery(
    EXISTING_HASHES,
    { ids: batch.map((source) => source.id) },
    { database, routing: 'READ' },
  );
  return new Map(
    records.map((record) => [
      record.get('id') as string,
      { hash: record.get('hash') as string | null, root: record.get('root') as string | null },
    ]),
  );
}

/** One transaction for the batch; if it fails, each article alone, so one bad article fails alone. */
async function writeBatch(
  driver: Driver,
  database: string,
  items: { article: RootedArticle; report: FileReport }[],
  stats: WriteStats,
): Promise<void> {
  try {
    addStats(
      stats,
      await writeArticles(
        driver,
        database,
        items.map((item) => item.article),
      ),
    );
    return;
  } catch {
    // fall through: find the article that cannot be written
  }
  for (const item of items) {
    try {
      addStats(stats, await writeArticles(driver, database, [item.article]));
    } catch (error) {
      fail(item.report, {
        code: 'write-failed',
        message: `${item.report.file}: Neo4j refused the write: ${(error as Error).message}`,
      });
    }
  }
}

function reportFor(source: SourceFile): FileReport {
  return {
    file: source.file,
    id: source.id,
    title: null,
    layout: null,
    status: 'failed',
    counts: null,
    warnings: [],
    error: null,
  };
}

function fail(report: FileReport, error: { code: string; message: string; line?: number }): void {
  report.status = 'failed';
  report.counts = null;
  report.error = { line: error.line ?? null, code: error.code, message: error.message };
}

function countFailed(reports: FileReport[]): number {
  return reports.filter((report) => report.status === 'failed').length;
}

function totals(reports: FileReport[], pruned: number): IngestTotals {
  const sums = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as FactCounts;
  for (const report of reports) {
    if (report.counts) for (const key of COUNT_KEYS) sums[key] += report.counts[key];
  }
  const count = (status: FileStatus): number => reports.filter((report) => report.status === status).length;
  return {
    ...sums,
    files: reports.length,
    failed: count('failed'),
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    pruned,
  };
}

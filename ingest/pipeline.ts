import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import {
  COUNT_KEYS,
  countFacts,
  type ArticleRecord,
  type Diagnostic,
  type FactCounts,
  type Layout,
} from '../model/index.js';
import { recomputeIssueGroups, type RecomputeResult } from '../groups/index.js';
import { discoverFiles, type SourceFile } from './files.js';
import { ensureSchema } from './graph-schema.js';
import { MAX_DOCUMENT_BYTES, parseDocument } from './parse/index.js';
import { pruneArticles, resetGraph } from './prune.js';
import { EXISTING_HASHES } from './statements.js';
import { addStats, emptyStats, type WriteStats } from './write-stats.js';
import { writeArticles } from './writer.js';

/**
 * files → bytes → content hash → (unchanged? skip) → parse → batched write. Parsing batch k+1
 * overlaps writing batch k; an unchanged file is never even parsed.
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
  /** The issue-group recomputation that followed the write; null when nothing changed. */
  groups: RecomputeResult | null;
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
  /** Recompute the issue groups after a write that changed anything (default true). */
  groups?: boolean;
}

const DEFAULT_BATCH = 100;

export async function ingestPaths(
  driver: Driver | null,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const started = performance.now();
  const database = options.database ?? 'neo4j';
  const dryRun = options.dryRun === true || driver === null;
  const sources = await discoverFiles(paths, options.cwd ?? process.cwd());
  const reports: FileReport[] = [];
  const stats = emptyStats();

  if (!dryRun) {
    if (options.reset) await resetGraph(driver!, database);
    else await ensureSchema(driver!, database);
  }

  const seenIds = new Map<string, string>();
  let pendingWrite: Promise<void> = Promise.resolve();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  for (let start = 0; start < sources.length; start += batchSize) {
    const batch = sources.slice(start, start + batchSize);
    const loaded = await Promise.all(batch.map(loadFile));
    const known = dryRun ? new Map<string, string | null>() : await existingHashes(driver!, database, batch);
    const toWrite: { article: ArticleRecord; report: FileReport }[] = [];

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
      const previousHash = known.get(item.source.id);
      if (previousHash === item.hash) {
        report.status = 'unchanged';
        continue;
      }
      const parsed = parseDocument({ file: item.source.file, id: item.source.id, bytes: item.bytes });
      report.warnings = parsed.warnings;
      report.layout = parsed.layout;
      if (!parsed.article) {
        fail(report, parsed.error ?? { code: 'unreadable', message: 'could not be read as an article' });
        continue;
      }
      report.title = parsed.article.title;
      report.counts = countFacts(parsed.article);
      report.status = dryRun ? 'parsed' : previousHash ? 'updated' : 'created';
      toWrite.push({ article: parsed.article, report });
    }

    await pendingWrite;
    options.onProgress?.({
      done: reports.length - toWrite.length,
      total: sources.length,
      failed: countFailed(reports),
    });
    if (!dryRun && toWrite.length > 0) {
      pendingWrite = writeBatch(driver!, database, toWrite, stats).then(() =>
        options.onProgress?.({ done: reports.length, total: sources.length, failed: countFailed(reports) }),
      );
    }
  }
  await pendingWrite;
  options.onProgress?.({ done: reports.length, total: sources.length, failed: countFailed(reports) });

  let pruned = 0;
  if (!dryRun && options.prune) {
    const result = await pruneArticles(driver!, database, new Set(sources.map((source) => source.id)));
    addStats(stats, result.stats);
    pruned = result.pruned.length;
  }
  const summed = totals(reports, pruned);
  const changed = summed.created + summed.updated + summed.pruned > 0;
  const groups =
    !dryRun && options.groups !== false && changed ? await recomputeIssueGroups(driver!, { database }) : null;

  return {
    files: reports,
    totals: summed,
    stats,
    groups,
    durationMs: Math.round(performance.now() - started),
  };
}

type LoadedFile =
  | { source: SourceFile; bytes: Uint8Array; hash: string }
  | { source: SourceFile; error: { code: string; message: string } };

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

async function existingHashes(
  driver: Driver,
  database: string,
  batch: SourceFile[],
): Promise<Map<string, string | null>> {
  const { records } = await driver.executeQuery(
    EXISTING_HASHES,
    { ids: batch.map((source) => source.id) },
    { database, routing: 'READ' },
  );
  return new Map(
    records.map((record) => [record.get('id') as string, (record.get('hash') as string | null) ?? null]),
  );
}

/** One transaction for the batch; if it fails, each article alone, so one bad article fails alone. */
async function writeBatch(
  driver: Driver,
  database: string,
  items: { article: ArticleRecord; report: FileReport }[],
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

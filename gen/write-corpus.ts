import fs from 'node:fs';
import path from 'node:path';
import type { CorpusGenerator, GeneratedDocument } from './generator.js';

export interface WriteOptions {
  out: string;
  /** Files being written at once: the only documents held in memory besides the current one. */
  concurrency?: number;
  /** Called with every document before it is written (statistics, checks). */
  onDocument?: (doc: GeneratedDocument) => void;
  /** Called about once a second. */
  onProgress?: (progress: WriteProgress) => void;
}

export interface WriteProgress {
  docs: number;
  total: number;
  bytes: number;
  seconds: number;
}

export interface WriteSummary extends WriteProgress {
  /** Peak resident set size of the process so far, in bytes. */
  peakRss: number;
}

/**
 * Generates and writes documents one at a time into `out/<first two hex>/<id>.md`, never more than
 * `concurrency` writes in flight, so memory stays flat however many documents are asked for.
 */
export async function writeCorpus(
  generator: CorpusGenerator,
  total: number,
  options: WriteOptions,
): Promise<WriteSummary> {
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const started = performance.now();
  const shards = new Set<string>();
  let bytes = 0;
  let written = 0;
  let nextReport = started + 1000;
  // Callback writes cost the main thread far less than fs.promises (no FileHandle, no promise per
  // step); a counter and one waiting resolver give the backpressure.
  let inflight = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const settled = (error: NodeJS.ErrnoException | null): void => {
    inflight--;
    if (error) failure ??= { error };
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const slot = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  await fs.promises.mkdir(options.out, { recursive: true });
  try {
    for (let index = 0; index < total; index++) {
      const doc = generator.document(index);
      written++;
      options.onDocument?.(doc);
      const shard = doc.file.slice(0, doc.file.indexOf('/'));
      if (!shards.has(shard)) {
        await fs.promises.mkdir(path.join(options.out, shard), { recursive: true });
        shards.add(shard);
      }
      const data = Buffer.from(doc.text, 'utf8');
      bytes += data.length;
      inflight++;
      fs.writeFile(path.join(options.out, doc.file), data, settled);
      if (inflight >= concurrency) await slot();
      if (failure) throw failure.error;
      const now = performance.now();
      if (options.onProgress && now >= nextReport) {
        nextReport = now + 1000;
        options.onProgress({ docs: written, total, bytes, seconds: (now - started) / 1000 });
      }
    }
  } finally {
    while (inflight > 0) await slot();
  }
  if (failure) throw failure.error;
  return {
    docs: written,
    total,
    bytes,
    seconds: (performance.now() - started) / 1000,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
}

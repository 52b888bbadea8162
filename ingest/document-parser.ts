import os from 'node:os';
import { Piscina } from 'piscina';
import { parseDocument, type ParseInput, type ParseResult } from './parse/index.js';

/**
 * Parses documents off the main thread. Parsing is the ingest's CPU-bound step; run on the main
 * thread it would also stall the Neo4j driver (a write in flight cannot read its answers while a
 * batch is being parsed), so the writes and the parsing would take turns instead of overlapping.
 * With `workers: 0` it parses inline: for small runs a worker's start-up (~0.5 s) costs more.
 */
export interface DocumentParser {
  parse(input: ParseInput): Promise<ParseResult>;
  close(): Promise<void>;
}

/** Below this many documents to parse, inline parsing finishes before a worker would have started. */
const WORKERS_FROM_DOCUMENTS = 200;

/**
 * One worker per core (up to 4), none left aside for Neo4j: parsing a batch costs several times the
 * CPU Neo4j needs to write it, and the writes come in bursts the scheduler fits in. Measured on 2
 * cores with one worker, Neo4j sat mostly idle while the worker ran at 100%.
 */
export function defaultParseWorkers(documents: number): number {
  if (documents < WORKERS_FROM_DOCUMENTS) return 0;
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * Young generation of each parse worker: 32 MB semi-spaces (V8's young generation is three of them)
 * instead of Node's 16. A parse allocates many short-lived objects (tokens, nodes); on 200 generated
 * documents this halved the scavenges (38 → 18) and cut the GC share from ~15% to ~9%; 64 MB saved
 * little more (9 scavenges, ~8%) for twice the memory per worker. BENCHMARKS.md, "Parse".
 */
const PARSE_WORKER_YOUNG_GENERATION_MB = 3 * 32;

export function createDocumentParser(workers: number): DocumentParser {
  if (workers <= 0) {
    return { parse: async (input) => parseDocument(input), close: async () => {} };
  }
  // Started on the first document to parse: a re-ingest of unchanged files never needs them.
  let pool: Piscina<ParseInput, ParseResult> | null = null;
  const startPool = (): Piscina<ParseInput, ParseResult> =>
    new Piscina({
      filename: new URL('./parse-worker.mjs', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      resourceLimits: { maxYoungGenerationSizeMb: PARSE_WORKER_YOUNG_GENERATION_MB },
    });
  return {
    parse: (input) => (pool ??= startPool()).run(input),
    close: async () => {
      await pool?.destroy();
    },
  };
}

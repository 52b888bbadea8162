import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { envForTarget, PROJECT_ROOT, TSX_BIN, type Neo4jTarget } from '../db/index.js';

export interface CliIngestRun {
  files: number;
  failed: number;
  durationMs: number;
  peakRssMiB: number;
  /** Of durationMs, the issue-group recomputation that followed the writes (0 when none ran). */
  groupsMs: number;
  /** Peak memory before the issue grouping: the documents' part alone. */
  documentsPeakRssMiB: number;
  /** CPU time of the ingest process, all threads (parse workers included). */
  cpuMs: number;
  /** CPU time Neo4j spent meanwhile (local Neo4j only). */
  neo4jCpuMs: number | null;
  graph: Record<string, number>;
}

/**
 * The environment of an ingest or server on a machine without Java: an empty JAVA_HOME, so no
 * embedder starts and the concept grouping falls back as it would there. Only for the processes
 * it is given to: the bench's local Neo4j was started with the real Java before.
 */
export function withoutEmbedderEnv(): NodeJS.ProcessEnv {
  return { JAVA_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'no-java-')) };
}

/**
 * Runs the real `ingest` CLI as its own process, so its peak memory is the ingest's alone; `env`
 * adds to its environment.
 */
export function runCliIngest(
  target: Neo4jTarget,
  args: string[],
  neo4jCpuMs: () => number | null = () => null,
  env: NodeJS.ProcessEnv = {},
): Promise<CliIngestRun> {
  const neo4jCpuBefore = neo4jCpuMs();
  const child = spawn(TSX_BIN, [path.join(PROJECT_ROOT, 'ingest', 'cli.ts'), '--json', ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ...envForTarget(target),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0 && code !== 1)
        return reject(new Error(`ingest ${args.join(' ')} failed (exit ${code})`));
      const report = JSON.parse(Buffer.concat(stdout).toString('utf8')) as {
        totals: { files: number; failed: number };
        durationMs: number;
        peakRssMiB: number;
        graph: Record<string, number>;
        groups: { durationMs: number } | null;
        documents: { peakRssMiB: number };
        cpuMs: number;
      };
      resolve({
        files: report.totals.files,
        failed: report.totals.failed,
        durationMs: report.durationMs,
        peakRssMiB: report.peakRssMiB,
        groupsMs: report.groups?.durationMs ?? 0,
        documentsPeakRssMiB: report.documents.peakRssMiB,
        cpuMs: report.cpuMs,
        neo4jCpuMs: neo4jCpuBefore === null ? null : neo4jCpuMs()! - neo4jCpuBefore,
        graph: report.graph,
      });
    });
  });
}

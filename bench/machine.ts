import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/index.js';

export { peakRssMiB } from '../ingest/process-usage.js';

/** What the figures were measured on, written beside them. */
export function machineInfo(neo4jVersion?: string): Record<string, string | number> {
  // `java -version` writes to stderr, and exits 0.
  const version = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const java = `${version.stderr ?? ''}${version.stdout ?? ''}`.split('\n')[0]?.trim() || 'unknown';
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    java,
    neo4j: neo4jVersion ?? 'n/a',
  };
}

export function writeResult(name: string, result: unknown): string {
  const dir = path.join(PROJECT_ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return '';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
  return [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((c) => String(r[c] ?? '')))),
  ].join('\n');
}

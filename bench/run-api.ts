import { spawn } from 'node:child_process';
import path from 'node:path';
import { envForTarget, PROJECT_ROOT, TSX_BIN, type Neo4jTarget } from '../db/index.js';

/**
 * Runs `bench/api.ts` as its own process against `target` (the graph an ingest benchmark has just
 * built) and returns its printed table and the JSON file it wrote.
 */
export function runApiBench(
  target: Neo4jTarget,
  durationS: number,
): Promise<{ table: string; file: string | null }> {
  const child = spawn(
    TSX_BIN,
    [path.join(PROJECT_ROOT, 'bench', 'api.ts'), '--duration', String(durationS)],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        ...envForTarget(target),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stdout: Buffer[] = [];
  let file: string | null = null;
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    process.stderr.write(text);
    const written = /^Written (\S+)$/m.exec(text);
    if (written) file = written[1]!;
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench/api.ts failed (exit ${code})`));
      resolve({ table: Buffer.concat(stdout).toString('utf8'), file });
    });
  });
}

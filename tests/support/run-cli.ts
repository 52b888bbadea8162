import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { envForTarget, PROJECT_ROOT, TSX_BIN } from '../../db/index.js';
import { testTarget } from './neo4j.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `npm run ingest -- …` as a real process against the test database. */
export function spawnIngest(args: string[]): ChildProcess {
  const target = testTarget();
  return spawn(TSX_BIN, [path.join(PROJECT_ROOT, 'ingest', 'cli.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...envForTarget(target) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runIngest(args: string[]): Promise<CliResult> {
  const child = spawnIngest(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

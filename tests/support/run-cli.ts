import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { envForTarget, PROJECT_ROOT } from '../../db/index.js';
import { testTarget } from './neo4j.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `npm run ingest -- …` as a real process against the test database. */
export function spawnIngest(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const target = testTarget();
  // node with tsx as a loader, not the tsx CLI: that one runs the script in a child node process,
  // so a SIGKILL (which it cannot forward) would kill tsx and leave the ingest running on.
  return spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'ingest', 'cli.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...envForTarget(target), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runIngest(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawnIngest(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

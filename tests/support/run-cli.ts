import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../db/index.js';
import { testTarget } from './neo4j.js';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `npm run ingest -- …` as a real process against the test database. */
export function spawnIngest(args: string[]): ChildProcess {
  const target = testTarget();
  return spawn(TSX, [path.join(PROJECT_ROOT, 'ingest', 'cli.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      NEO4J_DATABASE: target.database,
    },
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

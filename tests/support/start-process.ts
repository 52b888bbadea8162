import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../db/index.js';
import { follow, interrupt, runScript, spawnScript, type CliResult, type SpawnOptions } from './run-cli.js';

const START = path.join('scripts', 'start.ts');

/** `npm start -- …` as a real process against the test Neo4j, on a free port. */
export interface StartedProduct {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  waitFor(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
  /** Ctrl-C; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startProduct(args: string[]): Promise<StartedProduct> {
  const port = await freePort();
  const child = spawnScript(START, args, {
    env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  const followed = follow(child);
  try {
    await followed.waitFor(/Horizon Graph is running/, { timeoutMs: 300_000 });
  } catch (error) {
    await interrupt(child);
    throw error;
  }
  return { child, url: `http://127.0.0.1:${port}`, ...followed, stop: () => interrupt(child) };
}

/** `npm start -- …` that is expected to end by itself (a refusal, an error). */
export function runStart(args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  return runScript(START, args, { ...options, env: { PORT: '0', HOST: '127.0.0.1', ...options.env } });
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { envForTarget, PROJECT_ROOT } from '../../db/index.js';
import { testTarget } from './neo4j.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as another user (a test of permissions run by root, who may read anything). */
  uid?: number;
  gid?: number;
}

/**
 * Root reads and writes any folder, so a permission test run as root runs its process as `nobody`;
 * it can only when `nobody` reaches the project (else the test skips, saying why).
 */
export const UNPRIVILEGED: SpawnOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
export const UNPRIVILEGED_REACHES_PROJECT =
  spawnSync(
    process.execPath,
    [
      '-e',
      `require('fs').accessSync(${JSON.stringify(path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'package.json'))})`,
    ],
    UNPRIVILEGED,
  ).status === 0;
export const UNPRIVILEGED_SKIP_LINE = `skipped: the permission test runs as nobody, who cannot read ${PROJECT_ROOT}`;

/** Starts a script of the project (`ingest/cli.ts`, `scripts/start.ts`) as a real process against the test database. */
export function spawnScript(script: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const target = testTarget();
  // node with tsx as a loader, not the tsx CLI: that one runs the script in a child node process,
  // so a SIGKILL (which it cannot forward) would kill tsx and leave the script running on.
  return spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { ...process.env, ...envForTarget(target), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
}

/** Runs a script to its end. */
export function runScript(script: string, args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  return collect(spawnScript(script, args, options));
}

/** Starts `npm run ingest -- …` as a real process against the test database. */
export function spawnIngest(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawnScript(path.join('ingest', 'cli.ts'), args, options);
}

export function runIngest(args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  return collect(spawnIngest(args, options));
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * A running process's output (stdout and stderr) so far, and a wait for text matching `pattern`
 * in it, from offset `from` (e.g. output().length taken before the action awaited).
 */
export function follow(child: ChildProcess): {
  output(): string;
  waitFor(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
} {
  let output = '';
  const waiters: { pattern: RegExp; from: number; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(output.slice(waiter.from));
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match[0]);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return {
    output: () => output,
    waitFor: (pattern, { from = 0, timeoutMs = 120_000 } = {}) =>
      new Promise((resolve, reject) => {
        const match = pattern.exec(output.slice(from));
        if (match) return resolve(match[0]);
        const timer = setTimeout(
          () => reject(new Error(`no output matching ${pattern} in ${timeoutMs} ms; so far:\n${output}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          from,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`exited (${code}) before printing ${pattern}:\n${output}`));
        });
      }),
  };
}

/** Sends SIGINT (Ctrl-C) and waits for the exit code. */
export async function interrupt(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/index.js';

/** The server's memory at one moment, after a full garbage collection (bench/memory-probe.ts). */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  afterGc: boolean;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  memory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

/**
 * `server/main.ts` in its own process on 127.0.0.1:`port`, as in production, with the memory probe
 * loaded; resolves once /api/health answers. The Neo4j it uses comes from `env` (or this process's).
 */
export async function startServer(port: number, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      '--import',
      path.join(PROJECT_ROOT, 'bench', 'memory-probe.ts'),
      path.join(PROJECT_ROOT, 'server', 'main.ts'),
    ],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    url,
    memory: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the server did not answer its memory')), 30_000);
        child.once('message', (sample) => {
          clearTimeout(timer);
          resolve(sample as MemorySample);
        });
        child.send('memory');
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode})`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error('the server did not become healthy within 120 s');
}

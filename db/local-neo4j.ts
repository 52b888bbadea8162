import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT, type LocalNeo4jSettings, type Neo4jTarget } from './config.js';
import { JavaMissingError, LocalNeo4jError } from './errors.js';
import { MavenModule } from './maven-module.js';

/**
 * The project's own Neo4j: Neo4j Community from Maven Central, run embedded by a small Java
 * launcher (db/local) with Bolt on 127.0.0.1. Maven runs once to resolve Neo4j and write the
 * classpath; every later start runs `java` directly and needs no network.
 */

const MODULE = new MavenModule(path.join(PROJECT_ROOT, 'db', 'local'));
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

export interface LocalNeo4j {
  target: Neo4jTarget;
  /** Another process started it and keeps it running; stop() leaves it alone. */
  reused: boolean;
  pid: number;
  startMs: number;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

interface ServerRecord {
  pid: number;
  port: number;
}

export async function startLocalNeo4j(
  settings: LocalNeo4jSettings,
  log: Log = () => {},
): Promise<LocalNeo4j> {
  const started = performance.now();
  prepareDataFolder(settings.dataDir);
  const password = settings.password ?? readOrCreatePassword(settings.dataDir);
  const target: Neo4jTarget = {
    uri: `bolt://127.0.0.1:${settings.port}`,
    user: 'neo4j',
    password,
    database: 'neo4j',
  };

  const running = readServerRecord(settings.dataDir);
  if (
    running &&
    isAlive(running.pid) &&
    running.port === settings.port &&
    (await portAnswers(running.port))
  ) {
    log(`Local Neo4j already running (pid ${running.pid}) on ${target.uri}; reusing it.`);
    return { target, reused: true, pid: running.pid, startMs: 0, stop: async () => {} };
  }
  if (await portAnswers(settings.port)) {
    throw new LocalNeo4jError(
      `Port ${settings.port} is taken by another program: stop it, or choose a free port with NEO4J_LOCAL_PORT.`,
    );
  }

  checkJava(settings.javaCommand);
  ensureBuilt(log);
  const child = spawnNeo4j(settings, password);
  await waitUntilReady(child, settings.dataDir);
  writeServerRecord(settings.dataDir, { pid: child.pid!, port: settings.port });
  const startMs = Math.round(performance.now() - started);
  log(`Local Neo4j ready on ${target.uri} in ${(startMs / 1000).toFixed(1)} s (data: ${settings.dataDir}).`);

  return {
    target,
    reused: false,
    pid: child.pid!,
    startMs,
    stop: () => stopChild(child, settings.dataDir),
  };
}

/** Stops a local Neo4j recorded in the data folder (started by any process). */
export async function stopRecordedNeo4j(dataDir: string): Promise<boolean> {
  const running = readServerRecord(dataDir);
  if (!running || !isAlive(running.pid)) return false;
  process.kill(running.pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(running.pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(running.pid)) process.kill(running.pid, 'SIGKILL');
  fs.rmSync(path.join(dataDir, 'server.json'), { force: true });
  return true;
}

/** The data folder exists and takes a write, or a LocalNeo4jError says why not and what to do. */
function prepareDataFolder(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (error) {
    throw dataFolderError(error, dataDir);
  }
}

/** A failed write to the data folder in words: unwritable, read-only or full, and what to do. */
export function dataFolderError(error: unknown, dataDir: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const other = 'choose another folder with NEO4J_LOCAL_DIR';
  const why: Record<string, string> = {
    EACCES: `cannot be written by this user (permission denied): make it writable, or ${other}`,
    EPERM: `cannot be written by this user (not permitted): make it writable, or ${other}`,
    EROFS: `is on a read-only file system: ${other}`,
    ENOSPC: `is on a full disk (no space left): free some space, or ${other}`,
    EDQUOT: `is over its disk quota: free some space, or ${other}`,
  };
  return code && why[code]
    ? new LocalNeo4jError(`The Neo4j data folder ${dataDir} ${why[code]}.`, { cause: error })
    : (error as Error);
}

export function passwordFile(dataDir: string): string {
  return path.join(dataDir, 'password');
}

function readOrCreatePassword(dataDir: string): string {
  const file = passwordFile(dataDir);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function checkJava(javaCommand: string): void {
  const probe = spawnSync(javaCommand, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new JavaMissingError(
      `Java 17 is needed to run the local Neo4j but "${javaCommand}" was not found: install it (apt-get install openjdk-17-jre-headless) or set NEO4J_URI to a running Neo4j.`,
    );
  }
}

/** Resolves Neo4j through Maven and compiles the launcher; a no-op once done. */
export function ensureBuilt(log: Log = () => {}): void {
  if (MODULE.isBuilt()) return;
  log('First start: resolving Neo4j Community through Maven (downloads once, about 150 MB)…');
  const failure = MODULE.build(log);
  if (failure) {
    throw new LocalNeo4jError(
      `Maven could not resolve Neo4j (${failure}): check that mvn is installed and Maven Central is reachable, or set NEO4J_URI.`,
    );
  }
}

function spawnNeo4j(settings: LocalNeo4jSettings, password: string): ChildProcess {
  const { classpath } = MODULE.classpath();
  const jvmArgs = [
    `-Xms${settings.heap}`,
    `-Xmx${settings.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
  ];
  return spawn(
    settings.javaCommand,
    [
      ...jvmArgs,
      '-cp',
      classpath,
      'horizon.LocalNeo4j',
      settings.dataDir,
      String(settings.port),
      settings.pageCache,
    ],
    {
      env: { ...process.env, NEO4J_PASSWORD: password, CLASSPATH: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function waitUntilReady(child: ChildProcess, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stderrTail: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LocalNeo4jError(
          `Local Neo4j did not start within ${READY_TIMEOUT_MS / 1000} s; see ${dataDir}/logs.`,
        ),
      );
    }, READY_TIMEOUT_MS);
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`Could not start Java: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const cause = stderrTail.find((l) => /Exception|Error/.test(l)) ?? stderrTail.at(-1) ?? '';
      reject(new LocalNeo4jError(`Local Neo4j exited during start (code ${code}): ${cause.trim()}`));
    });
  });
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS).then(() => true)]);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  const record = readServerRecord(dataDir);
  if (record?.pid === child.pid) fs.rmSync(path.join(dataDir, 'server.json'), { force: true });
}

function readServerRecord(dataDir: string): ServerRecord | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8')) as ServerRecord;
  } catch {
    return null;
  }
}

function writeServerRecord(dataDir: string, record: ServerRecord): void {
  fs.writeFileSync(path.join(dataDir, 'server.json'), JSON.stringify(record));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

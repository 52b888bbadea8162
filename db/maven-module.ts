import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A small Java program of the project built by Maven once (`compile dependency:build-classpath`),
 * then run with `java` directly and offline: the local Neo4j runner (db/local) and the embedder
 * (embed/jvm). Rebuilt when its pom or any of its Java sources is newer than the last build.
 */
export class MavenModule {
  private readonly classpathFile: string;
  /** Touched after each successful Maven run (Maven leaves an unchanged classpath file's time alone). */
  private readonly builtStamp: string;

  constructor(readonly dir: string) {
    this.classpathFile = path.join(dir, 'target', 'classpath.txt');
    this.builtStamp = path.join(dir, 'target', 'built.stamp');
  }

  private inputs(): string[] {
    const sources = path.join(this.dir, 'src', 'main', 'java');
    const javaFiles = fs
      .readdirSync(sources, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.java'))
      .map((file) => path.join(sources, file));
    return [path.join(this.dir, 'pom.xml'), ...javaFiles];
  }

  isBuilt(): boolean {
    if (!fs.existsSync(this.builtStamp) || !fs.existsSync(this.classpathFile)) return false;
    const builtAt = fs.statSync(this.builtStamp).mtimeMs;
    return this.inputs().every((input) => fs.statSync(input).mtimeMs <= builtAt);
  }

  /** Runs Maven unless built; on failure logs its output and returns why, else null. */
  build(log: (line: string) => void): string | null {
    if (this.isBuilt()) return null;
    const mvn = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        path.join(this.dir, 'pom.xml'),
        'compile',
        'dependency:build-classpath',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
    );
    if (mvn.error || mvn.status !== 0) {
      log(`${mvn.stdout ?? ''}${mvn.stderr ?? ''}`.trim());
      return mvn.error?.message ?? `exit ${mvn.status}`;
    }
    fs.writeFileSync(this.builtStamp, new Date().toISOString());
    return null;
  }

  /** The compiled classes and every resolved jar; the first jar that has gone missing, if any. */
  classpath(): { classpath: string; missing: string | null } {
    const jars = fs.readFileSync(this.classpathFile, 'utf8').trim().split(path.delimiter);
    return {
      classpath: [path.join(this.dir, 'target', 'classes'), ...jars].join(path.delimiter),
      missing: jars.find((jar) => !fs.existsSync(jar)) ?? null,
    };
  }

  /** Where to delete to force a rebuild. */
  get stamp(): string {
    return this.builtStamp;
  }
}

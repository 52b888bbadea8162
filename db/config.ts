import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The project's tsx, to run one of its parts (ingest CLI, server, generator) as a process of its own. */
export const TSX_BIN = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** Settings of the project's own local Neo4j (used when NEO4J_URI is unset). */
export interface LocalNeo4jSettings {
  dataDir: string;
  port: number;
  heap: string;
  pageCache: string;
  /** From NEO4J_PASSWORD; otherwise generated on first start and kept in the data folder. */
  password: string | undefined;
  javaCommand: string;
}

export function neo4jUriFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const uri = env.NEO4J_URI?.trim();
  return uri ? uri : undefined;
}

export function localSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalNeo4jSettings {
  return {
    dataDir: path.resolve(PROJECT_ROOT, env.NEO4J_LOCAL_DIR ?? '.data/neo4j'),
    port: Number(env.NEO4J_LOCAL_PORT ?? 7687),
    heap: env.NEO4J_LOCAL_HEAP ?? '2g',
    pageCache: env.NEO4J_LOCAL_PAGECACHE ?? '1g',
    password: env.NEO4J_PASSWORD || undefined,
    javaCommand: env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java',
  };
}

/** The target named by the environment; only valid when NEO4J_URI is set. */
export function remoteTargetFromEnv(uri: string, env: NodeJS.ProcessEnv = process.env): Neo4jTarget {
  return {
    uri,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE ?? 'neo4j',
  };
}

/** The environment that makes a child process (the ingest CLI, the server) use `target`. */
export function envForTarget(target: Neo4jTarget): Record<string, string> {
  return {
    NEO4J_URI: target.uri,
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
  };
}

import neo4j, { type Driver } from 'neo4j-driver';
import { localSettingsFromEnv, neo4jUriFromEnv, remoteTargetFromEnv, type Neo4jTarget } from './config.js';
import { Neo4jAuthError, Neo4jUnavailableError } from './errors.js';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';

export interface ConnectOptions {
  /** Attempts of verifyConnectivity before giving up (a server may still be starting). */
  attempts?: number;
  retryDelayMs?: number;
}

/** One driver per process: integers come back as plain numbers, never as driver Integers. */
export function createDriver(target: Neo4jTarget): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    logging: { level: 'error', logger: () => {} },
  });
}

/** Creates the driver and waits, with bounded retries, until the server answers. */
export async function connect(target: Neo4jTarget, options: ConnectOptions = {}): Promise<Driver> {
  const attempts = options.attempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const driver = createDriver(target);
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.verifyConnectivity({ database: target.database });
      return driver;
    } catch (error) {
      const explained = explainConnectionError(error, target);
      if (explained instanceof Neo4jAuthError || attempt >= attempts) {
        await driver.close();
        throw explained;
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
    }
  }
}

export function explainConnectionError(error: unknown, target: Neo4jTarget): Error {
  const code = (error as { code?: string }).code ?? '';
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code === 'Neo.ClientError.Security.AuthenticationRateLimit'
  ) {
    return new Neo4jAuthError(
      `Neo4j at ${target.uri} refused user "${target.user}" with this password: set NEO4J_USER and NEO4J_PASSWORD to the right ones (the local Neo4j keeps its password in .data/neo4j/password).`,
    );
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new Neo4jUnavailableError(
    `Cannot reach Neo4j at ${target.uri} (${reason}): start it with "npm run db", or set NEO4J_URI to a running server.`,
  );
}

export interface Neo4jConnection {
  driver: Driver;
  target: Neo4jTarget;
  /** Set when this process started (or reused) the project's local Neo4j. */
  local: LocalNeo4j | null;
  close(): Promise<void>;
}

/**
 * NEO4J_URI set: use that server and start nothing. Unset: the project's local Neo4j, started if
 * it is not running yet. close() stops it only when this process started it and `stopLocal` is set.
 */
export async function openNeo4j(
  options: { log?: (line: string) => void; stopLocalOnClose?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Neo4jConnection> {
  const env = options.env ?? process.env;
  const uri = neo4jUriFromEnv(env);
  const local = uri ? null : await startLocalNeo4j(localSettingsFromEnv(env), options.log);
  const target = local ? local.target : remoteTargetFromEnv(uri!, env);
  let driver: Driver;
  try {
    driver = await connect(target);
  } catch (error) {
    if (options.stopLocalOnClose) await local?.stop();
    throw error;
  }
  return {
    driver,
    target,
    local,
    close: async () => {
      await driver.close();
      if (options.stopLocalOnClose) await local?.stop();
    },
  };
}

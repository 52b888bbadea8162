import {
  ApiError,
  InternalError,
  QueryFailedError,
  QueryRefusedError,
  QueryTimeoutError,
  UnavailableError,
} from '../errors.js';

/**
 * Driver and server errors → the API's errors, by Neo4j status code. `userQuery` says whose Cypher
 * failed: a client error in the user's own query is theirs (400), in one of ours it is a bug (500).
 */

const UNREACHABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

const OUT_OF_MEMORY = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);

export interface TranslateOptions {
  userQuery?: boolean;
  timeoutMs?: number;
}

export function neo4jErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function translateNeo4jError(error: unknown, options: TranslateOptions = {}): ApiError {
  if (error instanceof ApiError) return error;
  const code = neo4jErrorCode(error);
  const message = firstLine(error);
  if (UNREACHABLE.has(code)) {
    return new UnavailableError(
      `Neo4j is unavailable (${message}): start it with "npm run db" or check NEO4J_URI; the server reconnects by itself.`,
      { neo4jCode: code },
      { cause: error },
    );
  }
  if (TIMED_OUT.has(code)) {
    const limit = options.timeoutMs === undefined ? '' : ` of ${options.timeoutMs} ms`;
    return new QueryTimeoutError(
      `The query was stopped: it ran past the time limit${limit}.`,
      { neo4jCode: code },
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Statement.AccessMode') {
    return new QueryRefusedError(
      `Only read queries are allowed: ${message}`,
      { neo4jCode: code },
      { cause: error },
    );
  }
  if (options.userQuery && OUT_OF_MEMORY.has(code)) {
    return new QueryFailedError(
      `The query needs more memory than Neo4j allows: ${message}`,
      { neo4jCode: code },
      { cause: error },
    );
  }
  if (options.userQuery && code.startsWith('Neo.ClientError.')) {
    return new QueryFailedError(fullMessage(error), { neo4jCode: code }, { cause: error });
  }
  if (!code)
    return new InternalError(`Something went wrong on the server: ${message}`, undefined, { cause: error });
  return new InternalError(
    `The graph query failed (${code}): ${message}`,
    { neo4jCode: code },
    { cause: error },
  );
}

function fullMessage(error: unknown): string {
  return error instanceof Error ? error.message.trim() : String(error);
}

function firstLine(error: unknown): string {
  return fullMessage(error).split('\n')[0]!.trim();
}

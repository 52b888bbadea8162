import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../db/index.js';

/** Limits the API enforces on every caller. */
export interface ApiLimits {
  /** Server-side timeout of the API's own reads. */
  queryTimeoutMs: number;
  /** Timeout of POST /api/cypher queries. */
  cypherTimeoutMs: number;
  /** Rows POST /api/cypher returns at most; beyond them it says `truncated: true`. */
  cypherRowCap: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  queryTimeoutMs: 30_000,
  cypherTimeoutMs: 5_000,
  cypherRowCap: 1_000,
};

export interface ServerConfig {
  host: string;
  port: number;
  limits: ApiLimits;
  clientDir: string;
}

const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HORIZON_QUERY_TIMEOUT_MS: positiveInt.default(DEFAULT_LIMITS.queryTimeoutMs),
  HORIZON_CYPHER_TIMEOUT_MS: positiveInt.default(DEFAULT_LIMITS.cypherTimeoutMs),
  HORIZON_CYPHER_ROW_CAP: positiveInt.default(DEFAULT_LIMITS.cypherRowCap),
  HORIZON_CLIENT_DIR: z.string().min(1).optional(),
});

/** HOST, PORT and the optional limits; a bad value names the variable. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid server settings in the environment: ${problems}`);
  }
  const settings = parsed.data;
  return {
    host: settings.HOST,
    port: settings.PORT,
    limits: {
      queryTimeoutMs: settings.HORIZON_QUERY_TIMEOUT_MS,
      cypherTimeoutMs: settings.HORIZON_CYPHER_TIMEOUT_MS,
      cypherRowCap: settings.HORIZON_CYPHER_ROW_CAP,
    },
    clientDir: path.resolve(PROJECT_ROOT, settings.HORIZON_CLIENT_DIR ?? 'dist/client'),
  };
}

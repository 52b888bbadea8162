import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../db/index.js';
import { ACCESS_TOKEN_HELP } from './http/access-token.js';

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
  /** HORIZON_TOKEN: every request must carry it. Required when HOST is not a loopback address. */
  accessToken: string | null;
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
  HORIZON_TOKEN: z.string().min(16, 'at least 16 characters (e.g. openssl rand -hex 24)').optional(),
});

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/**
 * HOST, PORT, the access token and the optional limits; a bad value names the variable, and a
 * non-loopback HOST without HORIZON_TOKEN is refused.
 */
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
  if (!settings.HORIZON_TOKEN && !isLoopbackHost(settings.HOST)) {
    throw new Error(
      `HOST=${settings.HOST} serves beyond this machine: set HORIZON_TOKEN (at least 16 characters, e.g. openssl rand -hex 24) to require it of every request, or keep the default HOST=127.0.0.1.`,
    );
  }
  return {
    host: settings.HOST,
    port: settings.PORT,
    accessToken: settings.HORIZON_TOKEN ?? null,
    limits: {
      queryTimeoutMs: settings.HORIZON_QUERY_TIMEOUT_MS,
      cypherTimeoutMs: settings.HORIZON_CYPHER_TIMEOUT_MS,
      cypherRowCap: settings.HORIZON_CYPHER_ROW_CAP,
    },
    clientDir: path.resolve(PROJECT_ROOT, settings.HORIZON_CLIENT_DIR ?? 'dist/client'),
  };
}

/** What the start line adds about who may connect. */
export function accessLine(config: ServerConfig): string {
  if (!config.accessToken) return 'loopback only, no token';
  const reach = isLoopbackHost(config.host) ? 'loopback only' : 'reachable from the network';
  return `${reach}; every request needs HORIZON_TOKEN (${ACCESS_TOKEN_HELP})`;
}

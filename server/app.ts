import compression from 'compression';
import express, { type Express } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { DEFAULT_LIMITS, type ApiLimits } from './config.js';
import { GraphReader } from './graph/graph-reader.js';
import type { LazyEmbedder } from './graph/lazy-embedder.js';
import { routeHandler, type ApiContext } from './http/api-route.js';
import { requireAccessToken } from './http/access-token.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { createLogger, requestLogging } from './http/request-logging.js';
import { boundedUri, JSON_BODY_LIMIT } from './http/request-limits.js';
import { securityHeaders } from './http/security.js';
import { staticClient } from './http/static-client.js';
import { API_ROUTES } from './routes/index.js';

export interface AppOptions {
  driver: Driver;
  /** Default `neo4j`. */
  database?: string;
  limits?: Partial<ApiLimits>;
  /** The built client to serve at `/`; nothing is served there when it has no index.html. */
  clientDir?: string;
  logger?: Logger;
  /** Largest JSON body accepted (default 100kb). */
  jsonLimit?: string;
  /** Semantic search's embedder; the caller closes it. Without one /api/similar answers 503. */
  embedder?: LazyEmbedder;
  /** When set, every request must carry it (http/access-token.ts). */
  accessToken?: string | null;
}

export function createApp(options: AppOptions): Express {
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const reader = new GraphReader(options.driver, {
    database: options.database ?? 'neo4j',
    timeoutMs: limits.queryTimeoutMs,
  });
  const context: ApiContext = { reader, limits, ...(options.embedder ? { embedder: options.embedder } : {}) };
  const logger = options.logger ?? createLogger();

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLogging(logger));
  app.use(securityHeaders());
  if (options.accessToken) app.use(requireAccessToken(options.accessToken));
  app.use(boundedUri);
  app.use(compression());

  const api = express.Router();
  api.use('/api', express.json({ limit: options.jsonLimit ?? JSON_BODY_LIMIT }));
  api.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  for (const route of API_ROUTES) api[route.method](route.path, routeHandler(route, context));
  api.use('/api', apiNotFound);
  app.use(api);

  const client = options.clientDir ? staticClient(options.clientDir) : null;
  if (client) app.use(client);
  app.use(errorHandler);
  return app;
}

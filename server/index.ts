export { createApp, type AppOptions } from './app.js';
export {
  accessLine,
  DEFAULT_LIMITS,
  serverConfigFromEnv,
  type ApiLimits,
  type ServerConfig,
} from './config.js';
export * from './errors.js';
export { GraphReader } from './graph/graph-reader.js';
export type { QueryRunner } from './graph/query-runner.js';
export { gracefulShutdown } from './http/shutdown.js';
export { runServer, type RunningServer } from './http/run-server.js';
export { createLogger } from './http/request-logging.js';
export { API_ROUTES } from './routes/index.js';
export { readArticleDetails, readArticleRecord } from './queries/article.js';

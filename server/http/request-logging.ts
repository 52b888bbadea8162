import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { isWarmUpRequest } from './warm-up.js';

/** A caller's own request id is kept when it is short and plain, so logs can be joined across services. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'horizon-graph' } });
}

/** One log line per request with its id, status and time; the id is also sent back as X-Request-Id. */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (req, res) =>
      res.statusCode >= 500
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : isWarmUpRequest(req)
            ? 'debug'
            : 'info',
    customProps: (_req, res) => {
      const apiError = (res as { locals?: { apiError?: unknown } }).locals?.apiError;
      return apiError ? { apiError } : {};
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorResponse } from '../../model/index.js';
import {
  ApiError,
  InternalError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
} from '../errors.js';
import { translateNeo4jError } from '../graph/neo4j-errors.js';

/** Every API error's HTTP status, by error name: the one place statuses are decided. */
const STATUS_BY_NAME: Record<string, number> = {
  InvalidInputError: 400,
  QueryFailedError: 400,
  UnauthorizedError: 401,
  QueryRefusedError: 403,
  NotFoundError: 404,
  PayloadTooLargeError: 413,
  UriTooLongError: 414,
  InternalError: 500,
  UnavailableError: 503,
  QueryTimeoutError: 504,
  // No one reads it (the client is gone); the request log shows it as nginx does.
  QueryCancelledError: 499,
};

export function statusOf(error: ApiError): number {
  return STATUS_BY_NAME[error.name] ?? 500;
}

/** Unknown /api paths answer in the API's error shape, not with an HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No API route ${req.method} ${req.originalUrl.split('?')[0]}`));
};

export const errorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const apiError = toApiError(error);
  const status = statusOf(apiError);
  // The request log line (request-logging.ts) carries these; a server fault also its stack.
  res.locals.apiError = { code: apiError.code, message: apiError.message };
  if (apiError instanceof InternalError) (res as { err?: unknown }).err = error;
  const body: ErrorResponse = {
    error: {
      code: apiError.code,
      message: apiError.message,
      ...(apiError.details === undefined ? {} : { details: apiError.details }),
    },
  };
  res.status(status).json(body);
};

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const bodyParserType = (error as { type?: unknown } | null)?.type;
  if (bodyParserType === 'entity.too.large') {
    const limit = (error as { limit?: number }).limit;
    return new PayloadTooLargeError(
      limit === undefined
        ? 'The request body is too large.'
        : `The request body is larger than the ${limit} bytes allowed.`,
    );
  }
  if (bodyParserType === 'entity.parse.failed') {
    return new InvalidInputError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof bodyParserType === 'string' && bodyParserType.startsWith('encoding.')) {
    return new InvalidInputError((error as Error).message);
  }
  if ((error as { code?: unknown } | null)?.code !== undefined) return translateNeo4jError(error);
  return new InternalError('Something went wrong on the server; the log has the details.', undefined, {
    cause: error,
  });
}

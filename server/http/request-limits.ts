import type { RequestHandler } from 'express';
import { UriTooLongError } from '../errors.js';

/** Largest JSON body the API parses (POST /api/cypher: a 20,000-character query and its params). */
export const JSON_BODY_LIMIT = '100kb';

/**
 * Longest path and query string the API reads. Every parameter has its own bound (a node id 4,000
 * characters, a search 200), so no legitimate request comes near; beyond 16 KiB of headers Node
 * itself answers 431 before the app sees the request.
 */
export const URI_MAX_BYTES = 8_192;

export const boundedUri: RequestHandler = (req, _res, next) => {
  const length = Buffer.byteLength(req.originalUrl);
  if (length <= URI_MAX_BYTES) return next();
  next(
    new UriTooLongError(
      `The request's path and query string are ${length} bytes; at most ${URI_MAX_BYTES} are read.`,
    ),
  );
};

import type { ErrorResponse } from '../model/index.js';

export type ErrorCode = ErrorResponse['error']['code'];

/**
 * The API's failures, each a named class with an error code of model/api.ts. The one error
 * handler (http/error-handler.ts) maps them to HTTP statuses by name.
 */
export abstract class ApiError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class InvalidInputError extends ApiError {
  override name = 'InvalidInputError';
  readonly code = 'INVALID_INPUT';
}

export class PayloadTooLargeError extends ApiError {
  override name = 'PayloadTooLargeError';
  readonly code = 'INVALID_INPUT';
}

/** The request line is longer than the server reads (URI_MAX_BYTES in http/request-limits.ts). */
export class UriTooLongError extends ApiError {
  override name = 'UriTooLongError';
  readonly code = 'INVALID_INPUT';
}

/** The server requires its access token (HORIZON_TOKEN) and the request did not carry it. */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
  readonly code = 'UNAUTHORIZED';
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
}

/** Neo4j cannot be reached, or something the route needs (an index, issue groups) is not there. */
export class UnavailableError extends ApiError {
  override name = 'UnavailableError';
  readonly code = 'UNAVAILABLE';
}

/** A Cypher query that is not allowed here: a write, LOAD CSV, a procedure outside the allow-list. */
export class QueryRefusedError extends ApiError {
  override name = 'QueryRefusedError';
  readonly code = 'QUERY_REFUSED';
}

/** Neo4j rejected the user's Cypher (syntax, semantics, types); the message is Neo4j's own. */
export class QueryFailedError extends ApiError {
  override name = 'QueryFailedError';
  readonly code = 'QUERY_FAILED';
}

export class QueryTimeoutError extends ApiError {
  override name = 'QueryTimeoutError';
  readonly code = 'TIMEOUT';
}

/** The caller went away (closed the request) before the answer: its transaction was ended. */
export class QueryCancelledError extends ApiError {
  override name = 'QueryCancelledError';
  readonly code = 'CANCELLED';
}

export class InternalError extends ApiError {
  override name = 'InternalError';
  readonly code = 'INTERNAL';
}

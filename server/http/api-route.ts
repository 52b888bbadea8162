import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { ApiLimits } from '../config.js';
import { InvalidInputError } from '../errors.js';
import type { GraphReader } from '../graph/graph-reader.js';
import type { LazyEmbedder } from '../graph/lazy-embedder.js';

/** What every handler may use besides its validated input. */
export interface ApiContext {
  reader: GraphReader;
  limits: ApiLimits;
  /** For semantic search; absent, /api/similar answers 503. */
  embedder?: LazyEmbedder;
}

export interface RouteContext extends ApiContext {
  req: Request;
  res: Response;
  /** Aborted when the client closes the request before the answer is sent. */
  signal: AbortSignal;
}

type Schema = z.ZodType;
type ObjectSchema = z.ZodObject;

interface RouteDescription {
  method: 'get' | 'post';
  /** Express syntax (`/api/nodes/:id`). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Statuses besides 200 the route answers with, and when; the body is an ErrorResponse unless given. */
  errors: Record<number, string | { description: string; schema: Schema }>;
}

/**
 * One route, described once: express serves it from this, its input is validated by its schemas
 * and /api/openapi.json is generated from the same schemas.
 */
export interface ApiRoute extends RouteDescription {
  params?: ObjectSchema;
  query?: ObjectSchema;
  body?: Schema;
  response: Schema;
  handle(input: { params: unknown; query: unknown; body: unknown }, context: RouteContext): Promise<unknown>;
}

export interface RouteSpec<
  P extends ObjectSchema,
  Q extends ObjectSchema,
  B extends Schema,
  R extends Schema,
> extends RouteDescription {
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  handle(
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
    context: RouteContext,
  ): Promise<z.input<R>>;
}

export function defineRoute<
  P extends ObjectSchema = ObjectSchema,
  Q extends ObjectSchema = ObjectSchema,
  B extends Schema = z.ZodUndefined,
  R extends Schema = Schema,
>(spec: RouteSpec<P, Q, B, R>): ApiRoute {
  return spec as unknown as ApiRoute;
}

/** A route that takes no parameters refuses any it is sent, like one that takes some. */
const NO_PARAMETERS = z.strictObject({});

export function routeHandler(route: ApiRoute, context: ApiContext): RequestHandler {
  return async (req, res) => {
    const input = {
      params: validate('path parameter', route.params ?? NO_PARAMETERS, req.params ?? {}),
      query: validate('query parameter', route.query ?? NO_PARAMETERS, req.query ?? {}),
      body: validate('body', route.body, req.body),
    };
    const cancel = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) cancel.abort();
    });
    const answer = await route.handle(input, { ...context, req, res, signal: cancel.signal });
    res.json(answer);
  };
}

export interface InputIssue {
  in: string;
  field: string;
  code: string;
  message: string;
}

function validate(where: string, schema: Schema | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    in: where,
    field: fieldOf(issue),
    code: issue.code,
    message: issue.message,
  }));
  const summary = issues
    .map((issue) =>
      issue.field ? `${where} "${issue.field}": ${issue.message}` : `${where}: ${issue.message}`,
    )
    .join('; ');
  throw new InvalidInputError(`Invalid ${summary}`, { issues });
}

/** The field an issue is about; for unknown keys, the keys themselves. */
function fieldOf(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code !== 'unrecognized_keys') return path;
  const keys = issue.keys.join(', ');
  return path ? `${path}.${keys}` : keys;
}

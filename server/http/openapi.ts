import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { ErrorResponseSchema } from '../../model/index.js';
import type { ApiRoute } from './api-route.js';
import { URI_MAX_BYTES } from './request-limits.js';

/** `/api/nodes/:id` → `/api/nodes/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

/** Named once (zod's registry refuses a second schema of the same id): a component of the document. */
const ErrorBody = ErrorResponseSchema.meta({ id: 'ErrorResponse' });

/** Answers any route may give, whatever it does. */
const EVERY_ROUTE_ERRORS: Record<number, string> = {
  401: 'The server requires its access token (HORIZON_TOKEN; always when it listens beyond loopback) and the request did not carry it.',
  414: `Path and query string longer than ${URI_MAX_BYTES} bytes.`,
};

export function openApiDocument(routes: readonly ApiRoute[]): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  const error = ErrorBody;
  registry.registerComponent('securitySchemes', 'accessToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'HORIZON_TOKEN, when the server requires it; basic auth with the token as password works too.',
  });
  for (const route of routes) {
    const config: RouteConfig = {
      method: route.method,
      path: openApiPath(route.path),
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.body
          ? { body: { required: true, content: { 'application/json': { schema: route.body } } } }
          : {}),
      },
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: route.response } } },
        ...Object.fromEntries(
          Object.entries({ ...EVERY_ROUTE_ERRORS, ...route.errors }).map(([status, why]) => {
            const { description, schema } =
              typeof why === 'string' ? { description: why, schema: error } : why;
            return [status, { description, content: { 'application/json': { schema } } }];
          }),
        ),
      },
    };
    registry.registerPath(config);
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    // No token on a loopback server without HORIZON_TOKEN; the token otherwise.
    security: [{}, { accessToken: [] }],
    info: {
      title: 'Horizon Graph API',
      version: '1.0.0',
      description:
        'Graph queries over horizon-scanning digests. Every error is `{"error":{"code","message","details"}}`; node ids are `<Label>:<url-encoded key>`.',
    },
  }) as unknown as Record<string, unknown>;
}

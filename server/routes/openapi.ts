import { defineRoute } from '../http/api-route.js';
import { OpenApiDocumentSchema } from '../http/responses.js';
import { openApiDocument } from '../http/openapi.js';
import { FEATURE_ROUTES } from './feature-routes.js';

let document: Record<string, unknown> | undefined;

export const openApiRoute = defineRoute({
  method: 'get',
  path: '/api/openapi.json',
  tag: 'status',
  summary: 'This API, described in OpenAPI 3 (generated from the schemas that validate it)',
  response: OpenApiDocumentSchema,
  errors: {},
  handle: async () => {
    document ??= openApiDocument([...FEATURE_ROUTES, openApiRoute]);
    return document;
  },
});

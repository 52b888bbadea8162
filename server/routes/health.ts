import { defineRoute } from '../http/api-route.js';
import { HealthResponseSchema } from '../http/responses.js';

export const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  tag: 'status',
  summary: 'Whether the server and Neo4j answer',
  description: 'Never cached. 503 with `status: "unavailable"` and the reason when Neo4j cannot be reached.',
  response: HealthResponseSchema,
  errors: {
    503: { description: 'Neo4j is unreachable: status "unavailable" and why.', schema: HealthResponseSchema },
  },
  handle: async (_input, { reader, res }) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      return { status: 'ok' as const, neo4j: { connected: true, version: await reader.serverVersion() } };
    } catch (error) {
      res.status(503);
      return {
        status: 'unavailable' as const,
        neo4j: { connected: false, version: null },
        message: (error as Error).message,
      };
    }
  },
});

import { z } from 'zod';
import { SearchResponseSchema } from '../../model/index.js';
import { defineRoute } from '../http/api-route.js';
import { labelsInput, limitInput } from '../http/inputs.js';
import { searchNodes } from '../queries/search.js';

export const searchRoute = defineRoute({
  method: 'get',
  path: '/api/search',
  tag: 'graph',
  summary: 'Full-text search over names and titles, for type-ahead',
  description:
    'Every word of `q` must match a word of the name, whole or as its beginning ("artif intel" finds "Artificial intelligence"). Best match first. Lucene syntax in `q` is taken literally.',
  query: z.strictObject({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ description: 'The text typed.', example: 'artificial intel' }),
    labels: labelsInput.optional(),
    limit: limitInput(20, 100),
  }),
  response: SearchResponseSchema,
  errors: {
    400: 'Invalid parameter.',
    503: 'Neo4j is unreachable, or the index does not exist yet (nothing ingested).',
  },
  handle: async ({ query }, { reader }) => ({
    results: await reader.read((tx) =>
      searchNodes(tx, { text: query.q, labels: query.labels ?? [], limit: query.limit }),
    ),
  }),
});

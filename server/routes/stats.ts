import { StatsSchema } from '../../model/index.js';
import { defineRoute } from '../http/api-route.js';
import { readStats } from '../queries/stats.js';

export const statsRoute = defineRoute({
  method: 'get',
  path: '/api/stats',
  tag: 'graph',
  summary: 'Node counts per label and relationship counts per type',
  response: StatsSchema,
  errors: { 503: 'Neo4j is unreachable.' },
  handle: async (_input, { reader }) => reader.read((tx) => readStats(tx)),
});

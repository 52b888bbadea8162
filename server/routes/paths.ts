import { z } from 'zod';
import { PathsResponseSchema, timeWindowSchema } from '../../model/index.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { defineRoute } from '../http/api-route.js';
import { booleanInput, limitInput, nodeIdInput, windowOf } from '../http/inputs.js';
import { MAX_HOPS, readPaths } from '../queries/paths.js';

export const pathsRoute = defineRoute({
  method: 'get',
  path: '/api/paths',
  tag: 'graph',
  summary: 'Shortest paths between two nodes, as Cytoscape elements',
  description:
    'All shortest paths (up to `limit`) of at most `maxHops` relationships, in any direction. With `avoidHubs` (default) no path passes through a Category or Page node, which link almost everything; they may still be the ends. No path within maxHops gives an empty list. With `dateFrom` and/or `dateTo` (ISO dates; `from` and `to` name the ends here) every article on a path, its ends included, must be dated in that window.',
  query: timeWindowSchema({ from: 'dateFrom', to: 'dateTo' }).safeExtend({
    from: nodeIdInput(),
    to: nodeIdInput(),
    maxHops: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_HOPS)
      .default(4)
      .meta({ description: `Longest path, in relationships (1–${MAX_HOPS}, default 4).` }),
    avoidHubs: booleanInput(true),
    limit: limitInput(10, 100),
  }),
  response: PathsResponseSchema,
  errors: {
    400: 'Invalid parameter, or from = to.',
    404: 'No such node.',
    503: 'Neo4j is unreachable.',
    504: 'The search ran out of time.',
  },
  handle: async ({ query }, { reader }) => {
    if (query.from.id === query.to.id) {
      throw new InvalidInputError('Invalid query parameter "to": it names the same node as "from".', {
        issues: [{ in: 'query parameter', field: 'to', code: 'custom', message: 'same node as from' }],
      });
    }
    const window = windowOf({ from: query.dateFrom, to: query.dateTo });
    const result = await reader.read((tx) => readPaths(tx, { ...query, window }));
    const missing = [result.found.from ? null : query.from.id, result.found.to ? null : query.to.id].filter(
      Boolean,
    );
    if (missing.length > 0) throw new NotFoundError(`No node ${missing.join(' and no node ')}.`, { missing });
    return { paths: result.paths, elements: result.elements };
  },
});

import { z } from 'zod';
import { NodeDetailsSchema, timeWindowSchema } from '../../model/index.js';
import { NotFoundError } from '../errors.js';
import { defineRoute } from '../http/api-route.js';
import { labelsInput, limitInput, nodeIdInput, windowOf } from '../http/inputs.js';
import { NeighborsResponseSchema } from '../http/responses.js';
import { readNeighbors } from '../queries/neighbors.js';
import { readNodeDetails } from '../queries/nodes.js';

const NodePath = z.strictObject({ id: nodeIdInput() });

export const nodeRoute = defineRoute({
  method: 'get',
  path: '/api/nodes/:id',
  tag: 'graph',
  summary: 'A node: its properties and its degree per relationship type',
  description:
    'Put the id in the path with encodeURIComponent (e.g. `/api/nodes/Theme%3Aartificial%2520intelligence`).',
  params: NodePath,
  response: NodeDetailsSchema,
  errors: { 400: 'Not a node id.', 404: 'No such node.', 503: 'Neo4j is unreachable.' },
  handle: async ({ params }, { reader }) => {
    const details = await reader.read((tx) => readNodeDetails(tx, params.id));
    if (!details) throw new NotFoundError(`No node ${params.id.id}.`, { id: params.id.id });
    return details;
  },
});

export const neighborsRoute = defineRoute({
  method: 'get',
  path: '/api/nodes/:id/neighbors',
  tag: 'graph',
  summary: 'A node and its neighbours as Cytoscape elements',
  description:
    'The node itself, up to `limit` neighbours (most articles first, then newest, then by name) and every relationship between the node and them. `meta.total` counts all neighbours that match `labels`. With `from` and/or `to` (ISO dates) article neighbours must be dated in that window (undated ones are left out); other nodes carry no date and are not filtered.',
  params: NodePath,
  query: timeWindowSchema().safeExtend({ labels: labelsInput.optional(), limit: limitInput(50, 500) }),
  response: NeighborsResponseSchema,
  errors: { 400: 'Invalid parameter.', 404: 'No such node.', 503: 'Neo4j is unreachable.' },
  handle: async ({ params, query }, { reader }) => {
    const found = await reader.read((tx) =>
      readNeighbors(tx, params.id, {
        labels: query.labels ?? [],
        limit: query.limit,
        window: windowOf(query),
      }),
    );
    if (!found) throw new NotFoundError(`No node ${params.id.id}.`, { id: params.id.id });
    return {
      ...found.elements,
      meta: { centre: params.id.id, total: found.total, returned: found.elements.nodes.length - 1 },
    };
  },
});

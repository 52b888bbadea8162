import { GraphVersionSchema } from '../../model/index.js';
import { defineRoute } from '../http/api-route.js';
import { readFolders } from '../queries/graph-version.js';

export const graphVersionRoute = defineRoute({
  method: 'get',
  path: '/api/graph/version',
  tag: 'graph',
  summary: 'The version of the graph, its article count and the folders it was built from',
  description:
    'Cheap enough to poll every few seconds: one trivial read, the counts cached per version. A new ' +
    '`version` means the graph changed (a watched folder, an ingest, the issue groups recomputed).',
  response: GraphVersionSchema,
  errors: { 503: 'Neo4j is unreachable.' },
  handle: async (_input, { reader, res }) => {
    res.setHeader('Cache-Control', 'no-store');
    const version = await reader.version();
    const folders = await reader.cached('folders', readFolders, { version });
    return { version, articles: folders.reduce((sum, folder) => sum + folder.articles, 0), folders };
  },
});

import { z } from 'zod';
import { defineRoute } from '../http/api-route.js';
import { nestingDepth } from '../http/inputs.js';
import { CypherResultSchema } from '../http/responses.js';
import { ALLOWED_PROCEDURES } from '../queries/cypher-guard.js';
import { runUserCypher } from '../queries/cypher.js';

/** Far beyond any real query's parameters, well within what the conversion and the driver recurse through. */
const MAX_PARAMS_DEPTH = 32;

export const cypherRoute = defineRoute({
  method: 'post',
  path: '/api/cypher',
  tag: 'cypher',
  summary: 'Run a read-only Cypher query',
  description: `Runs only what Neo4j's plan (EXPLAIN) classifies as read-only, in a READ transaction with a time limit (default 5 s) and a row cap (default 1,000; \`truncated: true\` beyond it). Refused (403 QUERY_REFUSED): writes, LOAD CSV, CALL { … } IN TRANSACTIONS, SHOW TRANSACTIONS/SETTINGS, TERMINATE, USE of another database, and procedures other than ${ALLOWED_PROCEDURES.join(', ')}. Nodes, relationships and paths come back as plain JSON with stable ids, and the graph part as Cytoscape elements. Neo4j's own message on a bad query (400 QUERY_FAILED). Whole JSON numbers in params are sent as integers. Closing the request (e.g. aborting the fetch) ends the query and its transaction in Neo4j.`,
  body: z.strictObject({
    query: z.string().trim().min(1).max(20_000).meta({
      example: 'MATCH (t:Theme) RETURN t.name, t.articleCount ORDER BY t.articleCount DESC LIMIT 10',
    }),
    params: z
      .record(z.string(), z.unknown())
      .refine((params) => nestingDepth(params) <= MAX_PARAMS_DEPTH, {
        message: `Parameters nest deeper than ${MAX_PARAMS_DEPTH} levels of lists and maps.`,
      })
      .default({})
      .meta({ description: `Query parameters ($name), nested at most ${MAX_PARAMS_DEPTH} levels.` }),
  }),
  response: CypherResultSchema,
  errors: {
    400: 'Invalid body, or Neo4j rejected the query (its message).',
    403: 'The query is not read-only or uses something refused.',
    413: 'Body larger than 100 kB.',
    503: 'Neo4j is unreachable.',
    504: 'The query ran past the time limit and was stopped.',
    499: 'The client closed the request: the query was ended (no one reads this answer).',
  },
  handle: async ({ body }, { reader, limits, signal }) =>
    reader.read(
      (tx) =>
        runUserCypher(tx, {
          query: body.query,
          params: body.params,
          rowCap: limits.cypherRowCap,
          database: reader.database,
        }),
      { timeoutMs: limits.cypherTimeoutMs, userQuery: true, signal },
    ),
});

import { z } from 'zod';
import {
  CooccurringResponseSchema,
  isWindowSet,
  PairsResponseSchema,
  timeWindowSchema,
} from '../../model/index.js';
import { NotFoundError } from '../errors.js';
import { defineRoute } from '../http/api-route.js';
import {
  limitInput,
  measureInput,
  minCountInput,
  nodeIdInput,
  WINDOW_EXPLAINED,
  windowOf,
} from '../http/inputs.js';
import { readCooccurringGroups, readStrongestPairs } from '../queries/issue-cooccurrence.js';
import { articlesWithIssues } from '../queries/issue-units.js';
import { readWindowedCooccurring, readWindowedPairs } from '../queries/windowed-cooccurrence.js';

const evidenceInput = limitInput(5, 50).meta({
  description: 'Evidence articles per result at most (1–50, default 5).',
});

const UNITS_EXPLAINED =
  'Co-occurrence is computed over issue groups: an issue counts as its IssueGroup, or as itself (a group of one, id `Issue:…`) while it belongs to none, for instance before the groups are computed. N = articles with at least one issue.';

export const cooccurringRoute = defineRoute({
  method: 'get',
  path: '/api/issues/:id/cooccurring',
  tag: 'issues',
  summary: "Issue groups that co-occur with an issue's group, ranked, with evidence and an ego graph",
  description: `${UNITS_EXPLAINED} The id may be an Issue or an IssueGroup id. Only groups sharing at least \`minCount\` articles are ranked. ${WINDOW_EXPLAINED}`,
  params: z.strictObject({ id: nodeIdInput(['Issue', 'IssueGroup']) }),
  query: timeWindowSchema().safeExtend({
    measure: measureInput,
    minCount: minCountInput(2),
    limit: limitInput(20, 200),
    evidence: evidenceInput,
  }),
  response: CooccurringResponseSchema,
  errors: { 400: 'Invalid parameter.', 404: 'No such issue or group.', 503: 'Neo4j is unreachable.' },
  handle: async ({ params, query }, { reader }) => {
    const window = windowOf(query);
    const input = { ...query, evidenceLimit: query.evidence, window };
    const windowed = isWindowSet(window);
    const articles = windowed ? 0 : await reader.cached('articles with issues', articlesWithIssues);
    const found = await reader.read((tx) =>
      windowed
        ? readWindowedCooccurring(tx, params.id, input)
        : readCooccurringGroups(tx, params.id, { ...input, articles }),
    );
    if (!found)
      throw new NotFoundError(`No ${params.id.label === 'Issue' ? 'issue' : 'issue group'} ${params.id.id}.`);
    return found;
  },
});

export const pairsRoute = defineRoute({
  method: 'get',
  path: '/api/issues/pairs',
  tag: 'issues',
  summary: 'The strongest co-occurring issue-group pairs overall',
  description: `${UNITS_EXPLAINED} Pairs sharing at least \`minCount\` articles, ranked by \`measure\`. ${WINDOW_EXPLAINED}`,
  query: timeWindowSchema().safeExtend({
    measure: measureInput,
    minCount: minCountInput(2),
    limit: limitInput(50, 500),
    evidence: evidenceInput,
  }),
  response: PairsResponseSchema,
  errors: { 400: 'Invalid parameter.', 503: 'Neo4j is unreachable.' },
  handle: async ({ query }, { reader }) => {
    const window = windowOf(query);
    const input = { ...query, evidenceLimit: query.evidence, window };
    return reader.cached(
      `issues/pairs ${query.measure} ${query.minCount} ${query.limit} ${query.evidence}`,
      (tx) => (isWindowSet(window) ? readWindowedPairs(tx, input) : readStrongestPairs(tx, input)),
      { window },
    );
  },
});

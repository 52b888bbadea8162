import { z } from 'zod';
import {
  CONCEPT_LABELS,
  ConceptSchema,
  GROUPED_LABELS,
  SimilarResponseSchema,
  timeWindowSchema,
} from '../../model/index.js';
import { embeddedText } from '../../groups/concept-rule.js';
import { NotFoundError, UnavailableError } from '../errors.js';
import { defineRoute } from '../http/api-route.js';
import { limitInput, nodeIdInput, WINDOW_EXPLAINED, windowOf } from '../http/inputs.js';
import { findSimilar, readConcept } from '../queries/concepts.js';

const GROUP_LABELS = Object.values(CONCEPT_LABELS);

export const conceptRoute = defineRoute({
  method: 'get',
  path: '/api/concepts/:id',
  tag: 'concepts',
  summary: 'A concept group: its member names, why each belongs, and its newest articles',
  description: `Concept groups gather names of one label that mean the same (groups/README.md): IssueGroup, ThemeGroup, KeywordGroup, SignalGroup. Each member carries the reason it joined (closeness in meaning to the group’s core, shared words) and its score. ${WINDOW_EXPLAINED} In a window, \`articles\` and \`articleCount\` are the window's.`,
  params: z.strictObject({ id: nodeIdInput(GROUP_LABELS) }),
  query: timeWindowSchema().safeExtend({
    limit: limitInput(20, 200).meta({ description: 'Articles at most (1–200, default 20).' }),
  }),
  response: ConceptSchema,
  errors: { 400: 'Invalid parameter.', 404: 'No such concept group.', 503: 'Neo4j is unreachable.' },
  handle: async ({ params, query }, { reader }) => {
    const label = GROUP_LABELS.find((known) => known === params.id.label)!;
    const found = await reader.read((tx) =>
      readConcept(tx, label, params.id.key, query.limit, windowOf(query)),
    );
    if (!found) throw new NotFoundError(`No concept group ${params.id.id}.`);
    return found;
  },
});

export const similarRoute = defineRoute({
  method: 'get',
  path: '/api/similar',
  tag: 'concepts',
  summary: 'Names like this text, by meaning: "issues like this", "signals like this"',
  description:
    'The text is embedded with the same model as the names (all-MiniLM-L6-v2, run locally) and the label’s vector index returns the nearest names, most similar first, each with its concept group.',
  query: z.strictObject({
    text: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .meta({ description: 'Any text: a phrase, a sentence.', example: 'job losses from automation' }),
    label: z
      .enum(GROUPED_LABELS)
      .default('Issue')
      .meta({ description: 'Which names to search (default Issue).' }),
    limit: limitInput(10, 100),
  }),
  response: SimilarResponseSchema,
  errors: {
    400: 'Invalid parameter.',
    503: 'Neo4j is unreachable, the vector index does not exist yet, or the embedder cannot run.',
  },
  handle: async ({ query }, { reader, embedder }) => {
    if (!embedder) throw new UnavailableError('Semantic search is not enabled in this server.');
    const vector = await embedder.embed(embeddedText(query.label, query.text));
    return { results: await reader.read((tx) => findSimilar(tx, query.label, vector, query.limit)) };
  },
});

import { z } from 'zod';
import { ArticleDetailsSchema } from '../../model/index.js';
import { NotFoundError } from '../errors.js';
import { defineRoute } from '../http/api-route.js';
import { nodeIdInput } from '../http/inputs.js';
import { readArticleDetails } from '../queries/article.js';

/** `Article:<url-encoded id>` like every node id, or the bare article id. */
const ArticleIdInput = z
  .string()
  .min(1)
  .max(4_000)
  .transform((value, ctx) => {
    if (!value.startsWith('Article:')) return value;
    const parsed = nodeIdInput(['Article']).safeParse(value);
    if (parsed.success) return parsed.data.key;
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]!.message });
    return z.NEVER;
  })
  .meta({
    description: 'The article node id (`Article:<url-encoded id>`) or the bare article id.',
    example: 'Article:eu-ai-act-enforcement',
  });

export const articleRoute = defineRoute({
  method: 'get',
  path: '/api/articles/:id',
  tag: 'articles',
  summary: 'One article with every fact of its document, rebuilt from the graph',
  description: "`record` is null for a stub: an article known only from another article's Closest list.",
  params: z.strictObject({ id: ArticleIdInput }),
  response: ArticleDetailsSchema,
  errors: { 400: 'Invalid id.', 404: 'No such article.', 503: 'Neo4j is unreachable.' },
  handle: async ({ params }, { reader }) => {
    const details = await reader.read((tx) => readArticleDetails(tx, params.id));
    if (!details) throw new NotFoundError(`No article ${params.id}.`, { id: params.id });
    return details;
  },
});

import { z } from 'zod';
import {
  ElementsSchema,
  EvidenceArticleSchema,
  HealthSchema,
  CypherResponseSchema,
  WindowEchoSchema,
} from '../../model/index.js';

/**
 * Answers of routes the model's api.ts does not describe yet, or describes a subset of. Each is a
 * superset of a model schema, so the client's parse of the model schema still accepts it.
 */

export const HealthResponseSchema = HealthSchema.extend({
  /** Why Neo4j is not available, when it is not. */
  message: z.string().optional(),
});

export const NeighborsResponseSchema = ElementsSchema.extend({
  meta: z.object({
    centre: z.string(),
    /** Neighbours matching the filter, before the limit. */
    total: z.number(),
    returned: z.number(),
  }),
});

export const ThemeNetworkResponseSchema = ElementsSchema.extend({
  meta: z.object({
    /** N of the measures: articles with at least one theme. */
    articles: z.number(),
    minCount: z.number(),
    limit: z.number(),
    /** Present when counted in a time window (null ends are open). */
    window: WindowEchoSchema.optional(),
  }),
});

const MeasuresSchema = z.object({
  count: z.number(),
  jaccard: z.number(),
  lift: z.number(),
  npmi: z.number(),
});
const ThemeSummarySchema = z.object({ id: z.string(), name: z.string(), articleCount: z.number() });

export const ThemeLinkResponseSchema = z.object({
  a: ThemeSummarySchema,
  b: ThemeSummarySchema,
  /** N of the measures: articles with at least one theme. */
  articles: z.number(),
  measures: MeasuresSchema,
  /** Articles having both themes, newest first (up to the limit; measures.count is the total). */
  evidence: z.array(EvidenceArticleSchema),
});

export const CypherResultSchema = CypherResponseSchema.extend({
  summary: CypherResponseSchema.shape.summary.extend({
    /** Nodes of no known label, or relationships between them, left out of `elements`. */
    skippedElements: z.number(),
  }),
});

export const OpenApiDocumentSchema = z.record(z.string(), z.unknown());

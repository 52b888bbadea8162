import { z } from 'zod';
import { ArticleRecordSchema } from './article.js';
import { MEASURES } from './cooccurrence.js';
import { NODE_LABELS, REL_TYPES } from './labels.js';
import { WindowEchoSchema } from './time-window.js';

/**
 * Shapes of the HTTP API's answers (DESIGN.md), shared by the server (which validates what it
 * sends in tests and describes it in OpenAPI) and the client (which reads it).
 */

export const NodeLabelSchema = z.enum(NODE_LABELS);
export const RelTypeSchema = z.enum(REL_TYPES);
export const MeasureSchema = z.enum(MEASURES);

/** Cytoscape node data: id, label, display name, then the node's own properties. */
export const CyNodeDataSchema = z.looseObject({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  articleCount: z.number().optional(),
});
export const CyEdgeDataSchema = z.looseObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  /** A relationship type, or a derived link such as CO_OCCURS. */
  type: z.string(),
});
export const ElementsSchema = z.object({
  nodes: z.array(z.object({ data: CyNodeDataSchema })),
  edges: z.array(z.object({ data: CyEdgeDataSchema })),
});
export type CyNodeData = z.infer<typeof CyNodeDataSchema>;
export type CyEdgeData = z.infer<typeof CyEdgeDataSchema>;
export type Elements = z.infer<typeof ElementsSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum([
      'INVALID_INPUT',
      'UNAUTHORIZED',
      'NOT_FOUND',
      'UNAVAILABLE',
      'QUERY_REFUSED',
      'QUERY_FAILED',
      'TIMEOUT',
      'CANCELLED',
      'INTERNAL',
    ]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  neo4j: z.object({ connected: z.boolean(), version: z.string().nullable() }),
});

export const StatsSchema = z.object({
  labels: z.record(z.string(), z.number()),
  relationships: z.record(z.string(), z.number()),
});

/** What the client polls to learn that the graph changed (a watched folder, an ingest). */
export const GraphVersionSchema = z.object({
  /** Opaque; a different value means a different graph. Empty when the server cannot tell. */
  version: z.string(),
  /** Articles from documents (stubs named only by a Closest list are not counted). */
  articles: z.number().int(),
  /** The folders the graph was built from, by name (the last part of their path), most articles first. */
  folders: z.array(z.object({ name: z.string().nullable(), articles: z.number().int() })),
});
export type GraphVersion = z.infer<typeof GraphVersionSchema>;

export const SearchResultSchema = z.object({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  score: z.number(),
});
export const SearchResponseSchema = z.object({ results: z.array(SearchResultSchema) });
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const NodeDetailsSchema = z.object({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  properties: z.record(z.string(), z.unknown()),
  /** Relationship count per type, both directions. */
  degree: z.record(z.string(), z.number()),
});
export type NodeDetails = z.infer<typeof NodeDetailsSchema>;

export const EvidenceArticleSchema = z.object({ id: z.string(), title: z.string() });
export type EvidenceArticle = z.infer<typeof EvidenceArticleSchema>;

const MeasuresSchema = z.object({
  count: z.number(),
  jaccard: z.number(),
  lift: z.number(),
  npmi: z.number(),
});

export const GroupMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Why this issue is in the group, in words (shared stems, similarity to the group's core). */
  reason: z.string(),
  similarity: z.number(),
});
export const IssueGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  articleCount: z.number(),
  members: z.array(GroupMemberSchema),
});
export type IssueGroup = z.infer<typeof IssueGroupSchema>;
export const IssueGroupSummarySchema = IssueGroupSchema.omit({ members: true });

export const CooccurringResponseSchema = z.object({
  issue: z.object({ id: z.string(), name: z.string() }),
  group: IssueGroupSchema,
  measure: MeasureSchema,
  results: z.array(
    z.object({
      group: IssueGroupSummarySchema,
      measures: MeasuresSchema,
      evidence: z.array(EvidenceArticleSchema),
    }),
  ),
  /** The ego graph: the issue's group in the middle, co-occurring groups around it. */
  elements: ElementsSchema,
  /** Present when counted in a time window: counts, measures and evidence are the window's. */
  window: WindowEchoSchema.optional(),
});
export type CooccurringResponse = z.infer<typeof CooccurringResponseSchema>;

export const PairsResponseSchema = z.object({
  measure: MeasureSchema,
  pairs: z.array(
    z.object({
      a: IssueGroupSummarySchema,
      b: IssueGroupSummarySchema,
      measures: MeasuresSchema,
      evidence: z.array(EvidenceArticleSchema),
    }),
  ),
  /** Present when counted in a time window: counts, measures and evidence are the window's. */
  window: WindowEchoSchema.optional(),
});
export type PairsResponse = z.infer<typeof PairsResponseSchema>;

export const PathsResponseSchema = z.object({
  paths: z.array(z.object({ length: z.number(), nodes: z.array(z.string()), edges: z.array(z.string()) })),
  elements: ElementsSchema,
});
export type PathsResponse = z.infer<typeof PathsResponseSchema>;

export const CypherResponseSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.unknown())),
  elements: ElementsSchema,
  truncated: z.boolean(),
  summary: z.object({
    queryType: z.string(),
    rowCount: z.number(),
    resultAvailableAfterMs: z.number(),
    resultConsumedAfterMs: z.number(),
  }),
});
export type CypherResponse = z.infer<typeof CypherResponseSchema>;

export const ArticleDetailsSchema = z.object({
  id: z.string(),
  /** Known only from another article's Closest list; no document of its own yet. */
  stub: z.boolean(),
  title: z.string(),
  /** Every fact of the document, rebuilt from the graph; null for a stub. */
  record: ArticleRecordSchema.nullable(),
  ingestedAt: z.string().nullable(),
});
export type ArticleDetails = z.infer<typeof ArticleDetailsSchema>;

/** A concept group (IssueGroup, ThemeGroup, KeywordGroup, SignalGroup) with why each member belongs. */
export const ConceptSchema = IssueGroupSchema.extend({
  label: NodeLabelSchema,
  /** Newest articles having any member (up to the limit; articleCount is the total). */
  articles: z.array(EvidenceArticleSchema),
  /** Set when the answer is for a time window: then articles and articleCount are the window's. */
  window: WindowEchoSchema.optional(),
});
export type Concept = z.infer<typeof ConceptSchema>;

export const SimilarResultSchema = z.object({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  /** Cosine similarity of the name's embedding to the text's, -1 to 1. */
  cosine: z.number(),
  /** The concept group the name belongs to, if groups were computed. */
  concept: z.object({ id: z.string(), name: z.string(), size: z.number() }).nullable(),
});
export const SimilarResponseSchema = z.object({ results: z.array(SimilarResultSchema) });
export type SimilarResult = z.infer<typeof SimilarResultSchema>;

/**
 * Communities of the themes map (GET /api/themes/communities), computed over the same weighted
 * network the map draws: its nodes, and its links weighted by shared articles.
 */
export const CommunitySchema = z.object({
  /** 0 is the largest community. */
  id: z.number(),
  /** Its top themes (by weighted degree inside it), joined. */
  name: z.string(),
  size: z.number(),
  /** Node ids of its top themes, strongest first. */
  top: z.array(z.string()),
});
export const NodeCentralitySchema = z.object({
  id: z.string(),
  community: z.number(),
  /** Sum of the weights of its links. */
  weightedDegree: z.number(),
  /** Share of shortest paths between other nodes that pass through it (0–1), link length 1/weight. */
  betweenness: z.number(),
});
const GapThemeSchema = z.object({ id: z.string(), name: z.string() });
export const StructuralGapSchema = z.object({
  a: z.number(),
  b: z.number(),
  /** Total weight of the links between the two communities… */
  links: z.number(),
  /** …and what their weighted degrees predict if links fell at random. */
  expected: z.number(),
  /** Themes already linked to both, strongest first: `toA` and `toB` are their link weights. */
  bridges: z.array(GapThemeSchema.extend({ toA: z.number(), toB: z.number() })),
  /** The most central theme of each community: linking these two would bridge the gap. */
  suggested: z.tuple([GapThemeSchema, GapThemeSchema]),
});
export const ThemeCommunitiesSchema = z.object({
  communities: z.array(CommunitySchema),
  nodes: z.array(NodeCentralitySchema),
  gaps: z.array(StructuralGapSchema),
  /** Louvain's modularity of the partition (−0.5–1; above ~0.3, communities are clear). */
  modularity: z.number(),
});
export type Community = z.infer<typeof CommunitySchema>;
export type NodeCentrality = z.infer<typeof NodeCentralitySchema>;
export type StructuralGap = z.infer<typeof StructuralGapSchema>;
export type ThemeCommunities = z.infer<typeof ThemeCommunitiesSchema>;

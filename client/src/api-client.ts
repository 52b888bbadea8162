import { z } from 'zod';
import {
  ArticleDetailsSchema,
  ConceptSchema,
  CooccurringResponseSchema,
  CypherResponseSchema,
  ElementsSchema,
  ErrorResponseSchema,
  GraphVersionSchema,
  NodeDetailsSchema,
  PairsResponseSchema,
  PathsResponseSchema,
  SearchResponseSchema,
  SimilarResponseSchema,
  StatsSchema,
  ThemeCommunitiesSchema,
  type ArticleDetails,
  type Concept,
  type GroupedLabel,
  type SimilarResult,
  type CooccurringResponse,
  type CypherResponse,
  type Elements,
  type Measure,
  type NodeDetails,
  type NodeLabel,
  type PairsResponse,
  type PathsResponse,
  type SearchResult,
  type ThemeCommunities,
  EvidenceArticleSchema,
  EmergingResponseSchema,
  SignalTimelineResponseSchema,
  TimelineResponseSchema,
  TrendsResponseSchema,
  type EmergingKind,
  type EmergingResponse,
  type Period,
  type SignalTimelineResponse,
  type TimelineResponse,
  type TimeWindow,
  type TrendsResponse,
} from '../../model/index.js';

/**
 * Typed calls to the HTTP API of DESIGN.md. Every answer is checked against the shared model's
 * schema, so a server that drifts from the contract shows as a clear error, not as a broken view.
 */

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(name, value.join(','));
    } else params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function request<S extends z.ZodType>(
  schema: S,
  path: string,
  init: RequestInit & Windowed = {},
): Promise<z.infer<S>> {
  let response: Response;
  const { timeWindow: _window, ...fetchInit } = init;
  try {
    response = await fetch(path, {
      ...fetchInit,
      headers: { accept: 'application/json', ...fetchInit.headers },
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('The server cannot be reached. Is it running (npm start)?', 'UNREACHABLE', 0);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(
      `The server answered ${response.status} with something that is not JSON.`,
      'BAD_RESPONSE',
      response.status,
    );
  }
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(message, code, response.status, details);
    }
    throw new ApiError(
      `The server answered ${response.status} ${response.statusText}.`,
      'HTTP',
      response.status,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ` at ${first.path.join('.') || '(root)'}: ${first.message}` : '';
    throw new ApiError(
      `Unexpected answer from ${path.split('?')[0]}${where}`,
      'BAD_RESPONSE',
      response.status,
    );
  }
  return parsed.data;
}

/**
 * Answers the model does not describe yet (server/http/responses.ts has them, and the client may
 * not import the server): built here from the model's pieces, only the fields the client reads.
 * To move into model/api.ts.
 */
const ThemeLinkSchema = z.object({
  a: z.object({ id: z.string(), name: z.string(), articleCount: z.number() }),
  b: z.object({ id: z.string(), name: z.string(), articleCount: z.number() }),
  articles: z.number(),
  measures: z.object({ count: z.number(), jaccard: z.number(), lift: z.number(), npmi: z.number() }),
  evidence: z.array(EvidenceArticleSchema),
});
export type ThemeLink = z.infer<typeof ThemeLinkSchema>;
const NeighborsSchema = ElementsSchema.extend({
  meta: z.object({ total: z.number() }).optional(),
});
export type Neighbors = z.infer<typeof NeighborsSchema>;

const encodeId = (id: string): string => encodeURIComponent(id);

export interface Signal {
  signal?: AbortSignal;
}

/** Options of the calls that count articles: a time window besides the abort signal. */
export interface Windowed extends Signal {
  timeWindow?: TimeWindow;
}

/** A window's ends as query parameters (`from`/`to`; the paths route names them dateFrom/dateTo). */
function windowQuery(o: Windowed, names = { from: 'from', to: 'to' }): Query {
  return { [names.from]: o.timeWindow?.from, [names.to]: o.timeWindow?.to };
}

export const api = {
  stats: (o: Signal = {}) => request(StatsSchema, '/api/stats', o),
  graphVersion: (o: Signal = {}) => request(GraphVersionSchema, '/api/graph/version', o),

  search: (
    q: string,
    labels: readonly NodeLabel[] = [],
    limit = 12,
    o: Signal = {},
  ): Promise<SearchResult[]> =>
    request(SearchResponseSchema, url('/api/search', { q, labels, limit }), o).then((r) => r.results),

  similar: (text: string, label: GroupedLabel, limit: number, o: Signal = {}): Promise<SimilarResult[]> =>
    request(SimilarResponseSchema, url('/api/similar', { text, label, limit }), o).then((r) => r.results),

  concept: (id: string, limit = 20, o: Windowed = {}): Promise<Concept> =>
    request(ConceptSchema, url(`/api/concepts/${encodeId(id)}`, { ...windowQuery(o), limit }), o),

  node: (id: string, o: Signal = {}): Promise<NodeDetails> =>
    request(NodeDetailsSchema, `/api/nodes/${encodeId(id)}`, o),

  neighbors: (
    id: string,
    labels: readonly NodeLabel[],
    limit: number,
    o: Windowed = {},
  ): Promise<Neighbors> =>
    request(
      NeighborsSchema,
      url(`/api/nodes/${encodeId(id)}/neighbors`, { labels, limit, ...windowQuery(o) }),
      o,
    ),

  article: (id: string, o: Signal = {}): Promise<ArticleDetails> =>
    request(ArticleDetailsSchema, `/api/articles/${encodeId(id)}`, o),

  themes: (minCount: number, limit: number, o: Windowed = {}): Promise<Elements> =>
    request(ElementsSchema, url('/api/themes/network', { ...windowQuery(o), minCount, limit }), o),

  themeCommunities: (minCount: number, limit: number, o: Windowed = {}): Promise<ThemeCommunities> =>
    request(
      ThemeCommunitiesSchema,
      url('/api/themes/communities', { ...windowQuery(o), minCount, limit }),
      o,
    ),

  themeLink: (a: string, b: string, limit = 50, o: Windowed = {}): Promise<ThemeLink> =>
    request(ThemeLinkSchema, url('/api/themes/link', { ...windowQuery(o), a, b, limit }), o),

  cooccurring: (
    id: string,
    measure: Measure,
    minCount: number,
    limit: number,
    o: Windowed = {},
  ): Promise<CooccurringResponse> =>
    request(
      CooccurringResponseSchema,
      url(`/api/issues/${encodeId(id)}/cooccurring`, { ...windowQuery(o), measure, minCount, limit }),
      o,
    ),

  pairs: (measure: Measure, minCount: number, limit: number, o: Windowed = {}): Promise<PairsResponse> =>
    request(
      PairsResponseSchema,
      url('/api/issues/pairs', { ...windowQuery(o), measure, minCount, limit }),
      o,
    ),

  paths: (
    from: string,
    to: string,
    maxHops: number,
    avoidHubs: boolean,
    o: Windowed = {},
  ): Promise<PathsResponse> =>
    request(
      PathsResponseSchema,
      url('/api/paths', {
        from,
        to,
        maxHops,
        avoidHubs,
        ...windowQuery(o, { from: 'dateFrom', to: 'dateTo' }),
      }),
      o,
    ),

  timeline: (period: Period, o: Signal = {}): Promise<TimelineResponse> =>
    request(TimelineResponseSchema, url('/api/timeline', { period }), o),

  trends: (ids: readonly string[], period: Period, o: Windowed = {}): Promise<TrendsResponse> =>
    request(TrendsResponseSchema, url('/api/trends', { ...windowQuery(o), ids, period }), o),

  emerging: (
    kind: EmergingKind,
    options: { since?: string; minCount: number; limit: number; period: Period },
    o: Windowed = {},
  ): Promise<EmergingResponse> =>
    request(EmergingResponseSchema, url('/api/emerging', { ...windowQuery(o), kind, ...options }), o),

  signalTimeline: (
    of: string,
    minRelevancy: number | undefined,
    limit: number,
    o: Windowed = {},
  ): Promise<SignalTimelineResponse> =>
    request(
      SignalTimelineResponseSchema,
      url('/api/signals/timeline', { ...windowQuery(o), of, minRelevancy, limit }),
      o,
    ),

  cypher: (query: string, params: Record<string, unknown>, o: Signal = {}): Promise<CypherResponse> =>
    request(CypherResponseSchema, '/api/cypher', {
      ...o,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, params }),
    }),
};

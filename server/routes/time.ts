import { z } from 'zod';
import {
  EMERGING_KINDS,
  EMERGING_MIN_COUNT,
  EMERGING_STATISTIC_TEXT,
  EmergingResponseSchema,
  IsoDateSchema,
  SignalTimelineResponseSchema,
  TimelineResponseSchema,
  timeWindowSchema,
  TREND_LABELS,
  TrendsResponseSchema,
  VIEW_DEFAULTS,
} from '../../model/index.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { defineRoute } from '../http/api-route.js';
import {
  commaListInput,
  limitInput,
  nodeIdInput,
  periodInput,
  WINDOW_EXPLAINED,
  windowOf,
} from '../http/inputs.js';
import { readEmerging } from '../queries/emerging.js';
import { readSignalTimeline } from '../queries/signal-timeline.js';
import { readTimeline, readTrendsAnswer } from '../queries/trends.js';

export const timelineRoute = defineRoute({
  method: 'get',
  path: '/api/timeline',
  tag: 'time',
  summary: 'Articles per week, month or quarter: the histogram under the time window',
  description:
    'Every dated article counted per period (`counts`, aligned with `periods`, the first day of each), from the first article date to the last. Undated articles (a PAGE that does not start with YYYYMMDD) are counted apart in `undated`: they are on no axis, and any time window leaves them out.',
  query: z.strictObject({ period: periodInput }),
  response: TimelineResponseSchema,
  errors: { 400: 'Invalid parameter.', 503: 'Neo4j is unreachable.' },
  handle: async ({ query }, { reader }) =>
    reader.cached(`timeline ${query.period}`, (tx) => readTimeline(tx, query.period)),
});

const trendIds = commaListInput(nodeIdInput(TREND_LABELS), { min: 1, max: 50 }).meta({
  description:
    'Node ids (1–50), comma-separated or repeated: themes, issues, keywords, signals, categories, concerns, behaviors, technologies, or groups of them.',
  example: 'Theme:energy,IssueGroup:grid-strain',
});

export const trendsRoute = defineRoute({
  method: 'get',
  path: '/api/trends',
  tag: 'time',
  summary: 'Trends: articles per period of themes, issues, keywords, signals or groups, first and last seen',
  description: `For each node: its articles (a group's through its members) counted per period on one axis for all (\`periods\`), its first and last article dates, and its undated articles apart. The axis runs over the window, within the first and last article dates of the graph. ${WINDOW_EXPLAINED} Ids that name no node are listed in \`missing\`.`,
  query: timeWindowSchema().safeExtend({ ids: trendIds, period: periodInput }),
  response: TrendsResponseSchema,
  errors: { 400: 'Invalid parameter.', 503: 'Neo4j is unreachable.' },
  handle: async ({ query }, { reader }) =>
    reader.read((tx) => readTrendsAnswer(tx, query.ids, { period: query.period, window: windowOf(query) })),
});

const defaults = VIEW_DEFAULTS.emerging;

export const emergingRoute = defineRoute({
  method: 'get',
  path: '/api/emerging',
  tag: 'time',
  summary:
    'Emerging themes, issues, keywords or signals: growth of the recent part of the window over the baseline before it',
  description: `Units of a kind (a name's group where the graph has one, else the name) ranked by a growth score with its evidence: the newest recent articles of each. The window (\`from\`, \`to\`; by default every dated article) is split at \`since\`: the recent part runs from \`since\` to the end, the baseline is everything before. By default \`since\` is the day from which the newest quarter of the window's dated articles run. ${EMERGING_STATISTIC_TEXT} Each item also has its articles per period over the window (\`counts\` on \`periods\`).`,
  query: timeWindowSchema().safeExtend({
    kind: z
      .enum(EMERGING_KINDS)
      .default(defaults.kind)
      .meta({
        description: `What to rank: ${EMERGING_KINDS.join(', ')} (default ${defaults.kind}).`,
      }),
    since: IsoDateSchema.optional().meta({
      description:
        'First day of the recent part (YYYY-MM-DD), after `from` and not after `to`. Default: the newest quarter of the window’s dated articles.',
      example: '2025-07-01',
    }),
    minCount: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(EMERGING_MIN_COUNT)
      .meta({
        description: `Recent articles a unit needs to be scored at all (default ${EMERGING_MIN_COUNT}).`,
      }),
    limit: limitInput(defaults.limit, 100),
    evidence: limitInput(5, 20).meta({ description: 'Recent articles per item at most (1–20, default 5).' }),
    period: periodInput,
  }),
  response: EmergingResponseSchema,
  errors: { 400: 'Invalid parameter, or `since` outside the window.', 503: 'Neo4j is unreachable.' },
  handle: async ({ query }, { reader }) => {
    const window = windowOf(query);
    const outside =
      query.since && ((window.from && query.since <= window.from) || (window.to && query.since > window.to));
    if (outside) {
      const message = `since (${query.since}) must be after from (${window.from ?? 'open'}) and not after to (${window.to ?? 'open'}): the recent part is the end of the window`;
      throw new InvalidInputError(`Invalid query parameter "since": ${message}.`, {
        issues: [{ in: 'query parameter', field: 'since', code: 'custom', message }],
      });
    }
    const { kind, since, minCount, limit, evidence, period } = query;
    return reader.cached(
      `emerging ${kind} ${since ?? ''} ${minCount} ${limit} ${evidence} ${period}`,
      (tx) =>
        readEmerging(tx, {
          kind,
          window,
          ...(since ? { since } : {}),
          minCount,
          limit,
          evidenceLimit: evidence,
          period,
        }),
      { window },
    );
  },
});

export const signalTimelineRoute = defineRoute({
  method: 'get',
  path: '/api/signals/timeline',
  tag: 'time',
  summary: 'The signals of a theme, issue, keyword or concept over time, newest first',
  description: `Every signal row of the articles of \`of\` (a group's through its members): the signal, its change, 10-year horizon, driving force and relevancy, with its article and the article's date; newest article first, undated last. \`minRelevancy\` keeps rows of at least that relevancy (rows without one are then left out). ${WINDOW_EXPLAINED}`,
  query: timeWindowSchema().safeExtend({
    of: nodeIdInput(TREND_LABELS),
    minRelevancy: z.coerce
      .number()
      .int()
      .min(1)
      .max(5)
      .optional()
      .meta({ description: 'Only rows of at least this relevancy (1–5).' }),
    limit: limitInput(50, 500),
  }),
  response: SignalTimelineResponseSchema,
  errors: { 400: 'Invalid parameter.', 404: 'No such node.', 503: 'Neo4j is unreachable.' },
  handle: async ({ query }, { reader }) => {
    const found = await reader.read((tx) =>
      readSignalTimeline(tx, query.of, {
        ...(query.minRelevancy === undefined ? {} : { minRelevancy: query.minRelevancy }),
        limit: query.limit,
        window: windowOf(query),
      }),
    );
    if (!found) throw new NotFoundError(`No node ${query.of.id}.`, { id: query.of.id });
    return found;
  },
});

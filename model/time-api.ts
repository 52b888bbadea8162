import { z } from 'zod';
import { EvidenceArticleSchema, NodeLabelSchema } from './api.js';
import { EMERGING_KINDS } from './emerging.js';
import { PeriodSchema, WindowEchoSchema } from './time-window.js';

/** Answers of the time routes: the article histogram, trends, emerging units and signal timelines. */

export const DatedArticleSchema = EvidenceArticleSchema.extend({ date: z.string().nullable() });
export type DatedArticle = z.infer<typeof DatedArticleSchema>;

/** Series are counts aligned with `periods` (each the first day of a week, month or quarter). */
const AxisFields = {
  period: PeriodSchema,
  periods: z.array(z.string()),
  /** The span held more periods than an axis shows: the oldest were left off. */
  clipped: z.boolean(),
};

export const TimelineResponseSchema = z.object({
  ...AxisFields,
  /** Articles per period (documents, not stubs). */
  counts: z.array(z.number()),
  first: z.string().nullable(),
  last: z.string().nullable(),
  dated: z.number(),
  /** Articles without a date: on no axis, and left out whenever a window is set. */
  undated: z.number(),
});
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;

export const TrendSchema = z.object({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  /** Dated articles in the window (all dated articles when none is set). */
  total: z.number(),
  /** Its articles without a date, wherever they are: on no axis. */
  undated: z.number(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  counts: z.array(z.number()),
});
export type Trend = z.infer<typeof TrendSchema>;

export const TrendsResponseSchema = z.object({
  ...AxisFields,
  window: WindowEchoSchema,
  items: z.array(TrendSchema),
  /** Ids asked for that name no node. */
  missing: z.array(z.string()),
});
export type TrendsResponse = z.infer<typeof TrendsResponseSchema>;

export const EmergingItemSchema = z.object({
  id: z.string(),
  label: NodeLabelSchema,
  name: z.string(),
  /** Member names of a group; 1 for a name in no group. */
  size: z.number(),
  recent: z.number(),
  baseline: z.number(),
  recentShare: z.number(),
  baselineShare: z.number(),
  growth: z.number(),
  standardError: z.number(),
  score: z.number(),
  ratioAtLeast: z.number(),
  /** No baseline article: first seen in the recent part. */
  isNew: z.boolean(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  counts: z.array(z.number()),
  /** Its recent articles, newest first. */
  evidence: z.array(DatedArticleSchema),
});
export type EmergingItem = z.infer<typeof EmergingItemSchema>;

export const EmergingResponseSchema = z.object({
  ...AxisFields,
  kind: z.enum(EMERGING_KINDS),
  window: WindowEchoSchema,
  /** First day of the recent part; the baseline is the window before it. */
  since: z.string().nullable(),
  recentArticles: z.number(),
  baselineArticles: z.number(),
  minCount: z.number(),
  /** Units with at least minCount recent articles: the ones scored. */
  considered: z.number(),
  statistic: z.string(),
  items: z.array(EmergingItemSchema),
  /** Why nothing could be scored, when nothing could. */
  message: z.string().optional(),
});
export type EmergingResponse = z.infer<typeof EmergingResponseSchema>;

export const SignalEntrySchema = z.object({
  article: DatedArticleSchema,
  signal: z.object({ id: z.string(), name: z.string() }),
  description: z.string().optional(),
  change: z.string().optional(),
  tenYear: z.string().optional(),
  drivingForce: z.string().optional(),
  relevancy: z.number().optional(),
});
export type SignalEntry = z.infer<typeof SignalEntrySchema>;

export const SignalTimelineResponseSchema = z.object({
  of: z.object({ id: z.string(), label: NodeLabelSchema, name: z.string() }),
  window: WindowEchoSchema,
  minRelevancy: z.number().nullable(),
  /** Signal rows matching, before the limit. */
  total: z.number(),
  signals: z.array(SignalEntrySchema),
});
export type SignalTimelineResponse = z.infer<typeof SignalTimelineResponseSchema>;

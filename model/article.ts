import { z } from 'zod';

/**
 * The typed record one digest document becomes. The parser produces it, the writer stores it, and
 * the round-trip tests read it back from Neo4j: every fact of the document is in here.
 */

const text = z.string().min(1);
const relevancy = z.number().int().min(1).max(5);

/** A row of a Concerns, Behaviors or Issues table. */
export const FactRowSchema = z.strictObject({
  name: text,
  description: text.optional(),
  relevancy: relevancy.optional(),
  /** Cells of columns the parser did not recognise, as `column: value`, kept so nothing is lost. */
  extra: z.array(text).optional(),
});
export type FactRow = z.infer<typeof FactRowSchema>;

export const SignalRowSchema = FactRowSchema.extend({
  change: text.optional(),
  tenYear: text.optional(),
  drivingForce: text.optional(),
});
export type SignalRow = z.infer<typeof SignalRowSchema>;

export const TechnologyRowSchema = FactRowSchema.extend({
  /** The `src` column of name-less Technologies tables: the file hash of the document itself. */
  src: text.optional(),
});
export type TechnologyRow = z.infer<typeof TechnologyRowSchema>;

export const ClosestLinkSchema = z.strictObject({
  /** The target article's id (a file hash in the collection). */
  id: text,
  title: text.optional(),
  /** 1-based position in the Closest list after self-links and repeats are dropped. */
  rank: z.number().int().positive(),
});
export type ClosestLink = z.infer<typeof ClosestLinkSchema>;

export const LAYOUTS = ['new', 'old', 'short', 'seed', 'other'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const ArticleRecordSchema = z.strictObject({
  id: text,
  /** Path relative to the ingest root, `/`-separated, with extension. */
  file: text,
  title: text,
  url: text.optional(),
  page: text.optional(),
  pageUrl: text.optional(),
  /** ISO `YYYY-MM-DD`, only when PAGE starts with YYYYMMDD. */
  date: z.iso.date().optional(),
  category: text.optional(),
  type: text.optional(),
  summary: text.optional(),
  language: text.optional(),
  layout: z.enum(LAYOUTS),
  keywords: z.array(text),
  themes: z.array(text),
  signals: z.array(SignalRowSchema),
  concerns: z.array(FactRowSchema),
  behaviors: z.array(FactRowSchema),
  technologies: z.array(TechnologyRowSchema),
  issues: z.array(FactRowSchema),
  closest: z.array(ClosestLinkSchema),
  /** `Key: value` items of the Other list beyond Category and Type. */
  otherFields: z.array(text).optional(),
  /** Raw markdown of sections the parser did not recognise (each also reported as a warning). */
  extraSections: z.array(text).optional(),
  /** sha256 of the file's bytes, hex. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

export const FACT_SECTIONS = ['signals', 'concerns', 'behaviors', 'technologies', 'issues'] as const;
export type FactSection = (typeof FACT_SECTIONS)[number];

export const COUNT_KEYS = [
  'keywords',
  'themes',
  'signals',
  'concerns',
  'behaviors',
  'technologies',
  'issues',
  'closest',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type FactCounts = Record<CountKey, number>;

export function countFacts(article: ArticleRecord): FactCounts {
  return {
    keywords: article.keywords.length,
    themes: article.themes.length,
    signals: article.signals.length,
    concerns: article.concerns.length,
    behaviors: article.behaviors.length,
    technologies: article.technologies.length,
    issues: article.issues.length,
    closest: article.closest.length,
  };
}

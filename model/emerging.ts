import { NODE_LABELS, type EntityLabel, type NodeLabel } from './labels.js';

/**
 * What is emerging: a theme, issue, keyword or signal whose share of articles grew from an earlier
 * baseline to a recent part of the time window. Pure so the server, the client and the tests agree
 * on the arithmetic.
 *
 * For a unit with r recent and b baseline articles, out of R recent and B baseline articles of its
 * kind (articles with at least one theme, for themes):
 *
 *   growth  = ln( ((r + ½) / (R + 1)) / ((b + ½) / (B + 1)) )      smoothed log-ratio of the shares
 *   se      = √( 1/(r + ½) + 1/(b + ½) )                           its standard error (Poisson counts)
 *   score   = growth − 1.645 · se                                   one-sided 95 % lower bound
 *
 * The ½ (Jeffreys' prior) keeps a unit absent from the baseline finite instead of infinitely new.
 * Ranking by the lower bound, not by the growth, is what keeps tiny counts quiet: 1 recent article
 * against 0 has a large growth but a standard error of 1.6, so its score stays below that of 6
 * against 2. A unit must also have at least `minCount` recent articles (3 by default) to be ranked
 * at all, and only scores above 0 (grew, at 95 % confidence) are listed.
 */

export const EMERGING_KINDS = ['theme', 'issue', 'keyword', 'signal'] as const;
export type EmergingKind = (typeof EMERGING_KINDS)[number];

/** The entity label each kind counts (or its concept group, where the graph has one). */
export const KIND_LABEL: Record<EmergingKind, EntityLabel> = {
  theme: 'Theme',
  issue: 'Issue',
  keyword: 'Keyword',
  signal: 'Signal',
};

/** Labels with a trend over time: what articles link to, and groups of it; not articles or pages. */
export const TREND_LABELS: readonly NodeLabel[] = NODE_LABELS.filter(
  (label) => label !== 'Article' && label !== 'Page',
);

/** z of the one-sided 95 % bound. */
export const EMERGING_Z = 1.645;
/** Added to each count (and twice to each total): Jeffreys' prior for a rate. */
export const EMERGING_PRIOR = 0.5;
/** Recent articles a unit needs before it is ranked. */
export const EMERGING_MIN_COUNT = 3;
/** By default the recent part holds the newest quarter of the window's dated articles. */
export const EMERGING_RECENT_SHARE = 0.25;

export const EMERGING_STATISTIC_TEXT =
  'Score = lower 95 % bound of the smoothed log-ratio of a unit’s share of recent articles to its share of baseline articles: ln(((r+½)/(R+1)) / ((b+½)/(B+1))) − 1.645·√(1/(r+½) + 1/(b+½)). Units need at least minCount recent articles; only scores above 0 are listed. Tiny counts have a large standard error, so they do not rank high.';

export interface EmergingCounts {
  /** Recent articles of the unit (r) and baseline articles of the unit (b). */
  recent: number;
  baseline: number;
  /** Recent articles of its kind (R) and baseline articles of its kind (B). */
  recentTotal: number;
  baselineTotal: number;
}

export interface EmergingScore {
  /** r / R and b / B, unsmoothed, for display. */
  recentShare: number;
  baselineShare: number;
  /** The smoothed log-ratio, its standard error and the lower bound that ranks. */
  growth: number;
  standardError: number;
  score: number;
  /** exp(score): the share grew at least this many times over, at 95 % confidence. */
  ratioAtLeast: number;
}

export function emergingScore({
  recent,
  baseline,
  recentTotal,
  baselineTotal,
}: EmergingCounts): EmergingScore {
  const prior = EMERGING_PRIOR;
  const growth = Math.log(
    (recent + prior) / (recentTotal + 2 * prior) / ((baseline + prior) / (baselineTotal + 2 * prior)),
  );
  const standardError = Math.sqrt(1 / (recent + prior) + 1 / (baseline + prior));
  const score = growth - EMERGING_Z * standardError;
  return {
    recentShare: recentTotal > 0 ? recent / recentTotal : 0,
    baselineShare: baselineTotal > 0 ? baseline / baselineTotal : 0,
    growth,
    standardError,
    score,
    ratioAtLeast: Math.exp(score),
  };
}

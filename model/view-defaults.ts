import type { Measure } from './cooccurrence.js';
import type { EmergingKind } from './emerging.js';
import type { Period } from './time-window.js';

/**
 * What the client's whole-graph views ask for until the user changes a control. The server warms
 * exactly these answers after it starts (server/http/warm-up.ts), so the first visit to the themes
 * map or the strongest pairs does not wait for an aggregation over the whole graph.
 */
export const VIEW_DEFAULTS = {
  themes: { minCount: 2, limit: 300 },
  issues: { measure: 'npmi' as Measure, minCount: 2, pairsLimit: 100 },
  /** The histogram of the time window control, on every view. */
  timeline: { period: 'month' as Period },
  emerging: { kind: 'theme' as EmergingKind, minCount: 3, limit: 30, period: 'month' as Period },
} as const;

import type { Topic } from './lexicon/index.js';
import { mix32 } from './prng.js';
import type { Family } from './text/families.js';

/**
 * Time in a generated corpus: some subjects rise and some fade, so that trends and the emerging
 * units of a generated graph are real (and the emerging route has real work at scale). A document
 * of a rising topic or anchor family takes the later of two page-date draws, a fading one the
 * earlier; the rest keep their one draw, unchanged. Which topics and families drift is fixed (a
 * rule on their indexes), not per seed: every sixth topic rises, every sixth from the fourth fades;
 * one anchor family in ten rises and one in ten fades; a rising family in a fading topic does
 * neither.
 */
export type Drift = -1 | 0 | 1;

export function driftOf(topic: Topic, anchor: Family): Drift {
  const byTopic = topic.index % 6 === 0 ? 1 : topic.index % 6 === 3 ? -1 : 0;
  const family = mix32(
    mix32(mix32(mix32(anchor.topic.index) ^ anchor.subject) ^ anchor.domain) ^ anchor.aspect,
  );
  const byFamily = family % 10 === 0 ? 1 : family % 10 === 1 ? -1 : 0;
  return Math.sign(byTopic + byFamily) as Drift;
}

/** The later (rising) or earlier (fading) of two YYYYMMDD page dates. */
export function drifted(drift: Drift, first: string, second: () => string): string {
  if (drift === 0) return first;
  const other = second();
  const day = (page: string): string => page.slice(0, 8);
  return (drift > 0 ? day(other) > day(first) : day(other) < day(first)) ? other : first;
}

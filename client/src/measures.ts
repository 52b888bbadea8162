import { MEASURES, type Measure, type Measures } from '../../model/index.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';

/** The co-occurrence measures of DESIGN.md, named and explained the same way everywhere. */
export const MEASURE_INFO: Record<Measure, { title: string; help: string; digits: number }> = {
  count: { title: 'Count', help: 'Articles having both', digits: 0 },
  jaccard: { title: 'Jaccard', help: 'Shared articles ÷ articles having either (0–1)', digits: 3 },
  lift: { title: 'Lift', help: 'How many times more often together than by chance (1 = chance)', digits: 2 },
  npmi: {
    title: 'NPMI',
    help: 'Normalised pointwise mutual information (−1 to 1; 0 = independent)',
    digits: 3,
  },
};

export function formatMeasure(measure: Measure, value: number): string {
  return formatNumber(value, MEASURE_INFO[measure].digits);
}

export function measuresTable(measures: Measures): HTMLElement {
  return h(
    'dl',
    { class: 'property-list measures' },
    ...MEASURES.flatMap((measure) => [
      h('dt', { text: MEASURE_INFO[measure].title, title: MEASURE_INFO[measure].help }),
      h('dd', { text: formatMeasure(measure, measures[measure]) }),
    ]),
  );
}

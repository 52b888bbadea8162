import type { ArticleRecord, SignalRow } from '../../../model/index.js';
import type { FixtureGroup } from './fixture-articles.js';

/**
 * Twenty monthly digests, t01 (2024-01-15) to t20 (2025-08-15), and t21 without a date, written so
 * that what is emerging can be worked out by hand (tests/server/time.test.ts does):
 *   Energy: every dated article · Chips: t01–t10 · Water: t05, t18 · Heat: t17–t20 and t21 (undated)
 *   Issues: "Chip shortage" t01–t10, "Water scarcity" t11–t16, the grid group (three names) t17–t19,
 *   "Heat deaths" t20.
 * The newest quarter of the 20 dated articles starts at t16 (2025-04-15): recent t16–t20, baseline
 * t01–t15. Heat (4 recent, 0 before) and the grid group (3, 0) emerge; Energy (5, 15) does not, and
 * Water (1, 1) is too small to count.
 */

const HASH = (index: number): string => index.toString(16).padStart(64, '0');
const month = (index: number): string => {
  const m = index - 1;
  return `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-15`;
};

const SIGNALS: Record<number, SignalRow[]> = {
  10: [{ name: 'Fab subsidies', change: 'State money for chip plants', relevancy: 3 }],
  17: [
    {
      name: 'Cooling demand',
      description: 'Air conditioning drives summer peaks.',
      change: 'Peaks move to summer',
      tenYear: 'Grids sized for heat',
      drivingForce: 'Hotter summers',
      relevancy: 5,
    },
  ],
  18: [{ name: 'Shade trees', change: 'Cities plant for shade', relevancy: 2 }],
  20: [{ name: 'Heat insurance', change: 'Insurers price heatwaves', relevancy: 4 }],
  21: [{ name: 'Night heat', change: 'Nights stop cooling', relevancy: 3 }],
};

function issueOf(index: number): string | null {
  if (index <= 10) return 'Chip shortage';
  if (index <= 16) return 'Water scarcity';
  return ['Grid strain', 'Grid stress', 'Grid strain in summer', 'Heat deaths'][index - 17] ?? null;
}

function themesOf(index: number): string[] {
  const dated = index <= 20;
  return [
    ...(dated ? ['Energy'] : []),
    ...(index <= 10 ? ['Chips'] : []),
    ...(index === 5 || index === 18 ? ['Water'] : []),
    ...(index >= 17 ? ['Heat'] : []),
  ];
}

export const TIMELINE_ARTICLES: ArticleRecord[] = Array.from({ length: 21 }, (_, i) => {
  const index = i + 1;
  const id = `t${String(index).padStart(2, '0')}`;
  const date = index <= 20 ? month(index) : undefined;
  const page = date ? date.replaceAll('-', '') : '4321.0';
  const issue = issueOf(index);
  return {
    id,
    file: `${id}.md`,
    title: `Digest ${id}`,
    page,
    pageUrl: `https://kghosh.substack.com/p/${page}`,
    ...(date ? { date } : {}),
    layout: 'new',
    keywords: [],
    themes: themesOf(index),
    signals: SIGNALS[index] ?? [],
    concerns: [],
    behaviors: [],
    technologies: [],
    issues: issue ? [{ name: issue, description: `About ${issue.toLowerCase()}.` }] : [],
    closest: [],
    contentHash: HASH(index),
  };
});

export const TIMELINE_GROUPS: FixtureGroup[] = [
  {
    key: 'grid',
    name: 'Grid strain',
    members: [
      { issue: 'Grid strain', reason: 'core', similarity: 1 },
      { issue: 'Grid stress', reason: 'shares: grid', similarity: 0.8 },
      { issue: 'Grid strain in summer', reason: 'shares: grid, strain', similarity: 0.7 },
    ],
  },
];

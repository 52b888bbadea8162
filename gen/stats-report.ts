import { mean, quantile, total, type Counts } from './histogram.js';
import { heapsExponent } from './measure/index.js';
import { TABLE_SECTIONS, type CorpusProfile, type LayoutProfile } from './profile.js';
import type { VocabularyFit } from './fit/fit-vocabulary.js';

type Measure = (profile: CorpusProfile) => string;

const pct = (part: number, of: number): string => (of > 0 ? `${((100 * part) / of).toFixed(1)}%` : '–');
const num = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function merged(profile: CorpusProfile, pick: (layout: LayoutProfile) => Counts): Counts {
  const out: Counts = {};
  for (const layout of Object.values(profile.byLayout)) {
    for (const [key, count] of Object.entries(pick(layout))) out[key] = (out[key] ?? 0) + count;
  }
  return out;
}

function summed(profile: CorpusProfile, pick: (layout: LayoutProfile) => number): number {
  return Object.values(profile.byLayout).reduce((sum, layout) => sum + pick(layout), 0);
}

function shares(counts: Counts, keys: readonly string[]): string {
  return keys.map((key) => pct(counts[key] ?? 0, total(counts))).join(' / ');
}

function spread(counts: Counts): string {
  if (total(counts) === 0) return '–';
  return `${num(mean(counts))} (${quantile(counts, 0.1)}–${quantile(counts, 0.9)})`;
}

function wordShares(counts: Counts): string {
  const all = total(counts);
  const three = Object.entries(counts).reduce((sum, [key, count]) => sum + (Number(key) >= 3 ? count : 0), 0);
  return `${pct(counts['1'] ?? 0, all)} / ${pct(counts['2'] ?? 0, all)} / ${pct(three, all)}`;
}

const newLayout = (profile: CorpusProfile): LayoutProfile | undefined => profile.byLayout.new;

const MEASURES: ReadonlyArray<[string, Measure]> = [
  ['documents', (p) => String(p.docs)],
  ['layout new / old / short', (p) => shares(p.layouts, ['new', 'old', 'short'])],
  [
    'title style old / new',
    (p) =>
      shares(
        merged(p, (l) => l.titleStyle),
        ['old', 'new'],
      ),
  ],
  [
    'page: date / +letter / slug / number',
    (p) =>
      shares(
        merged(p, (l) => l.pageForm),
        ['date', 'date-letter', 'slug', 'number'],
      ),
  ],
  [
    'page with a space in it',
    (p) =>
      pct(
        summed(p, (l) => l.pageSpace),
        p.docs,
      ),
  ],
  ['external link with tracking query', (p) => pct(p.docs - (merged(p, (l) => l.query).none ?? 0), p.docs)],
  [
    '  utm / ref / mailchimp / token / other',
    (p) =>
      shares(
        merged(p, (l) => l.query),
        ['utm', 'ref', 'mailchimp', 'token', 'other'],
      ),
  ],
  [
    'Signals header new / old',
    (p) =>
      shares(
        merged(p, (l) => l.signalsHeader),
        ['new', 'old'],
      ),
  ],
  ['relevancy columns (new layout)', (p) => pct(newLayout(p)?.relevancy ?? 0, newLayout(p)?.docs ?? 0)],
  [
    'name-less Technologies (of those)',
    (p) => pct(newLayout(p)?.nameless ?? 0, newLayout(p)?.relevancy ?? 0),
  ],
  ['one name in two tables (new layout)', (p) => pct(newLayout(p)?.sharedName ?? 0, newLayout(p)?.docs ?? 0)],
  [
    'sentence-case table names',
    (p) =>
      pct(
        summed(p, (l) => l.sentenceCase),
        p.docs,
      ),
  ],
  ['padded tables', (p) => pct(p.tables.padded, p.tables.all)],
  [
    'split keyword/theme lists',
    (p) =>
      pct(
        summed(p, (l) => l.split),
        p.docs,
      ),
  ],
  [
    'French documents',
    (p) =>
      pct(
        summed(p, (l) => l.french),
        p.docs,
      ),
  ],
  [
    'trailing newline',
    (p) =>
      pct(
        summed(p, (l) => l.trailingNewline),
        p.docs,
      ),
  ],
  ['curly apostrophes', (p) => pct(p.markers['curly apostrophe'] ?? 0, p.docs)],
  [
    'curly double quotes / « »',
    (p) =>
      `${pct(p.markers['curly double quotes'] ?? 0, p.docs)} / ${pct(p.markers.guillemets ?? 0, p.docs)}`,
  ],
  ['€ / £ / °', (p) => ['euro', 'pound', 'degree'].map((m) => pct(p.markers[m] ?? 0, p.docs)).join(' / ')],
  [
    'em dash / accents (not French) / ____',
    (p) =>
      ['em dash', 'accented letter', 'underscores in a cell']
        .map((m) => pct(p.markers[m] ?? 0, p.docs))
        .join(' / '),
  ],
  ['Closest lists of 5 / 10 / other', (p) => closestShares(p)],
  ['Closest lists with a self-link', (p) => closestSelf(p)],
  [
    'category technology / science / politics / others',
    (p) => shares(p.category, ['technology', 'science', 'politics', 'others']),
  ],
  [
    'type blog post / news / research article',
    (p) => shares(p.type, ['blog post', 'news', 'research article']),
  ],
  ['keywords per doc: mean (p10–p90)', (p) => spread(merged(p, (l) => l.keywords))],
  ['themes per doc', (p) => spread(merged(p, (l) => l.themes))],
  ...TABLE_SECTIONS.map((section): [string, Measure] => [
    `rows per ${section} table`,
    (p) => spread(merged(p, (l) => l.rows[section] ?? {})),
  ]),
  ...[...TABLE_SECTIONS, 'Signals (old)'].map((section): [string, Measure] => [
    `words per ${section} name`,
    (p) => spread(p.nameWords[section] ?? {}),
  ]),
  ['words per keyword 1 / 2 / 3+', (p) => wordShares(p.keywordWords)],
  ['words per theme 1 / 2 / 3+', (p) => wordShares(p.themeWords)],
  ['words per title', (p) => spread(p.titleWords)],
  ['summary characters', (p) => spread(p.summaryChars)],
  ['Concerns description characters', (p) => spread(p.cellChars['Concerns.description'] ?? {})],
  ['Signals 10-year characters', (p) => spread(p.cellChars['Signals.10-year'] ?? {})],
  ['relevancy 3 / 4 / 5', (p) => shares(p.relevancyValues, ['3', '4', '5'])],
  ...(['Keywords', 'Themes'] as const).flatMap((list): Array<[string, Measure]> => [
    [
      `${list}: mentions / distinct`,
      (p) => `${p.repetition[list]?.mentions ?? 0} / ${p.repetition[list]?.distinct ?? 0}`,
    ],
    [`${list}: names in 2+ docs`, (p) => repeated(p, list)],
    [`${list}: docs of the top name`, (p) => String(p.repetition[list]?.topDocs ?? 0)],
    [`${list}: Heaps exponent`, (p) => num(heapsExponent(p.growth[list] ?? []), 2)],
  ]),
  ...TABLE_SECTIONS.map((section): [string, Measure] => [
    `${section}: names in 2+ docs`,
    (p) => repeated(p, section),
  ]),
  ...TABLE_SECTIONS.map((section): [string, Measure] => [
    `${section}: near-equivalent elsewhere`,
    (p) => pct(p.nearEquivalent[section]?.near ?? 0, p.nearEquivalent[section]?.names ?? 0),
  ]),
];

function repeated(profile: CorpusProfile, list: string): string {
  const stats = profile.repetition[list];
  if (!stats) return '–';
  return `${stats.repeated} (${pct(stats.repeated, stats.distinct)})`;
}

function closestShares(profile: CorpusProfile): string {
  const lists = profile.byLayout.old?.closest ?? [];
  const five = lists.filter(([entries]) => entries === 5).length;
  const ten = lists.filter(([entries]) => entries === 10).length;
  return `${pct(five, lists.length)} / ${pct(ten, lists.length)} / ${pct(lists.length - five - ten, lists.length)}`;
}

function closestSelf(profile: CorpusProfile): string {
  const lists = profile.byLayout.old?.closest ?? [];
  return pct(lists.filter(([, self]) => (self ?? 0) > 0).length, lists.length);
}

/**
 * Real against generated, one measured distribution a line. Counts that grow with the number of
 * documents (names in 2+ documents) compare at the corpus's size: the `first` column measures the
 * first documents generated, as many as the corpus has.
 */
export function statsReport(
  real: CorpusProfile,
  first: CorpusProfile,
  all: CorpusProfile,
  fit?: VocabularyFit,
): string {
  const headers = [
    'measure',
    `real (${real.docs})`,
    `generated, first ${first.docs}`,
    `generated, all ${all.docs}`,
  ];
  const rows = MEASURES.map(([label, measure]) => [label, measure(real), measure(first), measure(all)]);
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const out = [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
  if (fit) {
    out.push('');
    for (const [list, params] of Object.entries(fit)) {
      out.push(
        `fitted ${list}: head share ${num(params.headShare, 4)}, head exponent ${params.headExponent}, tail Zipf–Mandelbrot scale ${params.tail.scale} exponent ${params.tail.exponent}`,
      );
    }
  }
  return out.join('\n');
}

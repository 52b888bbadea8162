import type { Sampler } from '../histogram.js';
import type { TableSection } from '../profile.js';
import type { Rng } from '../prng.js';
import type { TableSpec } from '../render/table.js';
import type { ProfileSamplers } from '../samplers.js';
import type { Family } from './families.js';
import { NAME_TEMPLATES } from './name-templates.js';
import { compile, compileName, type Compiled, type Phraser } from './phrasing.js';
import { CELL_TEMPLATES, EXTENSIONS } from './sentence-templates.js';

const NAMES: Record<string, readonly Compiled[]> = Object.fromEntries(
  Object.entries(NAME_TEMPLATES).map(([section, templates]) => [section, templates.map(compileName)]),
);
const CELLS: Record<string, readonly Compiled[]> = Object.fromEntries(
  Object.entries(CELL_TEMPLATES).map(([key, templates]) => [
    key,
    templates.map((template) => compile(template)),
  ]),
);
const EXTEND = EXTENSIONS.map((extension) => compile(extension));

export interface TableContext {
  rng: Rng;
  phraser: Phraser;
  samplers: ProfileSamplers;
  families: readonly Family[];
  /** Concerns/Behaviors/Technologies/Issues carry a relevancy column. */
  relevancy: boolean;
  /** Technologies is `description, relevancy, src`. */
  nameless: boolean;
  /** Signals with the old `Signal, Change, 10y horizon, Driving force` header. */
  oldSignals: boolean;
  id: string;
}

function length(rng: Rng, sampler: Sampler | undefined, fallback: number): number {
  return sampler ? sampler.number(rng) + rng.int(10) : fallback;
}

/** The rows of one table: each row is a fresh phrasing of one of the document's families. */
export function buildTable(context: TableContext, section: TableSection, rows: number): TableSpec {
  const { rng, phraser, samplers } = context;
  const order = rng.shuffle([...context.families]);
  const nameKey = section === 'Signals' && context.oldSignals ? 'Signals (old)' : section;
  const columns = header(context, section);
  const out: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const family = order[i % order.length]!;
    const other = order[(i + 1) % order.length]!;
    const row = columns.map((column) => {
      if (column === 'relevancy') return samplers.relevancy.sample(rng);
      if (column === 'src') return context.id;
      if (column === 'name' || column === 'Signal') {
        const words = samplers.nameWords[nameKey]?.number(rng) ?? 4;
        return phraser.name(NAMES[nameKey]!, family, other, words);
      }
      const key = `${nameKey}.${column.toLowerCase()}`;
      const target = length(rng, samplers.cellChars[key], 100);
      return phraser.sentence(
        CELLS[key]!,
        EXTEND,
        family,
        other,
        target,
        nameKey === 'Signals (old)' ? '' : '.',
      );
    });
    out.push(row);
  }
  return { header: columns, right: columns.map((column) => column === 'relevancy'), rows: out, padded: true };
}

function header(context: TableContext, section: TableSection): string[] {
  if (section === 'Signals') {
    return context.oldSignals
      ? ['Signal', 'Change', '10y horizon', 'Driving force']
      : ['name', 'description', 'change', '10-year', 'driving-force', 'relevancy'];
  }
  if (section === 'Technologies' && context.nameless) return ['description', 'relevancy', 'src'];
  return context.relevancy ? ['name', 'description', 'relevancy'] : ['name', 'description'];
}

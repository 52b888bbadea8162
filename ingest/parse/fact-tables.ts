import type { SignalRow, TechnologyRow } from '../../model/index.js';
import { fail, type ParseContext } from './context.js';
import type { TableData } from './tables.js';

export type TableKind = 'signals' | 'concerns' | 'behaviors' | 'technologies' | 'issues';
type Field = 'name' | 'description' | 'change' | 'tenYear' | 'drivingForce' | 'relevancy' | 'src';

/** Any row of any table; which fields can be set depends on the section (see COLUMNS). */
export type AnyRow = SignalRow & TechnologyRow;

/** Column names, compared as lowercase letters and digits only: `10-year`, `10y horizon`, `Driving force`. */
const COMMON: Record<string, Field> = {
  name: 'name',
  description: 'description',
  relevancy: 'relevancy',
  relevance: 'relevancy',
};
const COLUMNS: Record<TableKind, Record<string, Field>> = {
  signals: {
    ...COMMON,
    signal: 'name',
    change: 'change',
    '10year': 'tenYear',
    '10yhorizon': 'tenYear',
    '10yearhorizon': 'tenYear',
    tenyear: 'tenYear',
    drivingforce: 'drivingForce',
  },
  concerns: { ...COMMON, concern: 'name' },
  behaviors: { ...COMMON, behavior: 'name', behaviour: 'name' },
  technologies: { ...COMMON, technology: 'name', src: 'src' },
  issues: { ...COMMON, issue: 'name' },
};

const RELEVANCY = /^[1-5]$/;

interface Column {
  field: Field | null;
  label: string;
}

/**
 * Table cells → typed rows, columns matched by name. Unknown columns are warned about once and their
 * cells kept in each row's `extra` as `column: value`. A table without a name column takes the name
 * from the description (the known `description, relevancy, src` Technologies variant, silently;
 * elsewhere with a warning). Returns null, having warned about nothing else, when no column can
 * name a row: the caller keeps the table raw.
 */
export function factRows(
  context: ParseContext,
  sectionName: string,
  kind: TableKind,
  table: TableData,
): AnyRow[] | null {
  const aliases = COLUMNS[kind];
  const seen = new Set<Field>();
  const unknown: { label: string; why: string }[] = [];
  const columns: Column[] = table.header.map((header, index) => {
    const label = header === '' ? `column ${index + 1}` : header;
    const field = aliases[header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')] ?? null;
    if (field === null || seen.has(field)) {
      unknown.push({ label, why: field === null ? 'unknown column' : 'second column' });
      return { field: null, label };
    }
    seen.add(field);
    return { field, label };
  });

  const nameFromDescription = !seen.has('name');
  if (nameFromDescription && !seen.has('description')) return null;
  for (const { label, why } of unknown) {
    context.warn(
      table.line,
      'unknown-column',
      `${why} "${label}" in ${sectionName}; its cells are kept in extra`,
    );
  }
  if (nameFromDescription && kind !== 'technologies') {
    context.warn(
      table.line,
      'name-from-description',
      `${sectionName} table has no name column; names taken from descriptions`,
    );
  }

  return table.rows.map(({ cells, line }) => {
    const values: Partial<Record<Field, string>> = {};
    let relevancy: number | undefined;
    const extra: string[] = [];
    columns.forEach(({ field, label }, index) => {
      const value = cells[index] ?? '';
      if (value === '') return;
      if (field === null) extra.push(`${label}: ${value}`);
      else if (field !== 'relevancy') values[field] = value;
      else if (RELEVANCY.test(value)) relevancy = Number(value);
      else {
        context.warn(
          line,
          'invalid-relevancy',
          `relevancy "${value}" is not a whole number from 1 to 5; kept in extra`,
        );
        extra.push(`${label}: ${value}`);
      }
    });
    const name = nameFromDescription ? values.description : values.name;
    if (name === undefined) {
      fail(
        context,
        line,
        'empty-name',
        `${sectionName} table row has an empty ${nameFromDescription ? 'description' : 'name'}`,
      );
    }
    return defined({
      name,
      description: values.description,
      change: values.change,
      tenYear: values.tenYear,
      drivingForce: values.drivingForce,
      relevancy,
      src: values.src,
      extra: extra.length > 0 ? extra : undefined,
    });
  });
}

/** Absent values are absent properties, never `undefined` ones (they would show in JSON diffs). */
export function defined<T extends object>(record: T): T {
  const out = {} as T;
  for (const key in record) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

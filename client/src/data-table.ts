import { h, type Child } from './dom.js';
import { formatValue } from './format.js';

export interface Column<Row> {
  title: string;
  /** The cell: text or a node built from the row; never HTML. */
  cell: (row: Row, index: number) => Child;
  numeric?: boolean;
  className?: string;
}

/** A plain table; every cell is text or an element built with dom.ts. */
export function dataTable<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  options: { caption?: string; className?: string } = {},
): HTMLTableElement {
  return h(
    'table',
    { class: `data-table ${options.className ?? ''}`.trim() },
    options.caption ? h('caption', { text: options.caption }) : null,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...columns.map((column) =>
          h('th', {
            text: column.title,
            class: column.numeric ? 'num' : column.className,
            attrs: { scope: 'col' },
          }),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row, index) =>
        h(
          'tr',
          {},
          ...columns.map((column) => {
            const value = column.cell(row, index);
            return h('td', { class: column.numeric ? 'num' : column.className }, value ?? '—');
          }),
        ),
      ),
    ),
  );
}

/** A definition list of name → value, for properties of a node. */
export function propertyList(entries: readonly [string, unknown][]): HTMLDListElement {
  return h(
    'dl',
    { class: 'property-list' },
    ...entries.flatMap(([name, value]) => [
      h('dt', { text: name }),
      h('dd', {}, Array.isArray(value) ? value.map(formatValue).join(', ') : formatValue(value)),
    ]),
  );
}

import type { Table } from 'mdast';
import { fail, type ParseContext } from './context.js';
import { inlineText } from './inline-text.js';
import { lineOf } from './sections.js';

export interface TableRow {
  cells: string[];
  line: number | undefined;
}

export interface TableData {
  header: string[];
  line: number | undefined;
  rows: TableRow[];
}

/**
 * A GFM table as trimmed plain-text cells. GFM renders a short row padded with empty cells and
 * drops the excess of a long one, but mdast keeps the cells the row really has: a row whose count
 * differs from the header's is a broken row, and an error, never silently padded or cut.
 */
export function readTable(context: ParseContext, sectionName: string, table: Table): TableData {
  const [headerRow, ...bodyRows] = table.children;
  const header = headerRow ? headerRow.children.map((cell) => inlineText(cell.children).trim()) : [];
  const rows: TableRow[] = [];
  for (const row of bodyRows) {
    const line = lineOf(row);
    const count = row.children.length;
    if (count !== header.length) {
      fail(
        context,
        line,
        count < header.length ? 'missing-cell' : 'extra-cell',
        `${sectionName} table row has ${count} ${count === 1 ? 'cell' : 'cells'}, header has ${header.length}`,
      );
    }
    rows.push({ cells: row.children.map((cell) => inlineText(cell.children).trim()), line });
  }
  return { header, line: lineOf(table), rows };
}

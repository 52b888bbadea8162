/** A markdown table as the digests write it (pandas' `to_markdown`, i.e. tabulate's pipe format). */
export interface TableSpec {
  header: readonly string[];
  /** Right-aligned columns (relevancy); the others are left-aligned. */
  right: readonly boolean[];
  rows: ReadonlyArray<readonly string[]>;
  /** Cells padded to equal widths, as in every table of the corpus. */
  padded: boolean;
}

/** tabulate makes each column at least two characters wider than its header. */
const MIN_PADDING = 2;

export function renderTable(table: TableSpec): string {
  if (!table.padded) return renderPlain(table);
  const widths = table.header.map((cell, column) => {
    let width = cell.length + MIN_PADDING;
    for (const row of table.rows) width = Math.max(width, row[column]!.length);
    return width;
  });
  const line = (cells: readonly string[]): string => {
    let out = '|';
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column]!;
      const pad = spaces(widths[column]! - cell.length);
      out += table.right[column] ? ` ${pad}${cell} |` : ` ${cell}${pad} |`;
    }
    return out;
  };
  let delimiter = '|';
  for (let column = 0; column < widths.length; column++) {
    const dashes = '-'.repeat(widths[column]! + 1);
    delimiter += (table.right[column] ? dashes + ':' : ':' + dashes) + '|';
  }
  const lines = [line(table.header), delimiter];
  for (const row of table.rows) lines.push(line(row));
  return lines.join('\n');
}

const SPACES: string[] = [''];

/** Runs of spaces, kept once each: padding is most of a table's characters. */
function spaces(count: number): string {
  while (SPACES.length <= count) SPACES.push(SPACES.at(-1)! + ' ');
  return SPACES[count]!;
}

function renderPlain(table: TableSpec): string {
  const lines = [
    `| ${table.header.join(' | ')} |`,
    `|${table.right.map((right) => (right ? '---:' : ':---')).join('|')}|`,
  ];
  for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

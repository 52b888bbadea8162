import type { Root, RootContent, Table, TableCell, TableRow } from 'mdast';

/**
 * GFM tables read without micromark, when they are plain enough that the reading cannot differ.
 *
 * micromark turns every cell into a dozen tokens (pipes, padding, data, the inline pass over each
 * cell), which made tables the bulk of the parse: digests are mostly tables. A plain table is read
 * here by splitting its lines on `|`; its lines in the text handed to remark become a thematic break
 * (`***`) followed by blank lines, of the same lengths, so that every other node keeps its offsets
 * and lines, and the break's node is then swapped for the table. remark stays the parser of record:
 * anything not certainly plain is left in the text for it, and so is the whole document when the
 * swap does not find every break where it was put.
 *
 * Plain means:
 * - the document has no fenced code and no HTML block (a `|` line inside one is not a table);
 * - the table starts at column 0 after a blank line, an ATX heading or the document's start, and ends
 *   with a blank line or the end of the document (never interrupted, never interrupting);
 * - every line starts and ends with `|`, holds no tab, and has as many cells as the header;
 * - the second line is a delimiter row;
 * - no cell holds what inline markdown reads (escapes, code, emphasis, links, HTML, character
 *   references), so the cell's text is its source, trimmed.
 */

export interface PlainTable {
  /** Offsets of the table's first character and of the end of its last line. */
  start: number;
  end: number;
  node: Table;
}

const FENCE_OR_HTML = /^ {0,3}(?:`{3}|~{3}|<)/m;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
const DELIMITER_CELL = /^ *:?-+:? *$/;
/**
 * What inline markdown reads in a cell: escapes, code spans, emphasis, links and images, HTML and
 * autolinks, and what could be a character reference (`&amp;`, `&#35;`; a lone `&` is text).
 */
const INLINE_MARKUP = /[\\`*_[<]|&#?[\p{L}\p{N}]+;/u;
const BREAK = '***';

interface Line {
  text: string;
  start: number;
}

/** The plain tables of a markdown text, in document order; none when it has fences or HTML blocks. */
export function plainTables(text: string): PlainTable[] {
  if (!text.includes('|') || FENCE_OR_HTML.test(text)) return [];
  const lines: Line[] = [];
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(start, end), start });
    start = end + 1;
  }
  const tables: PlainTable[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index]!.text.startsWith('|')) continue;
    let last = index;
    while (last + 1 < lines.length && !BLANK.test(lines[last + 1]!.text)) last++;
    const previous = lines[index - 1]?.text;
    const opensAfterBreak = previous === undefined || BLANK.test(previous) || ATX_HEADING.test(previous);
    const table = opensAfterBreak ? readTable(lines, index, last) : null;
    if (table) tables.push(table);
    index = last;
  }
  return tables;
}

function readTable(lines: readonly Line[], first: number, last: number): PlainTable | null {
  if (last - first < 1 || lines[first]!.text.length < BREAK.length) return null;
  const rows: string[][] = [];
  for (let index = first; index <= last; index++) {
    const cells = cellsOf(lines[index]!.text);
    if (cells === null) return null;
    rows.push(cells);
  }
  const [header, delimiter, ...body] = rows as [string[], string[], ...string[][]];
  const width = header.length;
  if (delimiter.length !== width || !delimiter.every((cell) => DELIMITER_CELL.test(cell))) return null;
  if (body.some((cells) => cells.length !== width)) return null;
  if ([header, ...body].some((cells) => cells.some((cell) => INLINE_MARKUP.test(cell)))) return null;

  const lastLine = lines[last]!;
  const start = lines[first]!.start;
  const end = lastLine.start + lastLine.text.trimEnd().length;
  const row = (cells: string[], lineIndex: number): TableRow => {
    const line = lines[lineIndex]!;
    return {
      type: 'tableRow',
      children: cells.map(tableCell),
      position: {
        start: { line: lineIndex + 1, column: 1, offset: line.start },
        end: { line: lineIndex + 1, column: line.text.length + 1, offset: line.start + line.text.length },
      },
    };
  };
  const node: Table = {
    type: 'table',
    children: [row(header, first), ...body.map((cells, index) => row(cells, first + 2 + index))],
    position: {
      start: { line: first + 1, column: 1, offset: start },
      end: { line: last + 1, column: end - lastLine.start + 1, offset: end },
    },
  };
  return { start, end, node };
}

/** `| a | b |` → `['a', 'b']`; null for a line that is not a plain row. */
function cellsOf(line: string): string[] | null {
  const row = line.trimEnd();
  if (row.length < 2 || !row.startsWith('|') || !row.endsWith('|') || row.includes('\t')) return null;
  return row
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim());
}

function tableCell(text: string): TableCell {
  return { type: 'tableCell', children: text === '' ? [] : [{ type: 'text', value: text }] };
}

/** The text with each table's lines turned into a thematic break and blank lines of the same lengths. */
export function maskTables(text: string, tables: readonly PlainTable[]): string {
  let masked = '';
  let from = 0;
  for (const { start, end } of tables) {
    masked += text.slice(from, start) + BREAK + text.slice(start + BREAK.length, end).replace(/[^\n]/g, ' ');
    from = end;
  }
  return masked + text.slice(from);
}

/**
 * Puts each table where remark put its thematic break. False (the tree is then half changed: parse
 * again) when a break is not a top-level node at its table's offset: the masking changed the parse.
 */
export function restoreTables(root: Root, tables: readonly PlainTable[]): boolean {
  const byStart = new Map(tables.map((table) => [table.start, table.node]));
  let restored = 0;
  root.children = root.children.map((node): RootContent => {
    const table = node.type === 'thematicBreak' ? byStart.get(node.position?.start.offset ?? -1) : undefined;
    if (!table) return node;
    restored++;
    return table;
  });
  return restored === tables.length;
}

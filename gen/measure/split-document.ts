/**
 * A deliberately simple, line-based reading of a digest: enough to measure the corpus and to check
 * generated text, independent of the real parser in ingest/parse (so each can check the other).
 */

export interface RawTable {
  /** 1-based line of the header row. */
  line: number;
  header: string[];
  /** Per column: 'left' for `:---`, 'right' for `---:`, 'center', or 'none'. */
  aligns: string[];
  rows: string[][];
  /** Every line of the table has the same length in code points. */
  padded: boolean;
}

export interface RawSection {
  name: string;
  line: number;
  bullets: string[];
  paragraphs: string[];
  tables: RawTable[];
}

export interface RawDocument {
  title: string;
  /** `, from ([PAGE](…).)` is 'old', `, (from page [PAGE](…).)` is 'new'. */
  titleStyle: 'old' | 'new' | 'other';
  /** The link text of the title, untrimmed. */
  page: string | undefined;
  url: string | undefined;
  sections: RawSection[];
  trailingNewline: boolean;
}

const TITLE = /^# __(.*)__, (from \(|\(from page )\[([^\]]*)\]\(/;
const EXTERNAL = /^__\[External link\]\((.*)\)__\s*$/;

export function splitDocument(text: string): RawDocument {
  const lines = text.split('\n');
  const head = TITLE.exec(lines[0] ?? '');
  const doc: RawDocument = {
    title: head ? head[1]! : (lines[0] ?? '').replace(/^#\s*/, ''),
    titleStyle: head ? (head[2] === 'from (' ? 'old' : 'new') : 'other',
    page: head ? head[3] : undefined,
    url: undefined,
    sections: [],
    trailingNewline: text.endsWith('\n'),
  };
  let section: RawSection | null = null;
  let tableLines: Array<[number, string]> = [];
  const flushTable = (): void => {
    if (section && tableLines.length >= 2) section.tables.push(readTable(tableLines));
    tableLines = [];
  };
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('|')) {
      tableLines.push([index + 1, line]);
      return;
    }
    flushTable();
    if (line.startsWith('## ')) {
      section = { name: line.slice(3).trim(), line: index + 1, bullets: [], paragraphs: [], tables: [] };
      doc.sections.push(section);
    } else if (section === null) {
      const link = EXTERNAL.exec(line);
      if (link) doc.url = link[1];
    } else if (line.startsWith('* ')) section.bullets.push(line.slice(2));
    else if (line === '*') section.bullets.push('');
    else if (line.trim() !== '') section.paragraphs.push(line);
  });
  flushTable();
  return doc;
}

export function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function readTable(lines: Array<[number, string]>): RawTable {
  const [line, headerLine] = lines[0]!;
  const delimiter = splitRow(lines[1]![1]);
  const aligns = delimiter.map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : left ? 'left' : right ? 'right' : 'none';
  });
  const widths = new Set(lines.map(([, text]) => [...text].length));
  return {
    line,
    header: splitRow(headerLine),
    aligns,
    rows: lines.slice(2).map(([, text]) => splitRow(text)),
    padded: widths.size === 1,
  };
}

/** The section-order layouts of FORMAT.md. */
const LAYOUT_ORDERS: ReadonlyArray<[string, string]> = [
  ['new', 'Keywords,Themes,Other,Summary,Signals,Concerns,Behaviors,Technologies,Issues'],
  ['old', 'Summary,Keywords,Themes,Signals,Closest'],
  ['short', 'Keywords,Themes,Other,Summary,Signals'],
  ['seed', 'Keywords,Themes,Other,Summary,Signals,Behaviors,Technologies,Issues'],
];

export function layoutOf(doc: RawDocument): string {
  const order = doc.sections.map((section) => section.name).join(',');
  return LAYOUT_ORDERS.find(([, names]) => names === order)?.[0] ?? 'other';
}

export function sectionOf(doc: RawDocument, name: string): RawSection | undefined {
  return doc.sections.find((section) => section.name === name);
}

/**
 * The items of a Keywords or Themes list, repairing lists split into one character per bullet
 * (joined back and split on commas). `split` says whether the repair was needed.
 */
export function listItems(section: RawSection | undefined): {
  items: string[];
  split: boolean;
  spaced: boolean;
} {
  const bullets = section?.bullets ?? [];
  const single = bullets.filter((bullet) => [...bullet].length <= 1).length;
  if (bullets.length >= 12 && single >= 0.9 * bullets.length) {
    const joined = bullets.map((bullet) => (bullet === '' ? ' ' : bullet)).join('');
    const items = joined
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    return { items, split: true, spaced: joined.includes(', ') };
  }
  return {
    items: bullets.map((bullet) => bullet.trim()).filter((item) => item !== ''),
    split: false,
    spaced: false,
  };
}

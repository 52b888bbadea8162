/**
 * The rows of a digest's `## Issues` table, by simple line-based reading: enough for the report
 * script to check the grouping rule on a folder of documents without the database or the ingest
 * parser. Columns are found by header name; an escaped `\|` stays inside its cell.
 */

export interface IssueRow {
  name: string;
  description: string | null;
  /** 1-based line of the row in the document. */
  line: number;
}

function cells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replaceAll('\\|', '|'));
}

export function readIssueRows(text: string): IssueRow[] {
  const lines = text.split(/\r?\n/);
  const rows: IssueRow[] = [];
  let inIssues = false;
  let header: string[] | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      inIssues = heading[1]!.toLowerCase() === 'issues';
      header = null;
      continue;
    }
    if (!inIssues || !line.trim().startsWith('|')) continue;
    const values = cells(line);
    if (header === null) {
      header = values.map((value) => value.toLowerCase());
      continue;
    }
    if (values.every((value) => /^:?-+:?$/.test(value))) continue;
    const nameAt = header.indexOf('name');
    const descriptionAt = header.indexOf('description');
    const name = nameAt >= 0 ? values[nameAt] : undefined;
    if (!name) continue;
    const description = descriptionAt >= 0 ? values[descriptionAt] : undefined;
    rows.push({ name, description: description ? description : null, line: index + 1 });
  }
  return rows;
}

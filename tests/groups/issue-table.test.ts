import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterIssues } from '../../groups/index.js';
import { readIssueRows } from '../../groups/issue-table.js';
import { issuesOfFolder, reportLines } from '../../groups/report.js';

const DOCUMENT = `# __A Title__, (from page [20250101](https://kghosh.substack.com/p/20250101).)

## Concerns

| name            | description           |
|:----------------|:----------------------|
| Not an issue    | A concern, not issue. |

## Issues

| Name                      | Description                              |   relevancy |
|:--------------------------|:-----------------------------------------|------------:|
| Data Center Energy Use    | Power needs of AI \\| cloud growth.        |           5 |
| Drought                   |                                          |           3 |

## Technologies

| name | description |
|:-----|:------------|
| Sand batteries | Heat storage. |`;

describe('readIssueRows', () => {
  it('reads the Issues table by column name, and only it', () => {
    expect(readIssueRows(DOCUMENT)).toEqual([
      { name: 'Data Center Energy Use', description: 'Power needs of AI | cloud growth.', line: 13 },
      { name: 'Drought', description: null, line: 14 },
    ]);
  });

  it('finds nothing in a document without issues', () => {
    expect(readIssueRows('# T\n\n## Keywords\n\n* a\n')).toEqual([]);
  });
});

describe('the report script', () => {
  it('reads a folder with the ingest parser or line by line alike, and prints groups with reasons', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-groups-report-'));
    try {
      const table = (rows: string[]): string =>
        ['| name | description |', '|:-----|:------------|', ...rows.map((row) => `| ${row} | Why. |`)].join(
          '\n',
        );
      const document = (title: string, rows: string[]): string =>
        `# __${title}__, (from page [20250101](https://kghosh.substack.com/p/20250101).)\n\n` +
        `__[External link](https://example.com/${title.length})__\n\n## Keywords\n\n* k\n\n## Themes\n\n* t\n\n` +
        `## Summary\n\nText.\n\n## Issues\n\n${table(rows)}\n`;
      fs.writeFileSync(
        path.join(dir, 'one.md'),
        document('One', ['Energy Demand of AI Data Centers', 'Drought']),
      );
      fs.writeFileSync(
        path.join(dir, 'two.md'),
        document('Two', ['Rising Electricity Demand from Data Centres']),
      );
      const parsed = await issuesOfFolder(dir, 'parser');
      expect(await issuesOfFolder(dir, 'lines')).toEqual(parsed);
      expect(parsed.map((issue) => issue.articles)).toEqual([['one'], ['one'], ['two']]);
      const lines = reportLines(clusterIssues(parsed));
      expect(lines[0]).toMatch(
        /^3 issues, 2 groups at threshold 0\.45: 1 with two or more members holding 2 issues;/,
      );
      expect(lines).toContain(
        'Rising Electricity Demand from Data Centres  [data_center+demand+energi]  size 2, 2 articles',
      );
      expect(lines).toContain(
        "  - Energy Demand of AI Data Centers: shares 'data center', 'demand', 'energy' with the group's core " +
          '"Rising Electricity Demand from Data Centres" (similarity 0.66)',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

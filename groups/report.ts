import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from '../ingest/parse/index.js';
import { normaliseKey } from '../model/normalise.js';
import { clusterIssues, type Clustering, type IssueInput } from './cluster.js';
import { readIssueRows } from './issue-table.js';
import type { GroupOptions } from './options.js';

/**
 * Checks the grouping rule by hand on a folder of digests, without Neo4j:
 *   npx tsx groups/report.ts [dir…] [--threshold=0.45] [--json] [--lines]
 * reads every document's issues with the ingest parser (or, with --lines, the line-based reader
 * of issue-table.ts), groups the issue names and prints the groups of two or more.
 */

export function issuesOfFolder(dir: string, reader: 'parser' | 'lines' = 'parser'): IssueInput[] {
  const issues: IssueInput[] = [];
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|txt)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const article = path
      .relative(dir, file)
      .replace(/\.(md|txt)$/, '')
      .split(path.sep)
      .join('/');
    for (const row of reader === 'lines'
      ? readIssueRows(fs.readFileSync(file, 'utf8'))
      : parsedIssues(dir, file)) {
      const key = normaliseKey(row.name);
      if (key) issues.push({ key, name: row.name, articles: [article] });
    }
  }
  return issues;
}

function parsedIssues(dir: string, file: string): { name: string }[] {
  const relative = path.relative(dir, file).split(path.sep).join('/');
  const bytes = fs.readFileSync(file);
  const parsed = parseDocument({ file: relative, id: relative.replace(/\.(md|txt)$/, ''), bytes });
  if (parsed.error) process.stderr.write(`${parsed.error.message}\n`);
  return parsed.article?.issues ?? [];
}

export function reportLines(clustering: Clustering): string[] {
  const { stats, options } = clustering;
  const multi = clustering.groups.filter((group) => group.size > 1);
  const grouped = multi.reduce((sum, group) => sum + group.size, 0);
  const lines = [
    `${stats.issues} issues, ${stats.groups} groups at threshold ${options.threshold}: ` +
      `${multi.length} with two or more members holding ${grouped} issues; ` +
      `${stats.evaluations} similarity evaluations (all pairs: ${(stats.issues * (stats.issues - 1)) / 2}), ${stats.durationMs} ms`,
    '',
  ];
  for (const group of multi) {
    lines.push(`${group.name}  [${group.key}]  size ${group.size}, ${group.articleCount} articles`);
    for (const member of group.members) lines.push(`  - ${member.name}: ${member.reason}`);
    lines.push('');
  }
  return lines;
}

function main(argv: string[]): void {
  const options: Partial<GroupOptions> = {};
  let json = false;
  let reader: 'parser' | 'lines' = 'parser';
  const dirs: string[] = [];
  for (const arg of argv) {
    const threshold = /^--threshold=(.+)$/.exec(arg);
    if (threshold) options.threshold = Number(threshold[1]);
    else if (arg === '--json') json = true;
    else if (arg === '--lines') reader = 'lines';
    else dirs.push(arg);
  }
  const issues = (dirs.length > 0 ? dirs : ['seeds']).flatMap((dir) => issuesOfFolder(dir, reader));
  const clustering = clusterIssues(issues, options);
  if (json)
    process.stdout.write(
      `${JSON.stringify(
        clustering.groups.filter((g) => g.size > 1),
        null,
        2,
      )}\n`,
    );
  else process.stdout.write(`${reportLines(clustering).join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}

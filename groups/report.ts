import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { discoverFiles, type SourceFile } from '../ingest/files.js';
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

export async function issuesOfFolder(
  dir: string,
  reader: 'parser' | 'lines' = 'parser',
): Promise<IssueInput[]> {
  const issues: IssueInput[] = [];
  for (const source of await discoverFiles([dir], process.cwd())) {
    for (const row of reader === 'lines'
      ? readIssueRows(fs.readFileSync(source.absolutePath, 'utf8'))
      : parsedIssues(source)) {
      const key = normaliseKey(row.name);
      if (key) issues.push({ key, name: row.name, articles: [source.id] });
    }
  }
  return issues;
}

function parsedIssues({ file, id, absolutePath }: SourceFile): { name: string }[] {
  const parsed = parseDocument({ file, id, bytes: fs.readFileSync(absolutePath) });
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

async function main(argv: string[]): Promise<void> {
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
  const issues: IssueInput[] = [];
  for (const dir of dirs.length > 0 ? dirs : ['seeds']) issues.push(...(await issuesOfFolder(dir, reader)));
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
  await main(process.argv.slice(2));
}

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { connect, startThrowawayNeo4j } from '../db/index.js';
import { recomputeIssueGroups, type RecomputeOptions, type RecomputeResult } from './index.js';
import { syntheticIssueNames } from './synthetic.js';

/**
 * recomputeIssueGroups end to end at scale, on a throw-away local Neo4j (its own port and data
 * folder, deleted afterwards):
 *   npx tsx groups/bench-neo4j.ts [issues=440000]
 * Loads that many synthetic issues (4.4 per article), then times the first recomputation, a
 * second one (nothing to change) and one after 1,000 more issues arrive.
 */

const ISSUES_PER_ARTICLE = 4.4;

async function load(driver: Driver, names: string[], offset: number): Promise<void> {
  const rows = names.map((name, index) => ({
    article: `art-${Math.floor((offset + index) / ISSUES_PER_ARTICLE)}`,
    key: name.toLowerCase(),
    name,
  }));
  for (let at = 0; at < rows.length; at += 10_000) {
    await driver.executeQuery(
      `UNWIND $rows AS row
       MERGE (a:Article {id: row.article})
       MERGE (i:Issue {key: row.key}) ON CREATE SET i.name = row.name
       MERGE (a)-[:HAS_ISSUE]->(i)`,
      { rows: rows.slice(at, at + 10_000) },
    );
  }
}

async function measured(
  label: string,
  run: (options: RecomputeOptions) => Promise<RecomputeResult>,
): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const steps: Record<string, { rows: number; ms: number }> = {};
  const result = await run({
    onStep: ({ statement, rows, ms }) => {
      const total = (steps[statement] ??= { rows: 0, ms: 0 });
      total.rows += rows;
      total.ms += ms;
    },
  });
  clearInterval(timer);
  const { clustering, ...rest } = result;
  process.stdout.write(
    `${label}: ${JSON.stringify({ ...rest, steps, evaluations: clustering.evaluations, peakRssMB: Math.round(peak / 2 ** 20) })}\n`,
  );
}

async function main(argv: string[]): Promise<void> {
  const count = Number(argv.find((arg) => /^\d+$/.test(arg)) ?? 440_000);
  const local = await startThrowawayNeo4j({
    name: 'horizon-groups-bench',
    password: 'bench-password-0',
    heap: '2g',
    pageCache: '1g',
  });
  const driver = await connect(local.target);
  try {
    await driver.executeQuery(
      'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
    );
    await driver.executeQuery(
      'CREATE CONSTRAINT issue_key IF NOT EXISTS FOR (n:Issue) REQUIRE n.key IS UNIQUE',
    );
    const names = syntheticIssueNames(count + 1_000);
    const loadStarted = performance.now();
    await load(driver, names.slice(0, count), 0);
    process.stdout.write(`loaded ${count} issues in ${Math.round(performance.now() - loadStarted)} ms\n`);
    await measured('first', (options) => recomputeIssueGroups(driver, options));
    await measured('unchanged', (options) => recomputeIssueGroups(driver, options));
    await load(driver, names.slice(count), count);
    await measured('+1000 issues', (options) => recomputeIssueGroups(driver, options));
  } finally {
    await driver.close();
    await local.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}

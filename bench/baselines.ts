import fs from 'node:fs';
import os from 'node:os';
import type { Driver } from 'neo4j-driver';
import { connect, type Neo4jTarget } from '../db/index.js';
import type { SourceFile } from '../ingest/files.js';
import { resetGraph } from '../ingest/index.js';
import { createDocumentParser, type DocumentParser } from '../ingest/document-parser.js';
import { articleRows, type ArticleRows } from '../ingest/rows.js';
import { ARTICLE_REL, ENTITY_LABELS, type EntityLabel } from '../model/index.js';

/**
 * What the real ingest is measured against, on the same documents and the same database:
 * - the write floor: the same rows written into an empty graph by bare batched UNWIND … CREATE,
 *   each entity created once; nothing checked, merged or counted. Documents are parsed a chunk at a
 *   time (so memory stays flat at any size) and only the Neo4j calls are timed;
 * - the naive baseline: one MERGE per fact, one transaction per document.
 */

const BATCH = 5_000;
const PARSE_CHUNK = 1_000;

/** Untimed, while Neo4j is idle, so every core parses. */
async function parseRows(parser: DocumentParser, files: SourceFile[]): Promise<ArticleRows[]> {
  const results = await Promise.all(
    files.map(async (file) =>
      parser.parse({ file: file.file, id: file.id, bytes: await fs.promises.readFile(file.absolutePath) }),
    ),
  );
  return results.flatMap(({ article }) => (article ? [articleRows(article)] : []));
}

async function inBatches<T>(driver: Driver, database: string, query: string, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await driver.executeQuery(query, { rows: rows.slice(start, start + BATCH) }, { database });
  }
}

export interface FloorRun {
  durationMs: number;
  rows: number;
  /** CPU time Neo4j spent in the timed writes (local Neo4j only). */
  neo4jCpuMs: number | null;
}

export async function writeFloor(
  target: Neo4jTarget,
  files: SourceFile[],
  neo4jCpuMs: () => number | null = () => null,
): Promise<FloorRun> {
  const driver = await connect(target);
  const parser = createDocumentParser(os.availableParallelism());
  const database = target.database;
  let timedMs = 0;
  let cpuMs: number | null = 0;
  let written = 0;
  const timed = async (query: string, rows: unknown[]): Promise<void> => {
    const started = performance.now();
    const cpuBefore = neo4jCpuMs();
    await inBatches(driver, database, query, rows);
    timedMs += performance.now() - started;
    const cpuAfter = neo4jCpuMs();
    cpuMs = cpuMs === null || cpuBefore === null || cpuAfter === null ? null : cpuMs + cpuAfter - cpuBefore;
    written += rows.length;
  };
  try {
    await resetGraph(driver, database);
    const articleIds = new Set(files.map((file) => file.id));
    const created = new Map<EntityLabel | 'Page', Set<string>>(
      [...ENTITY_LABELS, 'Page' as const].map((label) => [label, new Set()]),
    );
    // Closest links wait for the end: their targets may be articles of a later chunk.
    const closest: ArticleRows['closest'] = [];
    for (let start = 0; start < files.length; start += PARSE_CHUNK) {
      const chunk = await parseRows(parser, files.slice(start, start + PARSE_CHUNK));
      await timed(
        'UNWIND $rows AS a CREATE (n:Article) SET n = a.props',
        chunk.map((rows) => rows.article),
      );
      for (const label of ENTITY_LABELS) {
        const seen = created.get(label)!;
        const fresh = new Map<string, string>();
        for (const rows of chunk) {
          for (const fact of rows.facts[label]) if (!seen.has(fact.key)) fresh.set(fact.key, fact.name);
        }
        for (const key of fresh.keys()) seen.add(key);
        await timed(
          `UNWIND $rows AS e CREATE (:${label} {key: e.key, name: e.name})`,
          [...fresh].map(([key, name]) => ({ key, name })),
        );
        await timed(
          `UNWIND $rows AS r MATCH (a:Article {id: r.articleId}) MATCH (e:${label} {key: r.key}) CREATE (a)-[x:${ARTICLE_REL[label]}]->(e) SET x = r.props`,
          chunk.flatMap((rows) => rows.facts[label]),
        );
      }
      const pageLinks = chunk.flatMap((rows) => (rows.page ? [rows.page] : []));
      const pages = created.get('Page')!;
      const freshPages = new Map(
        pageLinks.filter((page) => !pages.has(page.id)).map((page) => [page.id, page]),
      );
      for (const id of freshPages.keys()) pages.add(id);
      await timed('UNWIND $rows AS p CREATE (:Page {id: p.id, url: p.url})', [...freshPages.values()]);
      await timed(
        'UNWIND $rows AS r MATCH (a:Article {id: r.articleId}) MATCH (p:Page {id: r.id}) CREATE (a)-[:IN_PAGE]->(p)',
        pageLinks,
      );
      for (const rows of chunk) closest.push(...rows.closest);
    }
    const stubs = new Map(
      closest.filter((link) => !articleIds.has(link.targetId)).map((link) => [link.targetId, link.title]),
    );
    await timed(
      'UNWIND $rows AS s CREATE (:Article {id: s.id, title: s.title, stub: true})',
      [...stubs].map(([id, title]) => ({ id, title })),
    );
    await timed(
      'UNWIND $rows AS r MATCH (a:Article {id: r.articleId}) MATCH (t:Article {id: r.targetId}) CREATE (a)-[:CLOSEST_TO {rank: r.rank}]->(t)',
      closest,
    );
    return { durationMs: Math.round(timedMs), rows: written, neo4jCpuMs: cpuMs };
  } finally {
    await parser.close();
    await driver.close();
  }
}

export async function naiveIngest(
  target: Neo4jTarget,
  files: SourceFile[],
): Promise<{ durationMs: number; docs: number }> {
  const parser = createDocumentParser(os.availableParallelism());
  const all = await parseRows(parser, files).finally(() => parser.close());
  const driver = await connect(target);
  try {
    await resetGraph(driver, target.database);
    const started = performance.now();
    for (const rows of all) {
      const session = driver.session({ database: target.database });
      try {
        await session.executeWrite(async (tx) => {
          await tx.run('MERGE (n:Article {id: $id}) SET n += $props', rows.article);
          for (const label of ENTITY_LABELS) {
            for (const fact of rows.facts[label]) {
              await tx.run(
                `MATCH (a:Article {id: $articleId}) MERGE (e:${label} {key: $key}) ON CREATE SET e.name = $name MERGE (a)-[r:${ARTICLE_REL[label]} {position: coalesce($props.position, 0)}]->(e) SET r += $props`,
                fact,
              );
            }
          }
        });
      } finally {
        await session.close();
      }
    }
    return { durationMs: Math.round(performance.now() - started), docs: all.length };
  } finally {
    await driver.close();
  }
}

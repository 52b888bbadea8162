import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { connect, type Neo4jTarget } from '../db/index.js';
import type { SourceFile } from '../ingest/files.js';
import { resetGraph } from '../ingest/index.js';
import { parseDocument } from '../ingest/parse/index.js';
import { articleRows, type ArticleRows } from '../ingest/rows.js';
import { ARTICLE_REL, ENTITY_LABELS, type EntityLabel } from '../model/index.js';

/**
 * What the real ingest is measured against, on the same documents and the same database:
 * - the write floor: the same rows, computed beforehand (parsing not timed), written into an empty
 *   graph by bare batched UNWIND … CREATE, entities created once each; nothing checked or merged;
 * - the naive baseline: one MERGE per fact, one transaction per document.
 */

const BATCH = 5_000;

function parseAll(files: SourceFile[]): ArticleRows[] {
  return files.flatMap((file) => {
    const { article } = parseDocument({
      file: file.file,
      id: file.id,
      bytes: fs.readFileSync(file.absolutePath),
    });
    return article ? [articleRows(article)] : [];
  });
}

async function inBatches<T>(driver: Driver, query: string, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await driver.executeQuery(query, { rows: rows.slice(start, start + BATCH) });
  }
}

export async function writeFloor(
  target: Neo4jTarget,
  files: SourceFile[],
): Promise<{ durationMs: number; rows: number }> {
  const all = parseAll(files);
  const driver = await connect(target);
  try {
    await resetGraph(driver, target.database);
    const entities = new Map<EntityLabel, Map<string, string>>(
      ENTITY_LABELS.map((label) => [label, new Map()]),
    );
    for (const rows of all) {
      for (const label of ENTITY_LABELS) {
        for (const fact of rows.facts[label])
          if (!entities.get(label)!.has(fact.key)) entities.get(label)!.set(fact.key, fact.name);
      }
    }
    const started = performance.now();
    let written = 0;
    await inBatches(
      driver,
      'UNWIND $rows AS a CREATE (n:Article) SET n = a.props',
      all.map((rows) => rows.article),
    );
    written += all.length;
    for (const label of ENTITY_LABELS) {
      const nodes = [...entities.get(label)!].map(([key, name]) => ({ key, name }));
      await inBatches(driver, `UNWIND $rows AS e CREATE (:${label} {key: e.key, name: e.name})`, nodes);
      const links = all.flatMap((rows) => rows.facts[label]);
      await inBatches(
        driver,
        `UNWIND $rows AS r MATCH (a:Article {id: r.articleId}) MATCH (e:${label} {key: r.key}) CREATE (a)-[x:${ARTICLE_REL[label]}]->(e) SET x = r.props`,
        links,
      );
      written += nodes.length + links.length;
    }
    const pages = new Map(all.flatMap((rows) => (rows.page ? [[rows.page.id, rows.page] as const] : [])));
    await inBatches(driver, 'UNWIND $rows AS p CREATE (:Page {id: p.id, url: p.url})', [...pages.values()]);
    const pageLinks = all.flatMap((rows) => (rows.page ? [rows.page] : []));
    await inBatches(
      driver,
      'UNWIND $rows AS r MATCH (a:Article {id: r.articleId}) MATCH (p:Page {id: r.id}) CREATE (a)-[:IN_PAGE]->(p)',
      pageLinks,
    );
    const articleIds = new Set(all.map((rows) => rows.article.id));
    const closest = all.flatMap((rows) => rows.closest);
    const stubs = new Map(
      closest.filter((link) => !articleIds.has(link.targetId)).map((link) => [link.targetId, link.title]),
    );
    await inBatches(
      driver,
      'UNWIND $rows AS s CREATE (:Article {id: s.id, title: s.title, stub: true})',
      [...stubs].map(([id, title]) => ({ id, title })),
    );
    await inBatches(
      driver,
      'UNWIND $rows AS r MATCH (a:Article {id: r.articleId}) MATCH (t:Article {id: r.targetId}) CREATE (a)-[:CLOSEST_TO {rank: r.rank}]->(t)',
      closest,
    );
    written += pages.size + pageLinks.length + stubs.size + closest.length;
    return { durationMs: Math.round(performance.now() - started), rows: written };
  } finally {
    await driver.close();
  }
}

export async function naiveIngest(
  target: Neo4jTarget,
  files: SourceFile[],
): Promise<{ durationMs: number; docs: number }> {
  const all = parseAll(files);
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

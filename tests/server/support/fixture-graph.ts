import type { Driver } from 'neo4j-driver';
import {
  ARTICLE_REL,
  ENTITY_LABELS,
  GROUP_LABEL,
  NODE_LABELS,
  normaliseKey,
  type ArticleRecord,
  type EntityLabel,
} from '../../../model/index.js';
import { clearDatabase } from '../../support/neo4j.js';
import type { FixtureGroup } from './fixture-articles.js';

/**
 * Writes article records as the graph model of DESIGN.md has them (the ingest's writer does the
 * same at scale): keys, names, positions, cell properties, pages, Closest stubs, article counts,
 * the unique constraints and the `search_names` full-text index. Test data without the ingest.
 */

const entityKey = (name: string): string => normaliseKey(name) || name.trim();

type Props = Record<string, unknown>;

/** Fields of a record that become relationships (or, for date, a Neo4j date) rather than properties. */
const NOT_PROPERTIES = new Set([
  'keywords',
  'themes',
  'signals',
  'concerns',
  'behaviors',
  'technologies',
  'issues',
  'closest',
  'date',
]);

const definedOnly = (props: Props): Props =>
  Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));

function entityRows(
  article: ArticleRecord,
): Record<EntityLabel, { key: string; name: string; props: Props }[]> {
  const row = (name: string, props: Props) => ({
    key: entityKey(name),
    name: name.trim(),
    props: definedOnly(props),
  });
  const table = (rows: Props[]) =>
    rows.map(({ name, ...cells }, position) => row(String(name), { ...cells, position }));
  return {
    Keyword: article.keywords.map((name, position) => row(name, { position })),
    Theme: article.themes.map((name, position) => row(name, { position })),
    Category: article.category ? [row(article.category, {})] : [],
    Signal: table(article.signals),
    Concern: table(article.concerns),
    Behavior: table(article.behaviors),
    Technology: table(article.technologies),
    Issue: table(article.issues),
  };
}

export async function ensureTestSchema(driver: Driver): Promise<void> {
  await driver.executeQuery(
    'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  );
  await driver.executeQuery('CREATE CONSTRAINT page_id IF NOT EXISTS FOR (n:Page) REQUIRE n.id IS UNIQUE');
  for (const label of [...ENTITY_LABELS, GROUP_LABEL]) {
    await driver.executeQuery(
      `CREATE CONSTRAINT ${label.toLowerCase()}_key IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE`,
    );
  }
  await driver.executeQuery('CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date)');
  const searchable = NODE_LABELS.filter((label) => label !== 'Page').join('|');
  await driver.executeQuery(
    `CREATE FULLTEXT INDEX search_names IF NOT EXISTS FOR (n:${searchable}) ON EACH [n.name, n.title]`,
  );
  await driver.executeQuery('CALL db.awaitIndexes(120)');
}

export async function writeArticles(driver: Driver, articles: ArticleRecord[]): Promise<void> {
  for (const article of articles) {
    const scalars = Object.fromEntries(
      Object.entries(article).filter(([field]) => !NOT_PROPERTIES.has(field)),
    );
    const date = article.date;
    await driver.executeQuery(
      `MERGE (a:Article {id: $id})
       SET a = $props, a.ingestedAt = datetime()
       FOREACH (day IN CASE WHEN $date IS NULL THEN [] ELSE [$date] END | SET a.date = date(day))`,
      { id: article.id, props: definedOnly(scalars), date: date ?? null },
    );
    const rows = entityRows(article);
    for (const label of ENTITY_LABELS) {
      if (rows[label].length === 0) continue;
      await driver.executeQuery(
        `MATCH (a:Article {id: $id})
         UNWIND $rows AS row
         MERGE (e:${label} {key: row.key}) ON CREATE SET e.name = row.name
         CREATE (a)-[r:${ARTICLE_REL[label]}]->(e) SET r = row.props`,
        { id: article.id, rows: rows[label] },
      );
    }
    if (article.page) {
      await driver.executeQuery(
        `MATCH (a:Article {id: $id})
         MERGE (p:Page {id: $page}) ON CREATE SET p.url = $url, p.date = CASE WHEN $date IS NULL THEN null ELSE date($date) END
         CREATE (a)-[:IN_PAGE]->(p)`,
        { id: article.id, page: article.page, url: article.pageUrl ?? null, date: date ?? null },
      );
    }
    await driver.executeQuery(
      `MATCH (a:Article {id: $id})
       UNWIND $links AS link
       MERGE (t:Article {id: link.id}) ON CREATE SET t.stub = true, t.title = coalesce(link.title, link.id)
       CREATE (a)-[:CLOSEST_TO {rank: link.rank}]->(t)`,
      { id: article.id, links: article.closest },
    );
  }
  await driver.executeQuery(
    `MATCH (e) WHERE e:${[...ENTITY_LABELS, 'Page'].join('|')}
     SET e.articleCount = COUNT { MATCH (a:Article)-->(e) RETURN DISTINCT a }`,
  );
}

export async function writeGroups(driver: Driver, groups: FixtureGroup[]): Promise<void> {
  for (const group of groups) {
    await driver.executeQuery(
      `MERGE (g:IssueGroup {key: $key}) SET g.name = $name, g.size = size($members)
       WITH g
       UNWIND $members AS member
       MATCH (i:Issue {key: member.key})
       MERGE (i)-[r:IN_GROUP]->(g) SET r.reason = member.reason, r.similarity = member.similarity
       WITH DISTINCT g
       SET g.articleCount = COUNT { MATCH (g)<-[:IN_GROUP]-(:Issue)<-[:HAS_ISSUE]-(a:Article) RETURN DISTINCT a }`,
      {
        key: group.key,
        name: group.name,
        members: group.members.map((member) => ({ ...member, key: entityKey(member.issue) })),
      },
    );
  }
}

/** A clean database holding the fixture articles and, unless told otherwise, their issue groups. */
export async function loadFixture(
  driver: Driver,
  articles: ArticleRecord[],
  groups: FixtureGroup[] = [],
): Promise<void> {
  await clearDatabase(driver);
  await ensureTestSchema(driver);
  await writeArticles(driver, articles);
  await writeGroups(driver, groups);
}

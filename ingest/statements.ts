import { ARTICLE_REL, ENTITY_LABELS, type EntityLabel } from '../model/index.js';

/**
 * Every Cypher statement of the ingest writer, parameterised. Labels and relationship types are
 * taken from the model's constant lists (Cypher cannot parameterise them), never from input.
 */

export const EXISTING_HASHES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.contentHash AS hash, a.root AS root`;

/** An unchanged file found under another root (or first seen before roots were kept) moves there. */
export const SET_ROOTS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.root = row.root`;

/**
 * Which ingest roots the graph was built from, with their article counts. Articles written before
 * roots were kept have none; those with a seed's id count as the seeds, the rest as unknown (null).
 */
export const RECORDED_ROOTS = `
MATCH (a:Article) WHERE a.stub IS NULL
WITH coalesce(a.root, CASE WHEN a.id IN $seedIds THEN $seedsRoot END) AS root
RETURN root, count(*) AS articles
ORDER BY root`;

/** Removes an article's facts and says which entities (and pages, closest targets) lost them. */
export const DETACH_OLD_FACTS = `
UNWIND $ids AS id
MATCH (a:Article {id: id})-[r]->(e)
WITH a, r, e, type(r) AS type, labels(e)[0] AS label, coalesce(e.key, e.id) AS key
DELETE r
RETURN DISTINCT a.id AS articleId, type, label, key`;

export const UPSERT_ARTICLES = `
UNWIND $articles AS a
MERGE (n:Article {id: a.id})
SET n = a.props,
    n.root = a.root,
    n.date = CASE WHEN a.props.date IS NULL THEN null ELSE date(a.props.date) END,
    n.ingestedAt = datetime()`;

/** Links articles to entities (created on first sight) and counts each article once per entity. */
function linkEntities(label: EntityLabel): string {
  return `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MERGE (e:${label} {key: row.key})
  ON CREATE SET e.name = row.name, e.articleCount = 0
SET e.articleCount = coalesce(e.articleCount, 0) + row.countsArticle
CREATE (a)-[r:${ARTICLE_REL[label]}]->(e)
SET r = row.props`;
}

export const LINK_ENTITIES: Record<EntityLabel, string> = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, linkEntities(label)]),
) as Record<EntityLabel, string>;

export const LINK_PAGES = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MERGE (p:Page {id: row.id})
  ON CREATE SET p.url = row.url,
                p.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
                p.articleCount = 0
SET p.articleCount = coalesce(p.articleCount, 0) + 1
CREATE (a)-[:IN_PAGE]->(p)`;

export const LINK_CLOSEST = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MERGE (t:Article {id: row.targetId})
  ON CREATE SET t.stub = true, t.title = row.title
CREATE (a)-[:CLOSEST_TO {rank: row.rank, title: row.linkTitle}]->(t)`;

function applyCountDeltas(label: EntityLabel | 'Page'): string {
  const key = label === 'Page' ? 'id' : 'key';
  return `
UNWIND $deltas AS d
MATCH (e:${label} {${key}: d.key})
SET e.articleCount = coalesce(e.articleCount, 0) + d.delta
WITH e WHERE e.articleCount <= 0
DETACH DELETE e`;
}

/**
 * Takes back the article counts of links an update or prune removed (the new links have already
 * counted themselves) and removes entities (and pages) no article has any more.
 */
export const APPLY_COUNT_DELTAS: Record<EntityLabel | 'Page', string> = Object.fromEntries(
  [...ENTITY_LABELS, 'Page' as const].map((label) => [label, applyCountDeltas(label)]),
) as Record<EntityLabel | 'Page', string>;

/** A stub that no Closest list names any more has nothing left to say. */
export const DELETE_ORPHAN_STUBS = `
UNWIND $ids AS id
MATCH (t:Article {id: id})
WHERE t.stub = true AND NOT EXISTS { ()-[:CLOSEST_TO]->(t) }
DELETE t`;

/** Of deleted files, the articles that are still theirs (not since written from another root). */
export const ARTICLES_OF_FILES = `
UNWIND $files AS file
MATCH (a:Article {id: file.id})
WHERE a.stub IS NULL AND coalesce(a.root, file.root) = file.root
RETURN a.id AS id`;

export const ARTICLE_IDS_WITH_FILES = `
MATCH (a:Article) WHERE a.stub IS NULL
RETURN a.id AS id`;

/** An article whose file is gone but that a Closest list still names becomes a stub again. */
export const DEMOTE_NAMED_ARTICLES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
WHERE EXISTS { ()-[:CLOSEST_TO]->(a) }
SET a = {id: a.id, title: a.title, stub: true}`;

export const DELETE_UNNAMED_ARTICLES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
WHERE NOT EXISTS { ()-[:CLOSEST_TO]->(a) }
DELETE a`;

/** Safety net of --prune: entities and pages that no article links to (article counts keep this empty). */
export const SWEEP_ORPHAN_ENTITIES = `
MATCH (e)
WHERE (e:${[...ENTITY_LABELS, 'Page'].join('|')}) AND NOT EXISTS { (:Article)-->(e) }
DETACH DELETE e`;

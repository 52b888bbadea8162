import {
  ArticleRecordSchema,
  nodeId,
  type ArticleDetails,
  type ArticleRecord,
  type ClosestLink,
} from '../../model/index.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { plainValue } from '../graph/values.js';

/**
 * An article and every fact of its document, read back from the graph in document order. Rows
 * keep the text the document gave (`r.name` where the writer stored it because it differs from the
 * entity's first-seen name) and every cell property of the relationship.
 */
export const ARTICLE = `
MATCH (a:Article {id: $id})
RETURN properties(a) AS article,
  COLLECT { MATCH (a)-[r:HAS_KEYWORD]->(e:Keyword) RETURN coalesce(r.name, e.name) ORDER BY r.position } AS keywords,
  COLLECT { MATCH (a)-[r:HAS_THEME]->(e:Theme) RETURN coalesce(r.name, e.name) ORDER BY r.position } AS themes,
  COLLECT { MATCH (a)-[r:HAS_SIGNAL]->(e:Signal) RETURN r {.*, name: coalesce(r.name, e.name)} ORDER BY r.position } AS signals,
  COLLECT { MATCH (a)-[r:HAS_CONCERN]->(e:Concern) RETURN r {.*, name: coalesce(r.name, e.name)} ORDER BY r.position } AS concerns,
  COLLECT { MATCH (a)-[r:HAS_BEHAVIOR]->(e:Behavior) RETURN r {.*, name: coalesce(r.name, e.name)} ORDER BY r.position } AS behaviors,
  COLLECT { MATCH (a)-[r:HAS_TECHNOLOGY]->(e:Technology) RETURN r {.*, name: coalesce(r.name, e.name)} ORDER BY r.position } AS technologies,
  COLLECT { MATCH (a)-[r:HAS_ISSUE]->(e:Issue) RETURN r {.*, name: coalesce(r.name, e.name)} ORDER BY r.position } AS issues,
  COLLECT { MATCH (a)-[r:CLOSEST_TO]->(t:Article) RETURN {id: t.id, title: coalesce(r.title, t.title), rank: r.rank} ORDER BY r.rank } AS closest`;

const ARTICLE_FIELDS = [
  'id',
  'file',
  'title',
  'url',
  'page',
  'pageUrl',
  'date',
  'category',
  'type',
  'summary',
  'language',
  'layout',
  'otherFields',
  'extraSections',
  'contentHash',
] as const;

type Row = Record<string, unknown>;

interface ArticleRead {
  properties: Row;
  record: ArticleRecord | null;
}

async function readArticle(runner: QueryRunner, id: string): Promise<ArticleRead | null> {
  const { records } = await runner.run(ARTICLE, { id });
  const found = records[0];
  if (!found) return null;
  const properties = found.get('article') as Row;
  if (properties.stub === true) return { properties, record: null };
  const record: Row = {};
  for (const field of ARTICLE_FIELDS) {
    if (properties[field] !== undefined && properties[field] !== null)
      record[field] = plainValue(properties[field]);
  }
  const facts = (key: string): Row[] => (found.get(key) as Row[]).map(withoutPosition);
  Object.assign(record, {
    keywords: found.get('keywords'),
    themes: found.get('themes'),
    signals: facts('signals'),
    concerns: facts('concerns'),
    behaviors: facts('behaviors'),
    technologies: facts('technologies'),
    issues: facts('issues'),
    closest: (found.get('closest') as Row[]).map(closestLink),
  });
  const checked = ArticleRecordSchema.safeParse(record);
  if (!checked.success) {
    const problems = checked.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Article ${id} in the graph does not make a valid article record (${problems})`);
  }
  return { properties, record: checked.data };
}

/**
 * The ArticleRecord the document was parsed into, rebuilt from the graph; null when there is no
 * such article or it is only a stub. Shared with the ingest's round-trip tests.
 */
export async function readArticleRecord(runner: QueryRunner, id: string): Promise<ArticleRecord | null> {
  return (await readArticle(runner, id))?.record ?? null;
}

export async function readArticleDetails(runner: QueryRunner, id: string): Promise<ArticleDetails | null> {
  const read = await readArticle(runner, id);
  if (!read) return null;
  const { properties, record } = read;
  return {
    id: nodeId('Article', id),
    stub: properties.stub === true,
    title: typeof properties.title === 'string' ? properties.title : id,
    record,
    ingestedAt: properties.ingestedAt ? String(plainValue(properties.ingestedAt)) : null,
  };
}

function withoutPosition(row: Row): Row {
  const { position: _position, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null));
}

function closestLink(row: Row): ClosestLink {
  const link: ClosestLink = { id: String(row.id), rank: Number(row.rank) };
  if (typeof row.title === 'string' && row.title.length > 0) link.title = row.title;
  return link;
}

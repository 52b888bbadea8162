import {
  normaliseKey,
  type ArticleRecord,
  type EntityLabel,
  type FactRow,
  type SignalRow,
  type TechnologyRow,
} from '../model/index.js';

/**
 * Article record → the rows the writer sends to Neo4j. Pure: every decision about what becomes a
 * node, a relationship or a property is made here and tested without a database.
 */

export type Props = Record<string, string | number | boolean | string[]>;

export interface FactRel {
  articleId: string;
  key: string;
  name: string;
  /** 1 on the article's first row for this entity, else 0: `articleCount` counts articles, not rows. */
  countsArticle: 0 | 1;
  props: Props;
}

export interface PageRow {
  articleId: string;
  id: string;
  url?: string;
  date?: string;
}

export interface ClosestRow {
  articleId: string;
  targetId: string;
  /** The title a stub target gets (the link text, or its id). */
  title: string;
  /** The link text as this document wrote it, kept on the relationship; absent when it had none. */
  linkTitle?: string;
  rank: number;
}

export interface ArticleRows {
  article: { id: string; props: Props };
  facts: Record<EntityLabel, FactRel[]>;
  page: PageRow | null;
  closest: ClosestRow[];
}

/** Entity key of a name; a name that is all punctuation keeps its own trimmed text as key. */
export function entityKey(name: string): string {
  return normaliseKey(name) || name.trim();
}

export function articleRows(article: ArticleRecord): ArticleRows {
  const articleId = article.id;
  // The relationship keeps the name as this document wrote it: the entity's `name` is only the
  // first-seen spelling, and the document must be rebuildable from the graph.
  const fact = (name: string, props: Props): Omit<FactRel, 'countsArticle'> => ({
    articleId,
    key: entityKey(name),
    name: name.trim(),
    props: { ...props, name: name.trim() },
  });
  const listFacts = (names: string[]) => names.map((name, position) => fact(name, { position }));

  return {
    article: { id: articleId, props: articleProps(article) },
    facts: {
      Keyword: countingArticles(listFacts(article.keywords)),
      Theme: countingArticles(listFacts(article.themes)),
      Category: countingArticles(article.category ? [fact(article.category, {})] : []),
      Signal: countingArticles(
        article.signals.map((row, position) => fact(row.name, signalProps(row, position))),
      ),
      Concern: countingArticles(
        article.concerns.map((row, position) => fact(row.name, factProps(row, position))),
      ),
      Behavior: countingArticles(
        article.behaviors.map((row, position) => fact(row.name, factProps(row, position))),
      ),
      Technology: countingArticles(
        article.technologies.map((row, position) => fact(row.name, technologyProps(row, position))),
      ),
      Issue: countingArticles(
        article.issues.map((row, position) => fact(row.name, factProps(row, position))),
      ),
    },
    page: article.page
      ? definedOnly({ articleId, id: article.page, url: article.pageUrl, date: article.date })
      : null,
    closest: article.closest.map((link) =>
      definedOnly({
        articleId,
        targetId: link.id,
        title: link.title ?? link.id,
        linkTitle: link.title,
        rank: link.rank,
      }),
    ),
  };
}

function countingArticles(rows: Omit<FactRel, 'countsArticle'>[]): FactRel[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const first = !seen.has(row.key);
    seen.add(row.key);
    return { ...row, countsArticle: first ? 1 : 0 };
  });
}

function articleProps(article: ArticleRecord): Props {
  return definedOnly({
    id: article.id,
    title: article.title,
    url: article.url,
    page: article.page,
    pageUrl: article.pageUrl,
    date: article.date,
    category: article.category,
    type: article.type,
    summary: article.summary,
    language: article.language,
    layout: article.layout,
    file: article.file,
    contentHash: article.contentHash,
    otherFields: article.otherFields,
    extraSections: article.extraSections,
  });
}

function factProps(row: FactRow, position: number): Props {
  return definedOnly({ position, description: row.description, relevancy: row.relevancy, extra: row.extra });
}

function signalProps(row: SignalRow, position: number): Props {
  return definedOnly({
    ...factProps(row, position),
    change: row.change,
    tenYear: row.tenYear,
    drivingForce: row.drivingForce,
  });
}

function technologyProps(row: TechnologyRow, position: number): Props {
  return definedOnly({ ...factProps(row, position), src: row.src });
}

function definedOnly<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

import {
  nodeId,
  relationshipId,
  type Elements,
  type EvidenceArticle,
  type Measures,
} from '../../model/index.js';
import { ElementsBuilder } from '../graph/elements.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { pairMeasures } from './measures.js';
import { int } from '../graph/parameters.js';

/**
 * Themes co-occur when one article has both. The unit is a theme's concept (ThemeGroup: themes
 * that mean the same, groups/README.md), or the theme itself while it belongs to none (concepts not
 * computed yet, or a theme ingested since): `coalesce(group, theme)`. N is the number of articles
 * with at least one theme; a unit's article count is its `articleCount` (kept exact by the ingest
 * for a theme, by the concept recomputation for a group: distinct articles over its members).
 */

export type ThemeUnitLabel = 'Theme' | 'ThemeGroup';

export const ARTICLES_WITH_THEMES = `
MATCH (a:Article) WHERE EXISTS { (a)-[:HAS_THEME]->(:Theme) }
RETURN count(a) AS n`;

/**
 * Pairs of themes by shared articles, strongest first. Each article's themes are collected in key
 * order, so every pair comes out once and the same way round (x before y) without comparing keys
 * on every row.
 */
export const THEME_PAIRS = `
MATCH (a:Article)-[:HAS_THEME]->(t:Theme)
OPTIONAL MATCH (t)-[:IN_GROUP]->(g:ThemeGroup)
WITH DISTINCT a, coalesce(g, t) AS u
WITH a, u ORDER BY u.key, labels(u)[0]
WITH a, collect(u) AS themes
WHERE size(themes) > 1
UNWIND range(0, size(themes) - 2) AS i
UNWIND range(i + 1, size(themes) - 1) AS j
WITH themes[i] AS x, themes[j] AS y, count(*) AS shared
WHERE shared >= $minCount
ORDER BY shared DESC, x.key, y.key
LIMIT $limit
RETURN x {.key, .name, .articleCount, label: labels(x)[0]} AS x, y {.key, .name, .articleCount, label: labels(y)[0]} AS y, shared`;

/**
 * The stored pairs of theme concepts (groups/cooccurrence.ts), written by the concept recomputation
 * after every ingest: the whole-range map reads them instead of walking every article. The walk
 * above stays for a graph whose concepts are not computed; a window of time is walked in
 * windowed-cooccurrence.ts.
 */
export const STORED_THEME_PAIRS_EXIST = `RETURN EXISTS { ()-[:CO_OCCURS]->(:ThemeGroup) } AS stored`;

export const STORED_THEME_PAIRS = `
MATCH (x:ThemeGroup)-[r:CO_OCCURS]->(y:ThemeGroup)
WHERE r.count >= $minCount
WITH x, y, r ORDER BY r.count DESC, x.key, y.key
LIMIT $limit
RETURN x {.key, .name, .articleCount, label: 'ThemeGroup'} AS x, y {.key, .name, .articleCount, label: 'ThemeGroup'} AS y,
       r.count AS shared`;

/** The themes of a unit in `unit` (a concept's members, or the theme itself), as `member`. */
const THEME_MEMBERS = (unit: string, member: string) => `
  CALL (${unit}) {
    MATCH (${unit})<-[:IN_GROUP]-(t:Theme) RETURN t AS ${member}
    UNION
    WITH ${unit} WHERE ${unit}:Theme RETURN ${unit} AS ${member}
  }`;

/**
 * One pass over the articles of x that also have y: counted, and the newest kept as evidence.
 * The labels come from the parsed ids, checked against ThemeUnitLabel: never from raw input.
 */
export function themeLinkQuery(a: ThemeUnitLabel, b: ThemeUnitLabel): string {
  return `
MATCH (x:${a} {key: $a}), (y:${b} {key: $b})
CALL (x, y) {
  ${THEME_MEMBERS('x', 'mx').trim()}
  MATCH (mx)<-[:HAS_THEME]-(a:Article)
  WITH DISTINCT a, y
  WHERE EXISTS { MATCH (a)-[:HAS_THEME]->(t:Theme) WHERE t = y OR (t)-[:IN_GROUP]->(y) }
  ORDER BY a.date DESC, a.title
  RETURN count(a) AS shared, collect({id: a.id, title: coalesce(a.title, a.id)})[0..$limit] AS evidence
}
RETURN x {.key, .name, .articleCount, label: labels(x)[0]} AS x,
       y {.key, .name, .articleCount, label: labels(y)[0]} AS y, shared, evidence`;
}

interface ThemeRow {
  key: string;
  name: string;
  articleCount: number;
  label: ThemeUnitLabel;
}

export async function articlesWithThemes(tx: QueryRunner): Promise<number> {
  const { records } = await tx.run(ARTICLES_WITH_THEMES);
  return records[0]!.get('n') as number;
}

export interface ThemeNetworkInput {
  minCount: number;
  limit: number;
}

export interface ThemeNetwork {
  elements: Elements;
  articles: number;
}

export async function readThemeNetwork(tx: QueryRunner, input: ThemeNetworkInput): Promise<ThemeNetwork> {
  const n = await articlesWithThemes(tx);
  const { records: marker } = await tx.run(STORED_THEME_PAIRS_EXIST);
  const query = marker[0]!.get('stored') ? STORED_THEME_PAIRS : THEME_PAIRS;
  const { records } = await tx.run(query, { minCount: int(input.minCount), limit: int(input.limit) });
  const builder = new ElementsBuilder();
  for (const record of records) {
    const x = record.get('x') as ThemeRow;
    const y = record.get('y') as ThemeRow;
    const shared = record.get('shared') as number;
    const source = builder.addNode(themeNode(x));
    const target = builder.addNode(themeNode(y));
    const measures = pairMeasures({ n, nA: x.articleCount, nB: y.articleCount, nAB: shared });
    builder.addEdge({
      id: relationshipId('CO_OCCURS', source, target),
      source,
      target,
      type: 'CO_OCCURS',
      ...measures,
    });
  }
  return { elements: builder.build(), articles: n };
}

export interface ThemeLink {
  a: { id: string; name: string; articleCount: number };
  b: { id: string; name: string; articleCount: number };
  articles: number;
  measures: Measures;
  evidence: EvidenceArticle[];
}

export async function readThemeLink(
  tx: QueryRunner,
  input: {
    a: { label: ThemeUnitLabel; key: string };
    b: { label: ThemeUnitLabel; key: string };
    limit: number;
    /** N, when the caller has it: counting it reads every article (the server caches it per database version). */
    articles?: number;
  },
): Promise<ThemeLink | null> {
  const { records } = await tx.run(themeLinkQuery(input.a.label, input.b.label), {
    a: input.a.key,
    b: input.b.key,
    limit: int(input.limit),
  });
  const record = records[0];
  if (!record) return null;
  const n = input.articles ?? (await articlesWithThemes(tx));
  const x = record.get('x') as ThemeRow;
  const y = record.get('y') as ThemeRow;
  const shared = record.get('shared') as number;
  return {
    a: themeSummary(x),
    b: themeSummary(y),
    articles: n,
    measures: pairMeasures({ n, nA: x.articleCount, nB: y.articleCount, nAB: shared }),
    evidence: (record.get('evidence') as { id: string; title: string }[]).map((article) => ({
      id: nodeId('Article', article.id),
      title: article.title,
    })),
  };
}

function themeSummary(theme: ThemeRow): ThemeLink['a'] {
  return { id: nodeId(theme.label, theme.key), name: theme.name, articleCount: theme.articleCount };
}

function themeNode(theme: ThemeRow) {
  return {
    id: nodeId(theme.label, theme.key),
    label: theme.label,
    name: theme.name,
    key: theme.key,
    articleCount: theme.articleCount,
  };
}

/** Queries run in the Cypher console, newest first, kept in localStorage (at most MAX). */

export interface HistoryEntry {
  query: string;
  params: string;
  at: string;
}

const KEY = 'horizon-graph.cypher-history';
const MAX = 50;

export function readHistory(): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is HistoryEntry =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as HistoryEntry).query === 'string' &&
        typeof (entry as HistoryEntry).params === 'string',
    );
  } catch {
    return [];
  }
}

export function remember(query: string, params: string): HistoryEntry[] {
  const entries = readHistory().filter((entry) => entry.query !== query || entry.params !== params);
  entries.unshift({ query, params, at: new Date().toISOString() });
  const kept = entries.slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage full or disabled: history is a convenience, the query still runs.
  }
  return kept;
}

export function clearHistory(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}

export interface Example {
  title: string;
  query: string;
  params?: Record<string, unknown>;
}

export const EXAMPLES: readonly Example[] = [
  {
    title: 'Themes by number of articles',
    query:
      'MATCH (t:Theme)\nRETURN t.name AS theme, t.articleCount AS articles\nORDER BY articles DESC\nLIMIT 25',
  },
  {
    title: 'Articles and their themes (graph)',
    query: 'MATCH (a:Article)-[r:HAS_THEME]->(t:Theme)\nRETURN a, r, t\nLIMIT 150',
  },
  {
    title: 'Articles sharing the most themes',
    query:
      'MATCH (a:Article)-[:HAS_THEME]->(t:Theme)<-[:HAS_THEME]-(b:Article)\nWHERE a.id < b.id\nRETURN a.title AS first, b.title AS second, count(t) AS shared, collect(t.name) AS themes\nORDER BY shared DESC\nLIMIT 20',
  },
  {
    title: 'Strong signals (parameter)',
    query:
      'MATCH (a:Article)-[r:HAS_SIGNAL]->(s:Signal)\nWHERE r.relevancy >= $minRelevancy\nRETURN a.title AS article, s.name AS signal, r.relevancy AS relevancy, r.tenYear AS inTenYears\nORDER BY relevancy DESC\nLIMIT 50',
    params: { minRelevancy: 4 },
  },
  {
    title: 'Closest-article links (paths)',
    query: 'MATCH p = (:Article)-[:CLOSEST_TO]->(:Article)\nRETURN p\nLIMIT 200',
  },
  {
    title: 'Issue groups and their members',
    query: 'MATCH (i:Issue)-[r:IN_GROUP]->(g:IssueGroup)\nRETURN g, r, i\nLIMIT 200',
  },
  {
    title: 'Articles per month',
    query:
      'MATCH (a:Article) WHERE a.date IS NOT NULL\nRETURN a.date.year AS year, a.date.month AS month, count(*) AS articles\nORDER BY year, month',
  },
  {
    title: 'Keywords containing a word (parameter)',
    query:
      'MATCH (k:Keyword)<-[r:HAS_KEYWORD]-(a:Article)\nWHERE k.key CONTAINS $text\nRETURN k, r, a\nLIMIT 100',
    params: { text: 'ai' },
  },
];

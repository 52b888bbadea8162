import { ENTITY_LABELS, GROUP_LABEL, type NodeLabel, type SearchResult } from '../../model/index.js';
import { UnavailableError } from '../errors.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { nodeRefOf } from '../graph/node-ref.js';
import { fulltextQuery, searchWords } from './fulltext-query.js';
import { int } from '../graph/parameters.js';
import { rankSearchResults } from './search-rank.js';

export const SEARCH_INDEX = 'search_names';

/**
 * Candidates, ranked afterwards (search-rank.ts): the index's best `$pool` hits, and the names
 * that begin with the first word typed, read from each label's unique key index (keys are the
 * names in lower case), so "artificial intelligence" is a candidate for "artif intel" however
 * many longer names the index scores the same. Only a bounded slice of each is read.
 */
const FULLTEXT_HITS = `
  CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
  WHERE size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels)
  RETURN node, score LIMIT $pool`;

/** Labels whose names are their keys (unique, indexed); an article's title is not a key. */
const NAMED_BY_KEY: readonly NodeLabel[] = [...ENTITY_LABELS, GROUP_LABEL];
/** Keys read per label by their beginning before the other words are checked. */
const PREFIX_SCAN = 1_000;

/** Labels come from the model's constant list (Cypher takes none as a parameter), never from a request. */
export function searchQuery(prefixLabels: readonly NodeLabel[]): string {
  const byPrefix = prefixLabels.map(
    (label) => `
  MATCH (node:${NAMED_BY_KEY.find((known) => known === label)!}) WHERE node.key STARTS WITH $first
  WITH node LIMIT ${PREFIX_SCAN}
  WHERE all(word IN $rest WHERE node.key CONTAINS word)
  WITH node ORDER BY size(node.key) LIMIT $pool
  RETURN node, 0.0 AS score`,
  );
  return `
CALL () {${[FULLTEXT_HITS, ...byPrefix].join('\n  UNION')}
}
WITH node, max(score) AS score
RETURN labels(node) AS labels, node.id AS id, node.key AS key, coalesce(node.name, node.title) AS name,
  node.articleCount AS articleCount, score`;
}

export interface SearchInput {
  text: string;
  labels: NodeLabel[];
  limit: number;
}

export async function searchNodes(tx: QueryRunner, input: SearchInput): Promise<SearchResult[]> {
  const query = fulltextQuery(input.text);
  if (query === null) return [];
  const [first, ...rest] = searchWords(input.text);
  const prefixLabels = NAMED_BY_KEY.filter(
    (label) => input.labels.length === 0 || input.labels.includes(label),
  );
  let records;
  try {
    ({ records } = await tx.run(searchQuery(prefixLabels), {
      index: SEARCH_INDEX,
      query,
      labels: input.labels,
      pool: int(Math.max(100, input.limit * 5)),
      first,
      rest,
    }));
  } catch (error) {
    if (/no such fulltext schema index/i.test((error as Error).message)) {
      throw new UnavailableError(
        `The full-text index ${SEARCH_INDEX} does not exist yet: ingest some documents first (npm run ingest).`,
      );
    }
    throw error;
  }
  const candidates = records.flatMap((record) => {
    const ref = nodeRefOf(record.get('labels') as string[], { id: record.get('id'), key: record.get('key') });
    if (!ref) return [];
    return [
      {
        id: ref.id,
        label: ref.label,
        name: String(record.get('name') ?? ref.key),
        score: record.get('score') as number,
        articleCount: (record.get('articleCount') as number | null) ?? 0,
      },
    ];
  });
  return rankSearchResults(input.text, candidates).slice(0, input.limit);
}

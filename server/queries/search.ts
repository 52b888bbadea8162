import type { NodeLabel, SearchResult } from '../../model/index.js';
import { UnavailableError } from '../errors.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { nodeRefOf } from '../graph/node-ref.js';
import { fulltextQuery } from './fulltext-query.js';
import { int } from '../graph/parameters.js';

export const SEARCH_INDEX = 'search_names';

/** The index returns hits best first; the label filter is applied before the limit. */
export const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WHERE size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels)
RETURN labels(node) AS labels, node.id AS id, node.key AS key, coalesce(node.name, node.title) AS name, score
LIMIT $limit`;

export interface SearchInput {
  text: string;
  labels: NodeLabel[];
  limit: number;
}

export async function searchNodes(tx: QueryRunner, input: SearchInput): Promise<SearchResult[]> {
  const query = fulltextQuery(input.text);
  if (query === null) return [];
  let records;
  try {
    ({ records } = await tx.run(SEARCH, {
      index: SEARCH_INDEX,
      query,
      labels: input.labels,
      limit: int(input.limit),
    }));
  } catch (error) {
    if (/no such fulltext schema index/i.test((error as Error).message)) {
      throw new UnavailableError(
        `The full-text index ${SEARCH_INDEX} does not exist yet: ingest some documents first (npm run ingest).`,
      );
    }
    throw error;
  }
  return records.flatMap((record) => {
    const ref = nodeRefOf(record.get('labels') as string[], { id: record.get('id'), key: record.get('key') });
    if (!ref) return [];
    return [
      {
        id: ref.id,
        label: ref.label,
        name: String(record.get('name') ?? ref.key),
        score: record.get('score') as number,
      },
    ];
  });
}

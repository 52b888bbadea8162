import {
  CONCEPT_LABELS,
  GROUPED_LABELS,
  nodeId,
  type Concept,
  type ConceptLabel,
  type GroupedLabel,
  type SimilarResult,
  type TimeWindow,
} from '../../model/index.js';
import { vectorIndexName } from '../../groups/embeddings.js';
import { UnavailableError } from '../errors.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { int } from '../graph/parameters.js';
import { inWindow, windowBounds, windowEcho, windowParams } from './time-window.js';

/**
 * Concept groups as the API shows them (a group, its members and why each belongs, its newest
 * articles) and semantic search through the vector index of each grouped label.
 */

export function memberLabelOf(group: ConceptLabel): GroupedLabel {
  return GROUPED_LABELS.find((label) => CONCEPT_LABELS[label] === group)!;
}

/**
 * Labels come from the model's closed lists (checked by the route's input), never from raw text.
 * In a time window the articles and their count are the window's (the stored `articleCount` is
 * the whole range's).
 */
function conceptQuery(group: ConceptLabel, windowed: boolean): string {
  const articles = windowed
    ? `MATCH (g)<-[:IN_GROUP]-(m)<--(a:Article) WHERE ${inWindow('a')}
  WITH DISTINCT a ORDER BY a.date DESC, a.title
  RETURN collect({id: a.id, title: coalesce(a.title, a.id)})[0..$limit] AS articles, count(a) AS articleCount`
    : `MATCH (g)<-[:IN_GROUP]-(m)<--(a:Article)
  WITH DISTINCT a ORDER BY a.date DESC, a.title LIMIT $limit
  RETURN collect({id: a.id, title: coalesce(a.title, a.id)}) AS articles, g.articleCount AS articleCount`;
  return `
MATCH (g:${group} {key: $key})
CALL (g) {
  MATCH (m)-[r:IN_GROUP]->(g)
  RETURN collect({key: m.key, name: coalesce(m.name, m.key), reason: r.reason, similarity: coalesce(r.similarity, 1.0)}) AS members
}
CALL (g) {
  ${articles}
}
RETURN g.key AS key, g.name AS name, g.size AS size, articleCount, members, articles`;
}

export async function readConcept(
  tx: QueryRunner,
  group: ConceptLabel,
  key: string,
  limit: number,
  window?: TimeWindow,
): Promise<Concept | null> {
  const bounds = windowBounds(window);
  const { records } = await tx.run(conceptQuery(group, bounds !== null), {
    key,
    limit: int(limit),
    ...(bounds ? windowParams(bounds) : {}),
  });
  const record = records[0];
  if (!record) return null;
  const member = memberLabelOf(group);
  const members = (
    record.get('members') as { key: string; name: string; reason: string | null; similarity: number }[]
  )
    .map((m) => ({
      id: nodeId(member, m.key),
      name: m.name,
      reason: m.reason ?? '',
      similarity: m.similarity,
    }))
    .sort((a, b) => b.similarity - a.similarity || a.name.localeCompare(b.name));
  return {
    id: nodeId(group, key),
    label: group,
    name: String(record.get('name') ?? key),
    size: record.get('size') as number,
    articleCount: record.get('articleCount') as number,
    members,
    articles: (record.get('articles') as { id: string; title: string }[]).map((a) => ({
      id: nodeId('Article', a.id),
      title: a.title,
    })),
    ...(bounds ? { window: windowEcho(window) } : {}),
  };
}

function similarQuery(label: GroupedLabel): string {
  return `
CALL db.index.vector.queryNodes('${vectorIndexName(label)}', $limit, $vector) YIELD node, score
OPTIONAL MATCH (node)-[:IN_GROUP]->(g:${CONCEPT_LABELS[label]})
RETURN node.key AS key, coalesce(node.name, node.key) AS name, 2 * score - 1 AS cosine,
       CASE WHEN g IS NULL THEN null ELSE {key: g.key, name: g.name, size: g.size} END AS concept
ORDER BY cosine DESC, key`;
}

/** The names of a label nearest in meaning to a text's embedding. */
export async function findSimilar(
  tx: QueryRunner,
  label: GroupedLabel,
  vector: Float32Array,
  limit: number,
): Promise<SimilarResult[]> {
  let records;
  try {
    ({ records } = await tx.run(similarQuery(label), { vector: Array.from(vector), limit: int(limit) }));
  } catch (error) {
    if (/no such vector schema index|There is no such vector schema index/i.test((error as Error).message)) {
      throw new UnavailableError(
        `The vector index ${vectorIndexName(label)} does not exist yet: ingest some documents first (npm run ingest).`,
      );
    }
    throw error;
  }
  const group = CONCEPT_LABELS[label];
  return records.map((record) => {
    const concept = record.get('concept') as { key: string; name: string; size: number } | null;
    return {
      id: nodeId(label, record.get('key') as string),
      label,
      name: String(record.get('name')),
      cosine: record.get('cosine') as number,
      concept: concept ? { id: nodeId(group, concept.key), name: concept.name, size: concept.size } : null,
    };
  });
}

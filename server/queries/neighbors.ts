import {
  ARTICLE_REL,
  isEntityLabel,
  REL_TYPES,
  type Elements,
  type NodeLabel,
  type RelType,
  type TimeWindow,
} from '../../model/index.js';
import { edgeData, ElementsBuilder, nodeData } from '../graph/elements.js';
import { matchNodePattern, nodeRefOf, type NodeTarget } from '../graph/node-ref.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { int } from '../graph/parameters.js';
import { inWindow, windowBounds, windowParams } from './time-window.js';

/**
 * A node's neighbours: best connected first (article count), then newest, then by name, then id;
 * with every relationship between the node and them. The limit counts neighbours, not
 * relationships: an entity named twice in one article gives two edges to it.
 *
 * Two reads give the same answer. A node with at most `hubDegree` articles is read whole: every
 * neighbour ranked. A hub (a theme or category of tens of thousands of articles) would make that
 * linear in its degree, so its articles are taken newest first from the `Article(date)` index,
 * each checked for a link to the hub, stopping at the limit; its other neighbours (few: an issue's
 * group) are read whole, and its article total is its `articleCount` (distinct articles, kept
 * exact by the ingest). Articles have no article count, so they always rank after those others.
 */

/** Above this many articles a node is read as a hub. Small enough that reading it whole is cheap. */
export const HUB_DEGREE = 2_000;

const NEIGHBOR_ORDER = `coalesce(m.articleCount, 0) DESC, coalesce(toString(m.date), '') DESC,
  coalesce(m.name, m.title, m.id), coalesce(m.id, m.key)`;

const LABEL_FILTER = `(size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))`;

/** With a time window, article neighbours must be dated in it; other nodes have no date and stay. */
const neighborFilter = (windowed: boolean): string =>
  windowed ? `${LABEL_FILTER} AND (NOT m:Article OR ${inWindow('m')})` : LABEL_FILTER;

const RELS_TO_M = `collect({type: type(r), properties: properties(r), outgoing: startNode(r) = c})`;

export function neighborsQuery(target: NodeTarget, windowed = false): string {
  const filter = neighborFilter(windowed);
  return `
MATCH ${matchNodePattern('c', target, 'key')}
CALL (c) {
  MATCH (c)--(m) WHERE ${filter}
  RETURN count(DISTINCT m) AS total
}
CALL (c) {
  MATCH (c)--(m) WHERE ${filter}
  WITH DISTINCT m ORDER BY ${NEIGHBOR_ORDER} LIMIT $limit
  CALL (c, m) { MATCH (c)-[r]-(m) RETURN ${RELS_TO_M} AS rels }
  RETURN collect({labels: labels(m), properties: properties(m), rels: rels}) AS neighbors
}
RETURN labels(c) AS labels, properties(c) AS properties, total, neighbors`;
}

/** The relationship type by which articles link to nodes of this label; null if none do. */
function articleLinkType(label: NodeLabel): RelType | null {
  if (isEntityLabel(label)) return ARTICLE_REL[label];
  return label === 'Page' ? 'IN_PAGE' : null;
}

/**
 * The hub read; no row when the node has at most `$hubDegree` articles. Types and the label come
 * from the model's constant lists (Cypher cannot take them as parameters), never from a request.
 * The planner reads `ORDER BY m.date DESC … LIMIT` from the Article(date) index, newest first,
 * stopping once the limit is reached (PROFILE at 100,000 documents: 488 index entries for 50
 * neighbours of a theme of 14,807 articles). A time window narrows the same index read to its
 * range; the hub's article total is then counted in the window instead of read.
 */
export function hubNeighborsQuery(
  target: NodeTarget,
  linkType: RelType,
  withArticles: boolean,
  windowed = false,
): string {
  const otherTypes = REL_TYPES.filter((type) => type !== linkType).join('|');
  const newest = withArticles
    ? `CALL (c) {
  MATCH (m:Article)
  WHERE ${windowed ? inWindow('m') : 'm.date IS NOT NULL'} AND EXISTS { (m)-[:${linkType}]->(c) }
  WITH m ORDER BY m.date DESC, coalesce(m.name, m.title, m.id), m.id LIMIT $limit
  RETURN collect(m) AS newest
}`
    : 'WITH c, [] AS newest';
  return `
MATCH ${matchNodePattern('c', target, 'key')} WHERE c.articleCount > $hubDegree
${newest}
CALL (c) {
  MATCH (c)-[:${otherTypes}]-(m) WHERE ${LABEL_FILTER}
  RETURN collect(DISTINCT m) AS others
}
CALL (c, newest, others) {
  UNWIND newest + others AS m
  WITH m ORDER BY ${NEIGHBOR_ORDER} LIMIT $limit
  CALL (c, m) { MATCH (c)-[r]-(m) RETURN ${RELS_TO_M} AS rels }
  RETURN collect({labels: labels(m), properties: properties(m), rels: rels}) AS neighbors
}
RETURN labels(c) AS labels, properties(c) AS properties,
  ${windowed ? `COUNT { MATCH (c)<-[:${linkType}]-(m:Article) WHERE ${inWindow('m')} RETURN DISTINCT m }` : 'c.articleCount'} AS articleCount,
  size(newest) AS newestCount, size(others) AS othersCount, neighbors`;
}

interface NeighborRow {
  labels: string[];
  properties: Record<string, unknown>;
  rels: { type: string; properties: Record<string, unknown>; outgoing: boolean }[];
}

export interface NeighborsResult {
  elements: Elements;
  /** Neighbours matching the filter, before the limit. */
  total: number;
}

export interface NeighborsInput {
  labels: NodeLabel[];
  limit: number;
  /** Nodes with more articles than this are read as hubs; tests lower it to compare both reads. */
  hubDegree?: number;
  /** Only article neighbours dated in it. */
  window?: TimeWindow;
}

export async function readNeighbors(
  tx: QueryRunner,
  target: NodeTarget,
  input: NeighborsInput,
): Promise<NeighborsResult | null> {
  const hub = await readHubNeighbors(tx, target, input);
  if (hub) return hub;
  const bounds = windowBounds(input.window);
  const { records } = await tx.run(neighborsQuery(target, bounds !== null), {
    key: target.key,
    labels: input.labels,
    limit: int(input.limit),
    ...(bounds ? windowParams(bounds) : {}),
  });
  const record = records[0];
  if (!record) return null;
  return {
    elements: elementsOf(target, record.get('properties'), record.get('neighbors')),
    total: record.get('total') as number,
  };
}

/** The hub read, or null when the node is no hub (or has too few dated articles to read it so). */
export async function readHubNeighbors(
  tx: QueryRunner,
  target: NodeTarget,
  input: NeighborsInput,
): Promise<NeighborsResult | null> {
  const linkType = articleLinkType(target.label);
  if (!linkType) return null;
  const withArticles = input.labels.length === 0 || input.labels.includes('Article');
  const bounds = windowBounds(input.window);
  const { records } = await tx.run(hubNeighborsQuery(target, linkType, withArticles, bounds !== null), {
    key: target.key,
    labels: input.labels,
    limit: int(input.limit),
    hubDegree: input.hubDegree ?? HUB_DEGREE,
    ...(bounds ? windowParams(bounds) : {}),
  });
  const record = records[0];
  if (!record) return null;
  const articleCount = record.get('articleCount') as number;
  // Undated articles are not in the date index: with too few dated ones, the whole read decides.
  // (In a window every article counted is dated, so the index read always has them all.)
  if (withArticles && (record.get('newestCount') as number) < Math.min(input.limit, articleCount))
    return null;
  return {
    elements: elementsOf(target, record.get('properties'), record.get('neighbors')),
    total: (withArticles ? articleCount : 0) + (record.get('othersCount') as number),
  };
}

function elementsOf(
  target: NodeTarget,
  properties: Record<string, unknown>,
  neighbors: NeighborRow[],
): Elements {
  const builder = new ElementsBuilder();
  const centre = builder.addNode(nodeData(target.label, properties));
  for (const neighbor of neighbors) {
    const ref = nodeRefOf(neighbor.labels, neighbor.properties);
    if (!ref) continue;
    const other = builder.addNode(nodeData(ref.label, neighbor.properties));
    for (const rel of neighbor.rels) {
      const [source, targetId] = rel.outgoing ? [centre, other] : [other, centre];
      builder.addEdge(edgeData(rel.type, source, targetId, rel.properties));
    }
  }
  return builder.build();
}

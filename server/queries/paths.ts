import type { Path } from 'neo4j-driver';
import { HUB_LABELS, keyProperty, type Elements, type TimeWindow } from '../../model/index.js';
import { GraphCollector } from '../graph/graph-collector.js';
import { matchNodePattern, type NodeTarget } from '../graph/node-ref.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { int } from '../graph/parameters.js';
import { inWindow, windowBounds, windowParams } from './time-window.js';

export const MAX_HOPS = 6;

export function endpointsQuery(from: NodeTarget, to: NodeTarget): string {
  return `
OPTIONAL MATCH ${matchNodePattern('a', from, 'from')}
OPTIONAL MATCH ${matchNodePattern('b', to, 'to')}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound`;
}

/**
 * Hubs (Category, Page) may be the ends of a path but not a step on it. The test names the ends
 * by parameter, not by variable: only so does Neo4j apply it during the breadth-first search
 * instead of searching exhaustively afterwards.
 */
const NOT_THROUGH_HUBS = `all(n IN nodes(p) WHERE NOT (${HUB_LABELS.map((label) => `n:${label}`).join(' OR ')})
  OR ${HUB_LABELS.map((label) => `(n:${label} AND n.${keyProperty(label)} IN $hubEnds.${label})`).join(' OR ')})`;

/** With a time window, every article on a path, its ends included, is dated in the window. */
const ARTICLES_IN_WINDOW = `all(n IN nodes(p) WHERE NOT n:Article OR ${inWindow('n')})`;

/**
 * All shortest paths up to maxHops. A variable-length bound cannot be a parameter, so maxHops is
 * written into the query; it is an integer from 1 to MAX_HOPS, checked here as well as by the route.
 */
export function pathsQuery(
  from: NodeTarget,
  to: NodeTarget,
  maxHops: number,
  avoidHubs: boolean,
  windowed = false,
): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS)
    throw new Error(`maxHops out of range: ${maxHops}`);
  const conditions = [avoidHubs ? NOT_THROUGH_HUBS : null, windowed ? ARTICLES_IN_WINDOW : null].filter(
    Boolean,
  );
  return `
MATCH ${matchNodePattern('a', from, 'from')}, ${matchNodePattern('b', to, 'to')}
MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))
${conditions.length > 0 ? `WHERE ${conditions.join('\n  AND ')}` : ''}
RETURN p
LIMIT $limit`;
}

/** The keys of the path's ends that are hubs, by label: the hubs a path may touch. */
function hubEnds(...ends: NodeTarget[]): Record<string, string[]> {
  return Object.fromEntries(
    HUB_LABELS.map((label) => [label, ends.filter((end) => end.label === label).map((end) => end.key)]),
  );
}

export interface PathsInput {
  from: NodeTarget;
  to: NodeTarget;
  maxHops: number;
  avoidHubs: boolean;
  limit: number;
  /** Only paths whose articles are all dated in it. */
  window?: TimeWindow;
}

export interface PathsResult {
  found: { from: boolean; to: boolean };
  paths: { length: number; nodes: string[]; edges: string[] }[];
  elements: Elements;
}

export async function readPaths(tx: QueryRunner, input: PathsInput): Promise<PathsResult> {
  const bounds = windowBounds(input.window);
  const params = {
    from: input.from.key,
    to: input.to.key,
    hubEnds: hubEnds(input.from, input.to),
    limit: int(input.limit),
    ...(bounds ? windowParams(bounds) : {}),
  };
  const { records: ends } = await tx.run(endpointsQuery(input.from, input.to), params);
  const found = { from: ends[0]!.get('fromFound') as boolean, to: ends[0]!.get('toFound') as boolean };
  if (!found.from || !found.to) return { found, paths: [], elements: { nodes: [], edges: [] } };

  const { records } = await tx.run(
    pathsQuery(input.from, input.to, input.maxHops, input.avoidHubs, bounds !== null),
    params,
  );
  const collector = new GraphCollector();
  const pathValues = records.map((record) => record.get('p') as Path);
  pathValues.forEach((path) => collector.collect(path));
  const paths = pathValues.map((path) => ({
    length: path.length,
    nodes: [path.start, ...path.segments.map((segment) => segment.end)].map(
      (node) => collector.stableNodeId(node.elementId) ?? '',
    ),
    edges: path.segments.map((segment) => collector.relationshipId(segment.relationship) ?? ''),
  }));
  return { found, paths, elements: collector.elements().elements };
}

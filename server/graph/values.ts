import neo4j from 'neo4j-driver';
import { CONCEPT_NODE_PROPERTIES } from '../../model/index.js';

/**
 * Neo4j property values → plain JSON: temporal values as ISO strings, points as coordinates,
 * integers as numbers (the driver gives numbers already; a stray Integer is converted here too).
 * Nodes, relationships and paths are the business of graph-collector.ts.
 */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value))
    return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : value.toString();
  if (isTemporal(value)) return value.toString();
  if (neo4j.isPoint(value)) {
    const { srid, x, y, z } = value;
    return z === undefined ? { srid: Number(srid), x, y } : { srid: Number(srid), x, y, z };
  }
  if (Array.isArray(value)) return (value as unknown[]).map(plainValue);
  if (ArrayBuffer.isView(value)) return Array.from(value as Uint8Array);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainValue(item)]));
}

/** Node properties leave out what the concept layer keeps (`RETURN n.embedding` still reads it). */
const HIDDEN_PROPERTIES: ReadonlySet<string> = new Set(CONCEPT_NODE_PROPERTIES);

export function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([key]) => !HIDDEN_PROPERTIES.has(key))
      .map(([key, item]) => [key, plainValue(item)]),
  );
}

function isTemporal(value: object): value is { toString(): string } {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  );
}

import { isNodeLabel, keyProperty, type NodeLabel } from './labels.js';

/**
 * API identifiers: `<label>:<key or id>`, URL-encoded, stable across re-ingests and rebuilds.
 * Neo4j element ids are never exposed.
 */
export function nodeId(label: NodeLabel, key: string): string {
  return `${label}:${encodeURIComponent(key)}`;
}

export interface ParsedNodeId {
  label: NodeLabel;
  /** The value of the label's key property (`id` for Article and Page, `key` otherwise). */
  key: string;
  property: 'id' | 'key';
}

/** Returns null for anything that is not a well-formed id of a known label. */
export function parseNodeId(id: string): ParsedNodeId | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const label = id.slice(0, colon);
  if (!isNodeLabel(label)) return null;
  let key: string;
  try {
    key = decodeURIComponent(id.slice(colon + 1));
  } catch {
    return null;
  }
  if (key.length === 0) return null;
  return { label, key, property: keyProperty(label) };
}

export function relationshipId(type: string, sourceId: string, targetId: string, position?: number): string {
  return position === undefined
    ? `${type}:${sourceId}->${targetId}`
    : `${type}:${sourceId}->${targetId}#${position}`;
}

import {
  isNodeLabel,
  keyProperty,
  nodeId,
  NODE_LABELS,
  type NodeLabel,
  type ParsedNodeId,
} from '../../model/index.js';

/** A node as the API names it: its label, its key (or Article/Page id) and the stable id of both. */
export interface NodeRef {
  id: string;
  label: NodeLabel;
  key: string;
}

export function nodeRef(label: NodeLabel, key: string): NodeRef {
  return { id: nodeId(label, key), label, key };
}

/** A node a request names: its parsed id, and the stable id re-encoded (the same whatever encoding the caller used). */
export interface NodeTarget extends ParsedNodeId {
  id: string;
}

/** The stable reference of a node read from Neo4j; null for a node of no label the model knows. */
export function nodeRefOf(labels: readonly string[], properties: Record<string, unknown>): NodeRef | null {
  for (const label of labels) {
    if (!isNodeLabel(label)) continue;
    const key = properties[keyProperty(label)];
    if (typeof key === 'string' && key.length > 0) return nodeRef(label, key);
  }
  return null;
}

export function displayName(label: NodeLabel, properties: Record<string, unknown>): string {
  const key = String(properties[keyProperty(label)] ?? '');
  if (label === 'Article') return typeof properties.title === 'string' ? properties.title : key;
  if (label === 'Page') return key;
  return typeof properties.name === 'string' ? properties.name : key;
}

/**
 * `(n:Label {key: $key})` for a label of the model. Cypher cannot take a label as a parameter, so
 * the label is looked up in the model's own list: text from a request never reaches the query.
 */
export function matchNodePattern(variable: string, target: ParsedNodeId, keyParameter: string): string {
  const label = NODE_LABELS.find((known) => known === target.label);
  if (!label) throw new Error(`not a label of the model: ${target.label}`);
  return `(${variable}:${label} {${keyProperty(label)}: $${keyParameter}})`;
}

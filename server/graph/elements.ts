import {
  keyProperty,
  relationshipId,
  type CyEdgeData,
  type CyNodeData,
  type Elements,
  type NodeLabel,
} from '../../model/index.js';
import { displayName, nodeRef } from './node-ref.js';
import { plainProperties } from './values.js';

/**
 * Cytoscape element data with stable ids (model/ids.ts). Long texts of an article stay out of the
 * elements (a graph view does not show them; /api/nodes/:id and /api/articles/:id do).
 */
const LEFT_OUT_OF_ELEMENTS = new Set([
  'summary',
  'extraSections',
  'otherFields',
  'contentHash',
  'file',
  'root',
]);

export function nodeData(label: NodeLabel, properties: Record<string, unknown>): CyNodeData {
  const key = String(properties[keyProperty(label)]);
  const kept = Object.fromEntries(
    Object.entries(properties).filter(
      ([name]) => !LEFT_OUT_OF_ELEMENTS.has(name) && name !== 'id' && name !== 'key',
    ),
  );
  return {
    ...plainProperties(kept),
    key,
    id: nodeRef(label, key).id,
    label,
    name: displayName(label, properties),
  };
}

export function edgeData(
  type: string,
  sourceId: string,
  targetId: string,
  properties: Record<string, unknown> = {},
): CyEdgeData {
  const position = typeof properties.position === 'number' ? properties.position : undefined;
  return {
    ...plainProperties(properties),
    id: relationshipId(type, sourceId, targetId, position),
    source: sourceId,
    target: targetId,
    type,
  };
}

/** Collects nodes and edges once each (by id), in the order first seen. */
export class ElementsBuilder {
  private readonly nodes = new Map<string, CyNodeData>();
  private readonly edges = new Map<string, CyEdgeData>();

  addNode(data: CyNodeData): string {
    if (!this.nodes.has(data.id)) this.nodes.set(data.id, data);
    return data.id;
  }

  addEdge(data: CyEdgeData): string {
    if (!this.edges.has(data.id)) this.edges.set(data.id, data);
    return data.id;
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  build(): Elements {
    return {
      nodes: [...this.nodes.values()].map((data) => ({ data })),
      edges: [...this.edges.values()].map((data) => ({ data })),
    };
  }
}

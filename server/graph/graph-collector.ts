import neo4j, { type ManagedTransaction, type Node, type Path, type Relationship } from 'neo4j-driver';
import type { CyNodeData, Elements } from '../../model/index.js';
import { edgeData, ElementsBuilder, nodeData } from './elements.js';
import { nodeRefOf } from './node-ref.js';
import { plainProperties, plainValue } from './values.js';

export interface NodeJson {
  id: string | null;
  label: string | null;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface RelationshipJson {
  id: string | null;
  type: string;
  source: string | null;
  target: string | null;
  properties: Record<string, unknown>;
}

/**
 * Turns nodes, relationships and paths from any Cypher result into plain JSON and Cytoscape
 * elements keyed by stable ids. Element ids are used here only to connect a relationship to its
 * end nodes; they never leave the server. A relationship whose end nodes are not in the result
 * gets them fetched (Cytoscape draws no edge without both ends).
 */
export class GraphCollector {
  private readonly nodes = new Map<string, CyNodeData | null>();
  private readonly relationships = new Map<string, Relationship>();

  /** Records every node and relationship inside a value (lists, maps and paths included). */
  collect(value: unknown): void {
    if (value === null || typeof value !== 'object') return;
    if (neo4j.isNode(value)) {
      this.addNode(value);
    } else if (neo4j.isRelationship(value)) {
      this.relationships.set(value.elementId, value);
    } else if (neo4j.isPath(value)) {
      for (const segment of (value as Path).segments) {
        this.addNode(segment.start);
        this.addNode(segment.end);
        this.relationships.set(segment.relationship.elementId, segment.relationship);
      }
      this.addNode((value as Path).start);
    } else if (Array.isArray(value)) {
      value.forEach((item) => this.collect(item));
    } else if (!neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
      Object.values(value).forEach((item) => this.collect(item));
    }
  }

  /** Fetches the end nodes of collected relationships that the result did not contain. */
  async resolveEndNodes(tx: ManagedTransaction): Promise<void> {
    const missing = new Set<string>();
    for (const rel of this.relationships.values()) {
      for (const end of [rel.startNodeElementId, rel.endNodeElementId])
        if (!this.nodes.has(end)) missing.add(end);
    }
    if (missing.size === 0) return;
    const result = await tx.run('UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN n', {
      ids: [...missing],
    });
    for (const record of result.records) this.addNode(record.get('n') as Node);
  }

  /** The value as JSON, with stable ids in place of element ids. */
  toJson(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return plainValue(value);
    if (neo4j.isNode(value)) return this.nodeJson(value);
    if (neo4j.isRelationship(value)) return this.relationshipJson(value);
    if (neo4j.isPath(value)) {
      const path = value as Path;
      return {
        nodes: [path.start, ...path.segments.map((segment) => segment.end)].map((node) =>
          this.nodeJson(node),
        ),
        relationships: path.segments.map((segment) => this.relationshipJson(segment.relationship)),
      };
    }
    if (Array.isArray(value)) return value.map((item) => this.toJson(item));
    if (!neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.toJson(item)]));
    }
    return plainValue(value);
  }

  /** Every collected node and relationship of a known label; the rest is counted as skipped. */
  elements(): { elements: Elements; skipped: number } {
    const builder = new ElementsBuilder();
    let skipped = 0;
    for (const data of this.nodes.values()) {
      if (data) builder.addNode(data);
      else skipped += 1;
    }
    for (const rel of this.relationships.values()) {
      const source = this.nodes.get(rel.startNodeElementId);
      const target = this.nodes.get(rel.endNodeElementId);
      if (source && target) builder.addEdge(edgeData(rel.type, source.id, target.id, rel.properties));
      else skipped += 1;
    }
    return { elements: builder.build(), skipped };
  }

  stableNodeId(elementId: string): string | null {
    return this.nodes.get(elementId)?.id ?? null;
  }

  relationshipId(rel: Relationship): string | null {
    const source = this.stableNodeId(rel.startNodeElementId);
    const target = this.stableNodeId(rel.endNodeElementId);
    return source && target ? edgeData(rel.type, source, target, rel.properties).id : null;
  }

  private addNode(node: Node): void {
    if (this.nodes.has(node.elementId)) return;
    const ref = nodeRefOf(node.labels, node.properties);
    this.nodes.set(node.elementId, ref ? nodeData(ref.label, node.properties) : null);
  }

  private nodeJson(node: Node): NodeJson {
    const ref = nodeRefOf(node.labels, node.properties);
    return {
      id: ref?.id ?? null,
      label: ref?.label ?? null,
      labels: node.labels,
      properties: plainProperties(node.properties),
    };
  }

  private relationshipJson(rel: Relationship): RelationshipJson {
    return {
      id: this.relationshipId(rel),
      type: rel.type,
      source: this.stableNodeId(rel.startNodeElementId),
      target: this.stableNodeId(rel.endNodeElementId),
      properties: plainProperties(rel.properties),
    };
  }
}

import { ARTICLE_REL, KIND_LABEL, nodeId, type EmergingKind, type NodeLabel } from '../../model/index.js';
import { inWindow } from './time-window.js';

/**
 * Cypher shared by the queries that count units of a kind (theme, issue, keyword, signal) over
 * articles: the time window's co-occurrence, trends and emerging units.
 */

/** Article-to-entity relationship types, for reading the articles of a node of any entity label. */
export const ARTICLE_RELS = [...new Set(Object.values(ARTICLE_REL))].join('|');

/**
 * Each article in `article` with each unit of the kind it has, as `u`, once per pair: a name's
 * group (an IssueGroup, or a concept where the graph has them) or, in none, the name itself.
 * Written over IN_GROUP without a group label, so it counts whatever grouping the graph holds.
 * The group of each name is looked up once per name, not once per article (at 100,000 documents
 * that is 13,000 lookups instead of 430,000, and most of the query's cost). The relationship type
 * alone says the end is a name of the kind, so no label is checked.
 */
export function unitsOfArticles(kind: EmergingKind, article = 'a', carry: string[] = []): string {
  const kept = carry.map((name) => `${name}, `).join('');
  return `MATCH (${article})-[:${ARTICLE_REL[KIND_LABEL[kind]]}]->(name)
WITH ${kept}name, collect(DISTINCT ${article}) AS articles
OPTIONAL MATCH (name)-[:IN_GROUP]->(concept)
UNWIND articles AS ${article}
WITH DISTINCT ${kept}${article}, coalesce(concept, name) AS u`;
}

/** The names a unit in `unit` stands for, as `member`: a group's members, or the node itself. */
export function unitMembers(unit: string): string {
  return `CALL (${unit}) {
  MATCH (${unit})<-[:IN_GROUP]-(member) RETURN member
  UNION
  RETURN ${unit} AS member
}`;
}

/**
 * The articles of a kind's unit in `unit` (through its members), as `a`, one row each, keeping
 * the unit and the variables in `carry`.
 */
export function articlesOfUnit(kind: EmergingKind, unit: string, where = '', carry: string[] = []): string {
  return `${unitMembers(unit)}
MATCH (member)<-[:${ARTICLE_REL[KIND_LABEL[kind]]}]-(a:Article)${where ? ` WHERE ${where}` : ''}
WITH DISTINCT ${[unit, ...carry, 'a'].join(', ')}`;
}

/** Whether article `a` has a name of the kind that is, or is a member of, the unit in `unit`. */
export function hasUnit(kind: EmergingKind, unit: string): string {
  const label = KIND_LABEL[kind];
  return `EXISTS { MATCH (a)-[:${ARTICLE_REL[label]}]->(name:${label}) WHERE name = ${unit} OR (name)-[:IN_GROUP]->(${unit}) }`;
}

/** The fields unitRowOf reads, of the unit in `variable`. */
export function unitColumns(variable = 'u'): string {
  return `elementId(${variable}) AS elementId, head(labels(${variable})) AS label, ${variable}.key AS key,
  coalesce(${variable}.name, ${variable}.key) AS name, coalesce(${variable}.size, 1) AS size`;
}

/**
 * Articles of the window that have at least one name of the kind (`n`: N of the measures) and,
 * with `splitAt`, those of them dated from `$since` on (`recent`).
 */
export function articlesOfKindInWindow(kind: EmergingKind, splitAt = false): string {
  return `MATCH (a:Article) WHERE ${inWindow('a')} AND EXISTS { (a)-[:${ARTICLE_REL[KIND_LABEL[kind]]}]->() }
RETURN count(a) AS n${splitAt ? ', count(CASE WHEN a.date >= $since THEN 1 END) AS recent' : ''}`;
}

export interface UnitRow {
  elementId: string;
  id: string;
  label: NodeLabel;
  key: string;
  name: string;
  size: number;
}

export function unitRowOf(record: { get(key: string): unknown }): UnitRow {
  const label = record.get('label') as NodeLabel;
  const key = record.get('key') as string;
  return {
    elementId: record.get('elementId') as string,
    id: nodeId(label, key),
    label,
    key,
    name: String(record.get('name')),
    size: record.get('size') as number,
  };
}

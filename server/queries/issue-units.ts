import { nodeId, type IssueGroup } from '../../model/index.js';
import type { NodeTarget } from '../graph/node-ref.js';
import type { QueryRunner } from '../graph/query-runner.js';

/**
 * Issues co-occur through their groups. The unit of co-occurrence is an issue's IssueGroup, or the
 * issue itself when it belongs to none (groups not computed yet, or an issue ingested since):
 * `coalesce(group, issue)`. So the routes work before the groups exist, each issue alone.
 *
 * Queries of one request run in one read transaction and pass units to each other by element id;
 * element ids never leave the server.
 */

/** The member issues of a unit in `unit` (a group's members, or the issue itself), as `member`. */
export const UNIT_MEMBERS = `
CALL (unit) {
  MATCH (unit)<-[:IN_GROUP]-(member:Issue) RETURN member
  UNION
  WITH unit WHERE unit:Issue RETURN unit AS member
}`;

const UNIT_FIELDS = `elementId(unit) AS elementId,
  CASE WHEN unit:IssueGroup THEN 'IssueGroup' ELSE 'Issue' END AS label,
  unit.key AS key, unit.name AS name, coalesce(unit.size, 1) AS size`;

/** An issue's unit: its group (the largest, should it be in several) or itself. */
export const UNIT_OF_ISSUE = `
MATCH (issue:Issue {key: $key})
OPTIONAL MATCH (issue)-[:IN_GROUP]->(group:IssueGroup)
WITH issue, group ORDER BY group.size DESC LIMIT 1
WITH issue, coalesce(group, issue) AS unit
RETURN issue.name AS issueName, ${UNIT_FIELDS}`;

export const UNIT_OF_GROUP = `
MATCH (unit:IssueGroup {key: $key})
RETURN unit.name AS issueName, ${UNIT_FIELDS}`;

export const UNIT_MEMBERS_WITH_REASONS = `
MATCH (unit) WHERE elementId(unit) = $unit
${UNIT_MEMBERS}
OPTIONAL MATCH (member)-[r:IN_GROUP]->(unit)
RETURN member.key AS key, member.name AS name, r.reason AS reason, coalesce(r.similarity, 1.0) AS similarity
ORDER BY similarity DESC, name`;

/** Distinct articles per unit: the nA and nB of the measures. */
export const UNIT_ARTICLE_COUNTS = `
UNWIND $units AS id
MATCH (unit) WHERE elementId(unit) = id
${UNIT_MEMBERS}
MATCH (member)<-[:HAS_ISSUE]-(a:Article)
RETURN id, count(DISTINCT a) AS articles`;

/** N: articles that have at least one issue (the old layout has no Issues section). */
export const ARTICLES_WITH_ISSUES = `
MATCH (a:Article) WHERE EXISTS { (a)-[:HAS_ISSUE]->(:Issue) }
RETURN count(a) AS n`;

export const GROUPS_COMPUTED = `RETURN EXISTS { (:IssueGroup) } AS computed`;

export interface Unit {
  elementId: string;
  id: string;
  label: 'Issue' | 'IssueGroup';
  key: string;
  name: string;
  size: number;
}

export interface ResolvedUnit {
  /** The issue asked for; the group itself when a group was asked for. */
  asked: { id: string; name: string };
  unit: Unit;
}

export function unitFrom(row: { get(key: string): unknown }): Unit {
  const label = row.get('label') as Unit['label'];
  const key = row.get('key') as string;
  return {
    elementId: row.get('elementId') as string,
    id: nodeId(label, key),
    label,
    key,
    name: String(row.get('name') ?? key),
    size: row.get('size') as number,
  };
}

export async function resolveUnit(tx: QueryRunner, target: NodeTarget): Promise<ResolvedUnit | null> {
  const query = target.label === 'IssueGroup' ? UNIT_OF_GROUP : UNIT_OF_ISSUE;
  const { records } = await tx.run(query, { key: target.key });
  const record = records[0];
  if (!record) return null;
  return {
    asked: { id: target.id, name: String(record.get('issueName') ?? target.key) },
    unit: unitFrom(record),
  };
}

export async function unitArticleCounts(tx: QueryRunner, units: Unit[]): Promise<Map<string, number>> {
  const ids = [...new Set(units.map((unit) => unit.elementId))];
  const { records } = await tx.run(UNIT_ARTICLE_COUNTS, { units: ids });
  return new Map(records.map((record) => [record.get('id') as string, record.get('articles') as number]));
}

export async function articlesWithIssues(tx: QueryRunner): Promise<number> {
  const { records } = await tx.run(ARTICLES_WITH_ISSUES);
  return records[0]!.get('n') as number;
}

/** The unit with its members and why each belongs. */
export async function describeUnit(tx: QueryRunner, unit: Unit, articleCount: number): Promise<IssueGroup> {
  const { records } = await tx.run(UNIT_MEMBERS_WITH_REASONS, { unit: unit.elementId });
  const { records: computed } = await tx.run(GROUPS_COMPUTED);
  const alone = computed[0]!.get('computed')
    ? 'In no group: no other issue is similar enough.'
    : 'Issue groups have not been computed yet: every issue stands alone.';
  return {
    id: unit.id,
    name: unit.name,
    size: unit.size,
    articleCount,
    members: records.map((record) => ({
      id: nodeId('Issue', record.get('key') as string),
      name: String(record.get('name') ?? record.get('key')),
      reason: (record.get('reason') as string | null) ?? alone,
      similarity: record.get('similarity') as number,
    })),
  };
}

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
 *
 * A unit's article count (nA, nB of the measures) is read, not counted: an issue's `articleCount`
 * is kept exact by the ingest, a group's by the group recomputation that follows every ingest
 * which changed anything (distinct articles over its members). Counting them per request was
 * linear in the articles of every co-occurring group: seconds for a busy issue at 100,000 documents.
 */

/** The member issues of a unit in `unit` (a group's members, or the issue itself), as `member`. */
export const UNIT_MEMBERS = `
CALL (unit) {
  MATCH (unit)<-[:IN_GROUP]-(member:Issue) RETURN member
  UNION
  WITH unit WHERE unit:Issue RETURN unit AS member
}`;

/** The fields `unitFrom` reads, of the unit in `variable`. */
export function unitFields(variable: string): string {
  return `elementId(${variable}) AS elementId,
  CASE WHEN ${variable}:IssueGroup THEN 'IssueGroup' ELSE 'Issue' END AS label,
  ${variable}.key AS key, ${variable}.name AS name, coalesce(${variable}.size, 1) AS size,
  coalesce(${variable}.articleCount, 0) AS articleCount`;
}

const UNIT_FIELDS = unitFields('unit');

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
  /** Distinct articles having one of its members. */
  articleCount: number;
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
    articleCount: row.get('articleCount') as number,
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

export async function articlesWithIssues(tx: QueryRunner): Promise<number> {
  const { records } = await tx.run(ARTICLES_WITH_ISSUES);
  return records[0]!.get('n') as number;
}

/** The unit with its members and why each belongs. */
export async function describeUnit(tx: QueryRunner, unit: Unit): Promise<IssueGroup> {
  const { records } = await tx.run(UNIT_MEMBERS_WITH_REASONS, { unit: unit.elementId });
  const { records: computed } = await tx.run(GROUPS_COMPUTED);
  const alone = computed[0]!.get('computed')
    ? 'In no group: no other issue is similar enough.'
    : 'Issue groups have not been computed yet: every issue stands alone.';
  return {
    id: unit.id,
    name: unit.name,
    size: unit.size,
    articleCount: unit.articleCount,
    members: records.map((record) => ({
      id: nodeId('Issue', record.get('key') as string),
      name: String(record.get('name') ?? record.get('key')),
      reason: (record.get('reason') as string | null) ?? alone,
      similarity: record.get('similarity') as number,
    })),
  };
}

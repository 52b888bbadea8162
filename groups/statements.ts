import { GROUP_LABEL } from '../model/labels.js';

/**
 * The Cypher of the issue-group layer. Every value travels as a parameter; the only interpolated
 * name is the model's own label constant.
 */

/** Same names and definitions as ingest's schema, so whichever runs first creates them. */
export const GROUP_SCHEMA = [
  `CREATE CONSTRAINT ${GROUP_LABEL.toLowerCase()}_key IF NOT EXISTS FOR (n:${GROUP_LABEL}) REQUIRE n.key IS UNIQUE`,
  // Membership rows look issues up by key: without this index each lookup would scan every issue.
  'CREATE CONSTRAINT issue_key IF NOT EXISTS FOR (n:Issue) REQUIRE n.key IS UNIQUE',
];

/** Every issue with its articles and current memberships (normally exactly one). */
export const READ_ISSUES = `
MATCH (i:Issue) WHERE i.key IS NOT NULL
RETURN i.key AS key,
       coalesce(i.name, i.key) AS name,
       [(a:Article)-[:HAS_ISSUE]->(i) | a.id] AS articles,
       [(i)-[m:IN_GROUP]->(g:${GROUP_LABEL}) | {group: g.key, reason: m.reason, similarity: m.similarity}] AS memberships`;

export const READ_GROUPS = `
MATCH (g:${GROUP_LABEL})
RETURN g.key AS key, g.name AS name, g.size AS size, g.articleCount AS articleCount`;

export const UPSERT_GROUPS = `
UNWIND $rows AS row
MERGE (g:${GROUP_LABEL} {key: row.key})
SET g.name = row.name, g.size = row.size, g.articleCount = row.articleCount`;

/** Issues without any IN_GROUP yet (a new issue, or a first run): nothing to match or remove. */
export const CREATE_LINKS = `
UNWIND $rows AS row
MATCH (i:Issue {key: row.issue})
MATCH (g:${GROUP_LABEL} {key: row.group})
CREATE (i)-[:IN_GROUP {reason: row.reason, similarity: row.similarity}]->(g)`;

/** Re-points an issue at its group: any other IN_GROUP of the issue goes in the same statement. */
export const RELINK_MEMBERS = `
UNWIND $rows AS row
MATCH (i:Issue {key: row.issue})
MATCH (g:${GROUP_LABEL} {key: row.group})
CALL (i, g) {
  OPTIONAL MATCH (i)-[old:IN_GROUP]->(other)
  WHERE other <> g
  DELETE old
}
MERGE (i)-[m:IN_GROUP]->(g)
SET m.reason = row.reason, m.similarity = row.similarity`;

export const DELETE_GROUPS = `
UNWIND $rows AS key
MATCH (g:${GROUP_LABEL} {key: key})
DETACH DELETE g`;

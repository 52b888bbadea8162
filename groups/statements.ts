import { ARTICLE_REL, CONCEPT_LABELS, type GroupedLabel } from '../model/labels.js';

/**
 * The Cypher of the concept-group layer, one set per grouped label. Every value travels as a
 * parameter; the only interpolated names are the model's own label constants.
 */

export interface GroupStatements {
  schema: string[];
  readMembers: string;
  readGroups: string;
  upsertGroups: string;
  createLinks: string;
  relinkMembers: string;
  deleteGroups: string;
}

const cache = new Map<GroupedLabel, GroupStatements>();

export function groupStatements(label: GroupedLabel): GroupStatements {
  const known = cache.get(label);
  if (known) return known;
  const group = CONCEPT_LABELS[label];
  const rel = ARTICLE_REL[label];
  const statements: GroupStatements = {
    // Same names and definitions as ingest's schema, so whichever runs first creates them.
    schema: [
      `CREATE CONSTRAINT ${group.toLowerCase()}_key IF NOT EXISTS FOR (n:${group}) REQUIRE n.key IS UNIQUE`,
      // Membership rows look members up by key: without this index each lookup would scan them all.
      `CREATE CONSTRAINT ${label.toLowerCase()}_key IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE`,
    ],
    /** Every member-to-be with its articles and current memberships (normally exactly one). */
    readMembers: `
MATCH (i:${label}) WHERE i.key IS NOT NULL
RETURN i.key AS key,
       coalesce(i.name, i.key) AS name,
       [(a:Article)-[:${rel}]->(i) | a.id] AS articles,
       [(i)-[m:IN_GROUP]->(g:${group}) | {group: g.key, reason: m.reason, similarity: m.similarity}] AS memberships`,
    readGroups: `
MATCH (g:${group})
RETURN g.key AS key, g.name AS name, g.size AS size, g.articleCount AS articleCount`,
    upsertGroups: `
UNWIND $rows AS row
MERGE (g:${group} {key: row.key})
SET g.name = row.name, g.size = row.size, g.articleCount = row.articleCount`,
    /** Members without any IN_GROUP yet (new, or a first run): nothing to match or remove. */
    createLinks: `
UNWIND $rows AS row
MATCH (i:${label} {key: row.issue})
MATCH (g:${group} {key: row.group})
CREATE (i)-[:IN_GROUP {reason: row.reason, similarity: row.similarity}]->(g)`,
    /** Re-points a member at its group: any other IN_GROUP of it goes in the same statement. */
    relinkMembers: `
UNWIND $rows AS row
MATCH (i:${label} {key: row.issue})
MATCH (g:${group} {key: row.group})
CALL (i, g) {
  OPTIONAL MATCH (i)-[old:IN_GROUP]->(other)
  WHERE other <> g
  DELETE old
}
MERGE (i)-[m:IN_GROUP]->(g)
SET m.reason = row.reason, m.similarity = row.similarity`,
    deleteGroups: `
UNWIND $rows AS key
MATCH (g:${group} {key: key})
DETACH DELETE g`,
  };
  cache.set(label, statements);
  return statements;
}

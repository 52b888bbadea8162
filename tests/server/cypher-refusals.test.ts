import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();

/** Everything a write could change: nodes, labels, properties, relationships, indexes. */
async function fingerprint(driver: Driver): Promise<string> {
  const { records } = await driver.executeQuery(`
    CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(labels(n))) AS labels, sum(size(keys(n))) AS nodeProps,
                               collect(n.articleCount) AS counts }
    CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS relProps }
    RETURN nodes, labels, nodeProps, rels, relProps, counts`);
  const { records: indexes } = await driver.executeQuery(
    'SHOW INDEXES YIELD name RETURN collect(name) AS names',
  );
  return JSON.stringify({ ...records[0]!.toObject(), indexes: indexes[0]!.get('names') });
}

/** Refused (403) or rejected by Neo4j (400) — never run. */
const REFUSED: [string, string, RegExp][] = [
  ['CREATE', 'CREATE (:Evil {x: 1})', /read-only/],
  ['MERGE', "MERGE (t:Theme {key: 'evil'}) RETURN t", /read-only/],
  ['SET', 'MATCH (n) SET n.evil = true', /read-only/],
  ['SET a label', 'MATCH (n:Theme) SET n:Evil', /read-only/],
  ['REMOVE', 'MATCH (n:Theme) REMOVE n.name', /read-only/],
  ['REMOVE a label', 'MATCH (n:Theme) REMOVE n:Theme', /read-only/],
  ['DELETE', 'MATCH ()-[r:HAS_THEME]->() DELETE r', /read-only/],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', /read-only/],
  [
    'CALL { } IN TRANSACTIONS',
    'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1 ROWS',
    /IN TRANSACTIONS/,
  ],
  [
    'read-only IN TRANSACTIONS',
    'MATCH (n) CALL (n) { RETURN 1 AS one } IN TRANSACTIONS RETURN count(one)',
    /IN TRANSACTIONS/,
  ],
  ['LOAD CSV', "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row", /LOAD CSV/],
  [
    'LOAD CSV disguised',
    "/* harmless */ lOaD   cSv WITH HEADERS FROM 'file:///etc/passwd' AS row RETURN row",
    /LOAD CSV/,
  ],
  ['CALL dbms.*', 'CALL dbms.components()', /dbms\.components is not allowed/],
  [
    'CALL dbms.* in backticks',
    'CALL `dbms`.`listConfig`() YIELD name RETURN name',
    /dbms\.listConfig is not allowed/,
  ],
  ['a writing procedure', "CALL db.createLabel('Evil')", /db\.createLabel is not allowed/],
  [
    'a procedure in a subquery',
    'CALL () { CALL db.clearQueryCaches() YIELD value RETURN value } RETURN value',
    /not allowed/,
  ],
  ['a write in a subquery', 'MATCH (n:Theme) CALL (n) { SET n.evil = 1 } RETURN count(*)', /read-only/],
  ['a write after WITH', 'MATCH (n) WITH n LIMIT 1 CREATE (:Evil) RETURN 1', /read-only/],
  ['a write in FOREACH', 'MATCH (n:Theme) FOREACH (x IN [1] | SET n.evil = x)', /read-only/],
  ['a write behind a comment', '// just reading\nMATCH (n) // really\nDETACH DELETE n', /read-only/],
  ['a schema change', 'CREATE INDEX evil FOR (n:Theme) ON (n.evil)', /read-only/],
  ['TERMINATE', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", /TERMINATE TRANSACTIONS is not allowed/],
  ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS', /SHOW TRANSACTIONS is not allowed/],
];

describe('POST /api/cypher refuses what is not a plain read, and the graph stays the same', () => {
  it.each(REFUSED)('%s', async (_name, query, why) => {
    const before = await fingerprint(suite.driver);
    const { status, body } = await suite.api.post('/api/cypher', { query });
    expect(status, JSON.stringify(body)).toBe(403);
    expect(body.error.code).toBe('QUERY_REFUSED');
    expect(body.error.message).toMatch(why);
    expect(await fingerprint(suite.driver)).toBe(before);
  });

  it('another database through USE is not reached', async () => {
    const before = await fingerprint(suite.driver);
    for (const query of ['USE system SHOW USERS', 'USE system MATCH (n) RETURN n']) {
      const { status, body } = await suite.api.post('/api/cypher', { query });
      expect([400, 403], JSON.stringify(body)).toContain(status);
      expect(body.error.code).toMatch(/QUERY_(FAILED|REFUSED)/);
    }
    expect(await fingerprint(suite.driver)).toBe(before);
  });

  it('while reads with the same words in strings and names still run', async () => {
    const { status, body } = await suite.api.post('/api/cypher', {
      query:
        "MATCH (`create`:Theme) WHERE `create`.name <> 'DELETE me; LOAD CSV' RETURN count(`create`) AS `set`",
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.rows).toEqual([[6]]);
  });
});

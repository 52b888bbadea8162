import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterIssues, recomputeIssueGroups, type RecomputeOptions } from '../../groups/index.js';
import { normaliseKey } from '../../model/index.js';
import { clearDatabase, testDriver, testTarget } from '../support/neo4j.js';
import { ENERGY_FAMILY, JOBS_FAMILY } from './fixtures.js';

/** Articles and their issues: the energy family spread over three articles, plus loners. */
const ARTICLES = [
  { id: 'art-1', issues: [ENERGY_FAMILY[0]!, JOBS_FAMILY[0]!, 'Data Privacy Concerns'] },
  { id: 'art-2', issues: [ENERGY_FAMILY[1]!, JOBS_FAMILY[1]!, 'Drought Management'] },
  { id: 'art-3', issues: [ENERGY_FAMILY[2]!, ENERGY_FAMILY[3]!, 'Coral Reef Bleaching'] },
  { id: 'art-4', issues: [ENERGY_FAMILY[0]!, 'The Impact of Change'] },
];

let driver: Driver;
let database: string;

async function addArticles(articles: { id: string; issues: string[] }[]): Promise<void> {
  await driver.executeQuery(
    `UNWIND $articles AS a
     MERGE (art:Article {id: a.id}) SET art.title = a.id
     WITH art, a
     UNWIND a.issues AS issue
     MERGE (i:Issue {key: issue.key}) ON CREATE SET i.name = issue.name
     MERGE (art)-[r:HAS_ISSUE]->(i) SET r.description = 'fixture'`,
    {
      articles: articles.map((a) => ({
        id: a.id,
        issues: a.issues.map((name) => ({ key: normaliseKey(name), name })),
      })),
    },
    { database },
  );
}

async function deleteIssue(name: string): Promise<void> {
  await driver.executeQuery(
    'MATCH (i:Issue {key: $key}) DETACH DELETE i',
    { key: normaliseKey(name) },
    { database },
  );
}

async function storedPairCount(): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (:IssueGroup)-[r:CO_OCCURS]->(:IssueGroup) RETURN count(r) AS n',
    {},
    { database },
  );
  return records[0]!.get('n') as number;
}

interface StoredGroup {
  key: string;
  name: string;
  size: number;
  articleCount: number;
  members: { issue: string; reason: string; similarity: number }[];
}

async function storedLayer(): Promise<StoredGroup[]> {
  const { records } = await driver.executeQuery(
    `MATCH (g:IssueGroup)
     CALL (g) {
       MATCH (i:Issue)-[m:IN_GROUP]->(g)
       WITH i, m ORDER BY i.key
       RETURN collect({issue: i.key, reason: m.reason, similarity: m.similarity}) AS members
     }
     RETURN g {.key, .name, .size, .articleCount, members} AS g ORDER BY g.key`,
    {},
    { database },
  );
  return records.map((record) => record.get('g') as StoredGroup);
}

async function membershipsPerIssue(): Promise<number[]> {
  const { records } = await driver.executeQuery(
    'MATCH (i:Issue) RETURN count { (i)-[:IN_GROUP]->(:IssueGroup) } AS n',
    {},
    { database },
  );
  return records.map((record) => record.get('n') as number);
}

/** The layer the pure clustering says the graph should hold, in storedLayer's shape. */
async function expectedLayer(options: RecomputeOptions = {}): Promise<StoredGroup[]> {
  const { records } = await driver.executeQuery(
    'MATCH (i:Issue) RETURN i.key AS key, i.name AS name, [(a:Article)-[:HAS_ISSUE]->(i) | a.id] AS articles',
    {},
    { database },
  );
  const issues = records.map((r) => ({
    key: r.get('key') as string,
    name: r.get('name') as string,
    articles: r.get('articles') as string[],
  }));
  return clusterIssues(issues, options)
    .groups.map((g) => ({
      key: g.key,
      name: g.name,
      size: g.size,
      articleCount: g.articleCount,
      members: g.members
        .map((m) => ({ issue: m.key, reason: m.reason, similarity: m.similarity }))
        .sort((x, y) => (x.issue < y.issue ? -1 : 1)),
    }))
    .sort((x, y) => (x.key < y.key ? -1 : 1));
}

beforeAll(async () => {
  driver = await testDriver();
  database = testTarget().database;
  await clearDatabase(driver);
  await addArticles(ARTICLES);
});

afterAll(async () => {
  await driver.close();
});

describe('recomputeIssueGroups against Neo4j', () => {
  it('builds the layer: one IN_GROUP per issue, with reasons, sizes and article counts', async () => {
    const result = await recomputeIssueGroups(driver, { database });
    expect(result.issues).toBe(10);
    expect((await storedLayer()).map((g) => g.key)).toContain('bleach+coral+reef');
    expect(result.multiMemberGroups).toBe(2);
    expect(result.groups).toBe(6);
    expect(result.changes).toEqual({
      groupsWritten: 6,
      groupsDeleted: 0,
      membershipsWritten: 10,
      transactions: 1,
    });
    expect(result.cooccurrence.written).toBe(result.cooccurrence.pairs);
    expect(result.cooccurrence.pairs).toBeGreaterThan(0);
    expect(await storedPairCount()).toBe(result.cooccurrence.pairs);

    expect(await membershipsPerIssue()).toEqual(Array(10).fill(1));
    const layer = await storedLayer();
    expect(layer).toEqual(await expectedLayer());

    const energy = layer.find((g) => g.key === 'data_center+demand+energi')!;
    expect(energy.size).toBe(4);
    expect(energy.articleCount).toBe(4); // art-1..art-4, art-3 holding two members, art-4 repeating one
    expect(energy.members.map((m) => m.issue)).toEqual(ENERGY_FAMILY.map(normaliseKey).sort());
    for (const member of energy.members.filter((m) => m.similarity < 1)) {
      expect(member.reason).toMatch(/^shares 'energy'|^shares '.*'energy'/);
      expect(member.reason).toContain(`(similarity ${member.similarity.toFixed(2)})`);
    }
    const jobs = layer.find((g) => g.key === 'autom+displac+job')!;
    expect(jobs).toMatchObject({ name: 'Automation-Driven Job Losses', size: 2, articleCount: 2 });
    expect(layer.find((g) => g.key === 'issue:the impact of change')?.members[0]?.reason).toMatch(
      /^no words left/,
    );

    const { records } = await driver.executeQuery(
      "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE 'IssueGroup' IN labelsOrTypes RETURN properties, type",
      {},
      { database },
    );
    expect(records.map((r) => [r.get('properties'), r.get('type')])).toEqual([[['key'], 'UNIQUENESS']]);
  });

  it('is idempotent: a second run changes nothing and keeps every key', async () => {
    const before = await storedLayer();
    const result = await recomputeIssueGroups(driver, { database });
    expect(result.changes).toEqual({
      groupsWritten: 0,
      groupsDeleted: 0,
      membershipsWritten: 0,
      transactions: 0,
    });
    expect(result.cooccurrence).toMatchObject({ written: 0, deleted: 0 });
    expect(result.cooccurrence.pairs).toBe(await storedPairCount());
    expect(await storedLayer()).toEqual(before);
  });

  it('reflects renamed, removed and added issues on recompute', async () => {
    // Rename: the old issue goes, a differently named one arrives in the same article.
    await deleteIssue(JOBS_FAMILY[0]!);
    await addArticles([{ id: 'art-1', issues: ['Automation and Job Cuts'] }]);
    // Removal: a loner disappears, and one member of the energy family.
    await deleteIssue('Coral Reef Bleaching');
    await deleteIssue(ENERGY_FAMILY[3]!);
    // Addition: a new family member in a new article.
    await addArticles([{ id: 'art-5', issues: ['Drought Management Plans'] }]);

    const result = await recomputeIssueGroups(driver, { database });
    expect(result.issues).toBe(9);
    const layer = await storedLayer();
    expect(layer).toEqual(await expectedLayer());
    expect(await membershipsPerIssue()).toEqual(Array(9).fill(1));
    expect(layer.some((g) => g.key === 'bleach+coral+reef')).toBe(false);
    expect(layer.flatMap((g) => g.members.map((m) => m.issue))).not.toContain('coral reef bleaching');
    const jobs = layer.find((g) => g.members.some((m) => m.issue === 'automation and job cuts'))!;
    expect(jobs.members.map((m) => m.issue).sort()).toEqual([
      'automation and job cuts',
      normaliseKey(JOBS_FAMILY[1]!),
    ]);
    const energy = layer.find((g) => g.members.some((m) => m.issue === normaliseKey(ENERGY_FAMILY[0]!)))!;
    expect(energy.size).toBe(3);
    const drought = layer.find((g) => g.members.some((m) => m.issue === 'drought management'))!;
    expect(drought).toMatchObject({ size: 2, articleCount: 2 });
    expect(result.changes.groupsDeleted).toBeGreaterThan(0);
    // The new groups' pairs come; the deleted groups' went with them; no other stale pair is left.
    expect(result.cooccurrence.written).toBeGreaterThan(0);
    expect(await storedPairCount()).toBe(result.cooccurrence.pairs);
  });

  it('writes a large change in several transactions with the same result', async () => {
    const expected = await expectedLayer({ threshold: 0.3 });
    const result = await recomputeIssueGroups(driver, {
      database,
      threshold: 0.3,
      batchSize: 2,
      maxRowsPerTransaction: 3,
    });
    expect(result.changes.transactions).toBeGreaterThan(1);
    expect(await storedLayer()).toEqual(expected);
    expect(await membershipsPerIssue()).toEqual(Array(9).fill(1));
    // And back to the defaults, atomically.
    await recomputeIssueGroups(driver, { database });
    expect(await storedLayer()).toEqual(await expectedLayer());
  });

  it('empties the layer when no issue is left', async () => {
    await driver.executeQuery('MATCH (i:Issue) DETACH DELETE i', {}, { database });
    const result = await recomputeIssueGroups(driver, { database });
    expect(result.groups).toBe(0);
    expect(await storedLayer()).toEqual([]);
  });
});

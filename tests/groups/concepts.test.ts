import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Embedder, DIMENSIONS, BATCH_SIZE, cosine } from '../../embed/embedder.js';
import { EmbedderError } from '../../embed/errors.js';
import { MavenModule } from '../../db/maven-module.js';
import {
  CONCEPT_RULES,
  clusterConcepts,
  embeddedHead,
  embeddedText,
  embeddingHash,
  exactNeighbourLists,
  headIndexName,
  exactNeighbours,
  recomputeConcepts,
  textsToEmbed,
  vectorIndexName,
} from '../../groups/index.js';
import { normaliseKey, type GroupedLabel } from '../../model/index.js';
import { createApp, createLogger } from '../../server/index.js';
import { LazyEmbedder } from '../../server/graph/lazy-embedder.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';
import { SEEDS_DIR } from '../support/paths.js';
import { runIngest } from '../support/run-cli.js';
import { BACKGROUND, ENERGY_FAMILY, JOBS_FAMILY, REMOTE_WORK_FAMILY } from './fixtures.js';
import { neighbourLists } from './neighbour-lists.js';

/** Far apart as written (cosine 0.49), close through the first one's head "Mental Health" (0.76). */
const MENTAL_HEALTH = ['Mental Health Risks in AI Training Roles', 'Mental Health Strain'] as const;

/**
 * Concept groups: the embedder process, the rule on real names written by us (tests/groups/fixtures.ts),
 * the core rule against chaining, and the vector indexes, neighbours, memberships, precomputed
 * co-occurrence and semantic search on a real Neo4j.
 */

let embedder: Embedder;

beforeAll(async () => {
  embedder = await Embedder.start();
});

afterAll(async () => {
  await embedder?.close();
});

const THEMES = [
  'artificial intelligence',
  'AI',
  'climate change',
  'global warming',
  'sustainability',
  'environmental sustainability',
  'remote work',
  'football',
  'poetry',
  'supply chains',
  'technology impact',
  'technology',
  'nuclear technology',
];

async function vectorsOf(label: GroupedLabel, names: readonly string[]): Promise<Map<string, Float32Array>> {
  const vectors = await embedder.embed(names.map((name) => embeddedText(label, name)));
  return new Map(names.map((name, index) => [normaliseKey(name), vectors[index]!]));
}

const groupOf = (groups: { key: string; members: { key: string }[] }[], name: string): string | undefined =>
  groups.find((group) => group.members.some((member) => member.key === normaliseKey(name)))?.key;

describe('the embedder process', () => {
  it('answers unit vectors of 384 numbers, in order, across batches; the same text gives the same vector', async () => {
    const texts = Array.from({ length: BATCH_SIZE + 10 }, (_, i) => `issue number ${i}`);
    texts.push('artificial intelligence', 'artificial intelligence');
    const before = embedder.embedded;
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const vector of vectors) {
      expect(vector).toHaveLength(DIMENSIONS);
      expect(cosine(vector, vector)).toBeCloseTo(1, 3);
    }
    expect(cosine(vectors.at(-1)!, vectors.at(-2)!)).toBeCloseTo(1, 5);
    expect(embedder.embedded - before).toBe(texts.length);
  });

  it('finds a model jar that has gone missing from a built module (the embedder then says which, and how to fix it)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-module-'));
    try {
      fs.mkdirSync(path.join(dir, 'src', 'main', 'java', 'x'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'target'));
      fs.writeFileSync(path.join(dir, 'pom.xml'), '<project/>');
      fs.writeFileSync(path.join(dir, 'src', 'main', 'java', 'x', 'Main.java'), '');
      const jar = path.join(dir, 'gone', 'model.jar');
      fs.writeFileSync(path.join(dir, 'target', 'classpath.txt'), jar);
      const module = new MavenModule(dir);
      expect(module.isBuilt()).toBe(false);
      fs.writeFileSync(module.stamp, 'built');
      expect(module.isBuilt()).toBe(true);
      expect(module.classpath().missing).toBe(jar);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when Java is missing', async () => {
    await expect(Embedder.start({ javaCommand: '/nonexistent/java' })).rejects.toThrow(EmbedderError);
    await expect(Embedder.start({ javaCommand: '/nonexistent/java' })).rejects.toThrow(/Java 17 is needed/);
  });
});

describe('the concept rule on real names', () => {
  it('groups themes that mean the same and keeps the rest apart', async () => {
    const vectors = await vectorsOf('Theme', THEMES);
    const { groups } = clusterConcepts(
      THEMES.map((name) => ({ key: normaliseKey(name), name })),
      { names: exactNeighbours(vectors, CONCEPT_RULES.Theme.neighbours) },
      CONCEPT_RULES.Theme,
    );
    expect(groupOf(groups, 'AI')).toBe(groupOf(groups, 'artificial intelligence'));
    expect(groupOf(groups, 'climate change')).toBe(groupOf(groups, 'global warming'));
    expect(groupOf(groups, 'sustainability')).toBe(groupOf(groups, 'environmental sustainability'));
    expect(groupOf(groups, 'AI')).not.toBe(groupOf(groups, 'climate change'));
    expect(groupOf(groups, 'football')).not.toBe(groupOf(groups, 'poetry'));
    // Embedded without generic words, a fixed phrase kept whole: "climate change" is not "climate".
    expect(embeddedText('Theme', 'technology impact')).toBe('technology');
    expect(embeddedText('Theme', 'climate change')).toBe('climate change');
    expect(groupOf(groups, 'technology impact')).toBe(groupOf(groups, 'technology'));
    expect(groupOf(groups, 'nuclear technology')).not.toBe(groupOf(groups, 'technology'));
    const ai = groups.find((group) => group.key === groupOf(groups, 'AI'))!;
    const member = ai.members.find((m) => m.similarity < 1)!;
    expect(member.reason).toMatch(/^close in meaning to the group's core ".+" \(cosine 0\.\d\d/);
    // Embedded from the same text as the core: said so, not "cosine 1.00".
    const technology = groups.find((group) => group.key === groupOf(groups, 'technology'))!;
    const same = technology.members.find((m) => m.key !== technology.members[0]!.key)!;
    expect(same.reason).toMatch(
      /^embedded as "technology", (the same text as|as is) the group's core "technology( impact)?"/,
    );
    expect(same.reason).not.toMatch(/cosine/);
  });

  it('groups issues phrased anew, and not unrelated ones', async () => {
    const names = [...ENERGY_FAMILY, ...JOBS_FAMILY, ...REMOTE_WORK_FAMILY, ...BACKGROUND];
    const vectors = await vectorsOf('Issue', names);
    const { groups } = clusterConcepts(
      names.map((name) => ({ key: normaliseKey(name), name })),
      { names: exactNeighbours(vectors, CONCEPT_RULES.Issue.neighbours) },
      CONCEPT_RULES.Issue,
    );
    expect(groupOf(groups, JOBS_FAMILY[0]!)).toBe(groupOf(groups, JOBS_FAMILY[1]!));
    expect(groupOf(groups, 'Data Privacy Concerns')).not.toBe(groupOf(groups, 'Deepfake Legislation'));
    expect(groupOf(groups, JOBS_FAMILY[0]!)).not.toBe(groupOf(groups, ENERGY_FAMILY[0]!));
  });

  it('does not chain: a name joins a core, never a member of a member', () => {
    // A–B–C–D each close to the next, far from the ones beyond.
    const pairs: [string, string, number][] = [
      ['a', 'b', 0.8],
      ['b', 'c', 0.8],
      ['c', 'd', 0.8],
      ['a', 'c', 0.5],
      ['b', 'd', 0.5],
      ['a', 'd', 0.2],
    ];
    const neighbours = neighbourLists(pairs);
    const rule = { threshold: 0.75, lexicalWeight: 0, neighbours: 5 };
    const items = ['a', 'b', 'c', 'd'].map((key) => ({ key, name: key }));
    const { groups } = clusterConcepts(items, { names: neighbours }, rule);
    expect(groups.map((group) => group.members.map((m) => m.key).sort())).toEqual([['a', 'b', 'c'], ['d']]);
    // The order of the input does not matter.
    expect(clusterConcepts([...items].reverse(), { names: neighbours }, rule).groups).toEqual(groups);
  });

  it('joins issues through a head, and says whose head', async () => {
    const names = [...MENTAL_HEALTH, ...BACKGROUND];
    expect(embeddedHead('Issue', MENTAL_HEALTH[0])).toBe('Mental Health');
    const texts = textsToEmbed(names, CONCEPT_RULES.Issue);
    const vectors = new Map((await embedder.embed(texts)).map((vector, index) => [texts[index]!, vector]));
    const inputs = names.map((name) => ({ key: normaliseKey(name), name }));
    const lists = (rule: typeof CONCEPT_RULES.Issue) =>
      exactNeighbourLists(
        new Map(inputs.map((input) => [input.key, input.name])),
        (text) => vectors.get(text)!,
        rule,
      );
    const { groups } = clusterConcepts(inputs, lists(CONCEPT_RULES.Issue), CONCEPT_RULES.Issue);
    expect(groupOf(groups, MENTAL_HEALTH[0])).toBe(groupOf(groups, MENTAL_HEALTH[1]));
    const joined = groups
      .find((group) => group.key === groupOf(groups, MENTAL_HEALTH[0]))!
      .members.find(
        (member) => MENTAL_HEALTH.map(normaliseKey).includes(member.key) && member.similarity < 1,
      )!;
    expect(joined.reason).toMatch(/head "Mental Health"/);
    // Without heads, the two names stay apart.
    const withoutHeads = { ...CONCEPT_RULES.Issue, compareHeads: false };
    const apart = clusterConcepts(inputs, lists(withoutHeads), withoutHeads).groups;
    expect(groupOf(apart, MENTAL_HEALTH[0])).not.toBe(groupOf(apart, MENTAL_HEALTH[1]));
  });

  it('takes a pair at the highest cosine of its lists, and names the head it came through', () => {
    const rule = { threshold: 0.75, lexicalWeight: 0, neighbours: 5 };
    // "Ab in C" (head "Ab") is the shorter name, so the core; "Ef in G" (head "Ef") joins it
    // through the core's head; "Hi in J" through its own.
    const items = ['Ab in C', 'Ef in G long', 'Hi in J long'].map((name) => ({ key: name, name }));
    const names = neighbourLists([
      ['Ab in C', 'Ef in G long', 0.3],
      ['Ab in C', 'Hi in J long', 0.2],
    ]);
    const heads = neighbourLists([
      ['Ab in C', 'Ef in G long', 0.9],
      ['Hi in J long', 'Ab in C', 0.8],
    ]);
    const [group, ...rest] = clusterConcepts(items, { names, heads }, rule).groups;
    expect(rest).toEqual([]);
    expect(group!.members.map((member) => member.reason)).toEqual([
      "the group's core: 2 other names score 0.75 or more with it, by meaning and shared words",
      'close in meaning to "Ab", the head of the group\'s core "Ab in C" (cosine 0.90, no word in common; score 0.90)',
      'its head "Hi" is close in meaning to the group\'s core "Ab in C" (cosine 0.80, no word in common; score 0.80)',
    ]);
    // The names' own lists alone do not join them.
    expect(clusterConcepts(items, { names }, rule).groups).toHaveLength(3);
    // The same cosines found the other way round (each name's nearest heads) give the same groups and reasons.
    const nearHeads = neighbourLists([
      ['Ef in G long', 'Ab in C', 0.9],
      ['Ab in C', 'Hi in J long', 0.8],
    ]);
    expect(clusterConcepts(items, { names, nearHeads }, rule).groups).toEqual([group]);
  });
});

describe('concept groups on a real Neo4j', () => {
  let driver: Driver;
  const database = 'neo4j';
  const ARTICLES = [
    {
      id: 'a1',
      issues: [JOBS_FAMILY[0]!, 'Data Privacy Concerns'],
      themes: ['artificial intelligence', 'poetry'],
    },
    { id: 'a2', issues: [JOBS_FAMILY[1]!, 'Data Privacy Concerns'], themes: ['AI', 'football'] },
    {
      id: 'a3',
      issues: ['Coral Reef Bleaching', 'Deepfake Legislation', ...MENTAL_HEALTH],
      themes: ['climate change'],
    },
  ];

  beforeAll(async () => {
    driver = await testDriver();
    await clearDatabase(driver);
    await driver.executeQuery(
      `UNWIND $articles AS a
       MERGE (art:Article {id: a.id}) SET art.title = a.id
       WITH art, a
       CALL (art, a) {
         UNWIND a.issues AS issue
         MERGE (i:Issue {key: issue.key}) ON CREATE SET i.name = issue.name
         MERGE (art)-[:HAS_ISSUE]->(i)
       }
       CALL (art, a) {
         UNWIND a.themes AS theme
         MERGE (t:Theme {key: theme.key}) ON CREATE SET t.name = theme.name
         MERGE (art)-[:HAS_THEME]->(t)
       }`,
      {
        articles: ARTICLES.map((a) => ({
          id: a.id,
          issues: a.issues.map((name) => ({ key: normaliseKey(name), name })),
          themes: a.themes.map((name) => ({ key: normaliseKey(name), name })),
        })),
      },
      { database },
    );
  });

  afterAll(async () => {
    await driver?.close();
  });

  const addIssueToA3 = (name: string) =>
    driver.executeQuery(
      `MATCH (a:Article {id: 'a3'}) MERGE (i:Issue {key: $key}) ON CREATE SET i.name = $name MERGE (a)-[:HAS_ISSUE]->(i)`,
      { key: normaliseKey(name), name },
    );

  it('stores vectors under a 384-dimension cosine vector index, groups by neighbours, and precomputes co-occurrence', async () => {
    const result = await recomputeConcepts(driver, { database, embedder, labels: ['Issue', 'Theme'] });
    const issues = result.labels.find((layer) => layer.label === 'Issue')!;
    expect(issues.rule).toBe('concept');
    expect(issues.embedding?.embedded).toBe(7);
    expect(issues.neighboursQueried).toBe(7);
    // Heads: "Job Displacement", "Data Privacy", "Mental Health"; the others are their own head.
    expect(issues.embedding?.headsEmbedded).toBe(3);
    expect(issues.headsQueried).toBe(3);
    expect(issues.nearHeadsQueried).toBe(7);
    const { records: heads } = await driver.executeQuery(
      `MATCH (i:Issue) RETURN i.name AS name, size(i.headEmbedding) AS dimensions, i.headEmbeddingHash AS hash,
              i.headNeighboursHash AS listHash, i.headNeighbourKeys AS keys ORDER BY name`,
    );
    for (const record of heads) {
      const head = embeddedHead('Issue', record.get('name') as string);
      expect(record.get('hash')).toBe(head === null ? null : embeddingHash(head));
      expect(record.get('dimensions')).toBe(head === null ? null : 384);
      expect(record.get('listHash')).toBe(record.get('hash'));
    }
    const mentalHealth = heads.find((record) => record.get('name') === MENTAL_HEALTH[0])!;
    expect(mentalHealth.get('keys')).toContain(normaliseKey(MENTAL_HEALTH[1]));
    // Far apart as written, grouped through the head.
    const { records: joined } = await driver.executeQuery(
      `MATCH (i:Issue)-[m:IN_GROUP]->(g:IssueGroup) WHERE i.key IN $keys
       RETURN collect(DISTINCT g.key) AS groups, collect(m.reason) AS reasons`,
      { keys: MENTAL_HEALTH.map(normaliseKey) },
    );
    expect(joined[0]!.get('groups')).toHaveLength(1);
    expect((joined[0]!.get('reasons') as string[]).some((r) => /head "Mental Health"/.test(r))).toBe(true);

    const { records: indexes } = await driver.executeQuery(
      `SHOW VECTOR INDEXES YIELD name, labelsOrTypes, properties, options
       WHERE name = $name RETURN labelsOrTypes, properties, options.indexConfig AS config`,
      { name: vectorIndexName('Issue') },
    );
    expect(indexes[0]!.get('labelsOrTypes')).toEqual(['Issue']);
    expect(indexes[0]!.get('properties')).toEqual(['embedding']);
    expect(indexes[0]!.get('config')['vector.dimensions']).toEqual(expect.anything());
    expect(Number(indexes[0]!.get('config')['vector.dimensions'])).toBe(384);
    expect(indexes[0]!.get('config')['vector.similarity_function']).toBe('COSINE');
    const { records: headIndexes } = await driver.executeQuery(
      `SHOW VECTOR INDEXES YIELD name, labelsOrTypes, properties WHERE name = $name RETURN labelsOrTypes, properties`,
      { name: headIndexName('Issue') },
    );
    expect(headIndexes.map((record) => [record.get('labelsOrTypes'), record.get('properties')])).toEqual([
      [['Issue'], ['headEmbedding']],
    ]);

    const { records: jobs } = await driver.executeQuery(
      `MATCH (i:Issue)-[m:IN_GROUP]->(g:IssueGroup) WHERE i.key IN $keys
       RETURN collect(DISTINCT g.key) AS groups, collect(m.reason) AS reasons`,
      { keys: JOBS_FAMILY.map(normaliseKey) },
    );
    expect(jobs[0]!.get('groups')).toHaveLength(1);
    expect((jobs[0]!.get('reasons') as string[]).some((r) => /close in meaning/.test(r))).toBe(true);
    const { records: themes } = await driver.executeQuery(
      `MATCH (t:Theme)-[:IN_GROUP]->(g:ThemeGroup) WHERE t.key IN ['ai', 'artificial intelligence']
       RETURN count(DISTINCT g) AS groups`,
    );
    expect(themes[0]!.get('groups')).toBe(1);

    // The job concept and Data Privacy Concerns share a1 and a2: one stored pair, count 2.
    const { records: pairs } = await driver.executeQuery(
      `MATCH (:Issue {key: $jobs})-[:IN_GROUP]->(x:IssueGroup)-[r:CO_OCCURS]-(y:IssueGroup)<-[:IN_GROUP]-(:Issue {key: $privacy})
       RETURN r.count AS count, r.npmi AS npmi`,
      { jobs: normaliseKey(JOBS_FAMILY[0]!), privacy: normaliseKey('Data Privacy Concerns') },
    );
    expect(pairs.map((record) => record.get('count'))).toEqual([2]);
    // Theme concepts too: the AI concept (a1, a2) meets poetry in a1 and football in a2.
    expect(
      result.labels.find((layer) => layer.label === 'Theme')!.cooccurrence?.pairs,
    ).toBeGreaterThanOrEqual(2);
  });

  it('embeds nothing, asks the index nothing and writes nothing when nothing changed', async () => {
    const before = embedder.embedded;
    const result = await recomputeConcepts(driver, { database, embedder, labels: ['Issue', 'Theme'] });
    for (const layer of result.labels) {
      expect(layer.embedding?.embedded).toBe(0);
      expect(layer.embedding?.headsEmbedded).toBe(0);
      expect(layer.embedding?.computed).toBe(0);
      expect(layer.neighboursQueried).toBe(0);
      expect(layer.headsQueried).toBe(0);
      expect(layer.nearHeadsQueried).toBe(0);
      expect(layer.changes).toEqual({
        groupsWritten: 0,
        groupsDeleted: 0,
        membershipsWritten: 0,
        transactions: 0,
      });
    }
    for (const layer of result.labels) expect(layer.cooccurrence?.written).toBe(0);
    expect(embedder.embedded).toBe(before);
  });

  it('answers "issues like this text" through the API, nearest first, with each one’s concept', async () => {
    const lazy = new LazyEmbedder(async () => embedder);
    const app = createApp({ driver, logger: createLogger('silent'), embedder: lazy });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(
        `http://127.0.0.1:${port}/api/similar?text=${encodeURIComponent('robots are taking our jobs')}&label=Issue&limit=3`,
      );
      expect(response.status).toBe(200);
      const { results } = (await response.json()) as {
        results: { name: string; cosine: number; concept: { id: string } | null }[];
      };
      expect(JOBS_FAMILY).toContain(results[0]!.name);
      expect(results[0]!.concept?.id).toMatch(/^IssueGroup:/);
      expect(results[0]!.cosine).toBeGreaterThanOrEqual(results[1]!.cosine);
      const bad = await fetch(`http://127.0.0.1:${port}/api/similar?text=&label=Issue`);
      expect(bad.status).toBe(400);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
  it('embeds and asks the index only for a new name, which old names then meet', async () => {
    const added = 'Automation-Driven Layoffs in Factories';
    await addIssueToA3(added);
    const result = await recomputeConcepts(driver, { database, embedder, labels: ['Issue'] });
    expect(result.labels[0]!.embedding?.embedded).toBe(1);
    expect(result.labels[0]!.neighboursQueried).toBe(1);
    const { records } = await driver.executeQuery(
      `MATCH (i:Issue {key: $key}) RETURN i.neighbourKeys AS keys`,
      { key: normaliseKey(added) },
    );
    expect(records[0]!.get('keys')).toEqual(expect.arrayContaining(JOBS_FAMILY.map(normaliseKey)));
  });

  it('gives a renamed issue a new head vector and list, and takes them away when its new name has no head', async () => {
    const rename = (key: string, name: string) =>
      driver.executeQuery(`MATCH (i:Issue {key: $key}) SET i.name = $name`, { key, name });
    const read = async (key: string) =>
      (
        await driver.executeQuery(
          `MATCH (i:Issue {key: $key})
           RETURN i.headEmbeddingHash AS hash, i.headNeighboursHash AS listHash,
                  i.headEmbedding IS NULL AS noVector, i.headNeighbourKeys IS NULL AS noList`,
          { key },
        )
      ).records[0]!;
    const jobs = normaliseKey(JOBS_FAMILY[0]!);
    const privacy = normaliseKey('Data Privacy Concerns');
    const before = await read(jobs);
    await rename(jobs, 'Worker Retraining for Automation');
    await rename(privacy, 'Surveillance Capitalism');
    const result = await recomputeConcepts(driver, { database, embedder, labels: ['Issue'] });
    const issues = result.labels[0]!;
    expect(issues.embedding?.embedded).toBe(2);
    expect(issues.embedding?.headsEmbedded).toBe(2);
    // The two renamed, and every other name: each one's list names them (8 names, lists of 20).
    expect(issues.neighboursQueried).toBe(8);
    // The new head of the first, and the two other heads: their lists name the renamed.
    expect(issues.headsQueried).toBe(3);
    const after = await read(jobs);
    expect(after.get('hash')).toBe(embeddingHash('Worker Retraining'));
    expect(after.get('hash')).not.toBe(before.get('hash'));
    expect(after.get('listHash')).toBe(after.get('hash'));
    const gone = await read(privacy);
    expect([gone.get('hash'), gone.get('listHash'), gone.get('noVector'), gone.get('noList')]).toEqual([
      null,
      null,
      true,
      true,
    ]);
  });
  it('asks again the lists that name a renamed issue, so that it leaves the group its old name was in', async () => {
    const [water, renamedKey] = ['Drinking Water Shortages', 'Shortages of Drinking Water'];
    await addIssueToA3(water);
    await addIssueToA3(renamedKey);
    await recomputeConcepts(driver, { database, embedder, labels: ['Issue'] });
    const groupOf = async (name: string) =>
      (
        await driver.executeQuery(`MATCH (:Issue {key: $key})-[:IN_GROUP]->(g) RETURN g.key AS group`, {
          key: normaliseKey(name),
        })
      ).records[0]!.get('group') as string;
    expect(await groupOf(renamedKey)).toBe(await groupOf(water));

    const renamed = 'Deep Sea Mining Rights';
    await driver.executeQuery(`MATCH (i:Issue {key: $key}) SET i.name = $name`, {
      key: normaliseKey(renamedKey),
      name: renamed,
    });
    const result = await recomputeConcepts(driver, { database, embedder, labels: ['Issue'] });
    expect(await groupOf(renamedKey)).not.toBe(await groupOf(water));
    expect(result.labels[0]!.neighboursQueried).toBeGreaterThan(1);
    // The old name's fellow holds it at the cosine of its new name (0.16), not the old one (0.98),
    // as near as the index's scores go.
    const { records } = await driver.executeQuery(
      `MATCH (i:Issue {key: $key}) RETURN i.neighbourKeys AS keys, i.neighbourCosines AS cosines`,
      { key: normaliseKey(water) },
    );
    const keys = records[0]!.get('keys') as string[];
    const stored = (records[0]!.get('cosines') as number[])[keys.indexOf(normaliseKey(renamedKey))]!;
    const [a, b] = await embedder.embed([renamed, water]);
    expect(Math.abs(stored - cosine(a!, b!))).toBeLessThan(0.01);
  });

  it("lets a new name meet an old name's head, whose own list was found before the new name existed", async () => {
    // "Psychological Health" is far from "Mental Health Risks in AI Training Roles" as written
    // (cosine 0.50) but close to its head "Mental Health" (0.84); it has no head of its own.
    const added = 'Psychological Health';
    await addIssueToA3(added);
    const result = await recomputeConcepts(driver, { database, embedder, labels: ['Issue'] });
    const issues = result.labels[0]!;
    expect([issues.neighboursQueried, issues.headsQueried, issues.nearHeadsQueried]).toEqual([1, 0, 1]);
    const { records } = await driver.executeQuery(
      `MATCH (i:Issue {key: $added})-[m:IN_GROUP]->(g:IssueGroup)
       RETURN i.nearHeadKeys AS nearHeads, m.reason AS reason,
              exists { (:Issue {key: $old})-[:IN_GROUP]->(g) } AS withOld`,
      { added: normaliseKey(added), old: normaliseKey(MENTAL_HEALTH[0]) },
    );
    expect(records[0]!.get('nearHeads')).toContain(normaliseKey(MENTAL_HEALTH[0]));
    expect(records[0]!.get('withOld')).toBe(true);
    expect(records[0]!.get('reason')).toMatch(/"Mental Health", the head of the group's core/);
  });
});

describe('without Java on the ingest machine', () => {
  it('groups issues by words only, says why, and still ingests', async () => {
    const driver = await testDriver();
    try {
      await clearDatabase(driver);
      const result = await runIngest([SEEDS_DIR, '--json'], { env: { JAVA_HOME: '/nonexistent' } });
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as {
        groups: { labels: { label: string; rule: string; embedding: unknown }[] };
        conceptWarning: string;
      };
      expect(report.conceptWarning).toMatch(/issues grouped by words only: Java 17 is needed/);
      expect(report.groups.labels).toEqual([
        expect.objectContaining({ label: 'Issue', rule: 'lexical', embedding: null }),
      ]);
      const { records } = await driver.executeQuery(
        'MATCH (i:Issue) RETURN count(i) AS issues, count { (:Issue)-[:IN_GROUP]->(:IssueGroup) } AS members, count { (n) WHERE n.embedding IS NOT NULL } AS vectors',
      );
      expect(records[0]!.get('members')).toBe(records[0]!.get('issues'));
      expect(records[0]!.get('vectors')).toBe(0);
    } finally {
      await driver.close();
    }
  });
});

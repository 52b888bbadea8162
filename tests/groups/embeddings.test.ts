import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosine, Embedder } from '../../embed/embedder.js';
import { chunksOf, distinctTexts, VectorMemo } from '../../groups/embedding-plan.js';
import { awaitVectorIndex, embedLabels } from '../../groups/embeddings.js';
import {
  embeddedHead,
  embeddedText,
  embeddingHash,
  headIndexName,
  vectorIndexName,
} from '../../groups/index.js';
import { resetGraph } from '../../ingest/index.js';
import type { GroupedLabel } from '../../model/index.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';

/**
 * The embedding step's memory bounds: a label's texts are embedded and written a chunk at a time,
 * each distinct text once, and a vector is kept across labels only while a later label needs it.
 */

const stale = (key: string, text: string) => ({ key, text, hash: `h(${text})` });

describe('what a run embeds (pure)', () => {
  it('groups a label’s stale names and heads by text, in the order first met', () => {
    const texts = distinctTexts(
      [stale('a', 'Mental Health Risks'), stale('b', 'Mental Health'), stale('c', 'Mental Health')],
      [stale('a', 'Mental Health'), stale('d', 'Data Privacy')],
    );
    expect(texts).toEqual([
      { hash: 'h(Mental Health Risks)', text: 'Mental Health Risks', nameKeys: ['a'], headKeys: [] },
      { hash: 'h(Mental Health)', text: 'Mental Health', nameKeys: ['b', 'c'], headKeys: ['a'] },
      { hash: 'h(Data Privacy)', text: 'Data Privacy', nameKeys: [], headKeys: ['d'] },
    ]);
  });

  it('cuts a list into chunks of at most the size given, and refuses a size below one', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 2)).toEqual([]);
    expect(() => chunksOf([1], 0)).toThrow(RangeError);
  });

  it('keeps a vector only while a label still to come needs it', () => {
    const memo = new VectorMemo([['all', 'one'], ['all', 'two'], ['all']]);
    const vector = new Float32Array([1]);
    memo.written('one', vector);
    memo.written('all', vector);
    expect(memo.get('one')).toBeUndefined();
    expect(memo.get('all')).toBe(vector);
    memo.written('all', vector);
    memo.written('two', vector);
    expect([memo.get('all'), memo.size]).toEqual([vector, 1]);
    memo.written('all', vector);
    expect(memo.size).toBe(0);
  });
});

describe('embedding labels on a real Neo4j, in chunks', () => {
  let driver: Driver;
  let embedder: Embedder;
  const database = 'neo4j';
  // Keys are not normalised names here: two issues carry the same name. "Mental Health" is also the
  // head of i1 and a theme; "climate change" is an issue and a theme, and the text of a second theme.
  const NODES: Record<'Issue' | 'Theme', Record<string, string>> = {
    Issue: {
      i1: 'Mental Health Risks in AI Training Roles',
      i2: 'Mental Health',
      i3: 'Mental Health',
      i4: 'Data Privacy Concerns',
      i5: 'Data Privacy',
      i6: 'Coral Reef Bleaching',
      i7: 'climate change',
      i8: 'Climate Change Impacts on Farming',
    },
    Theme: {
      t1: 'climate change',
      t2: 'climate change impact',
      t3: 'Mental Health',
      t4: 'technology',
      t5: 'technology impact',
      t6: 'poetry',
    },
  };

  beforeAll(async () => {
    embedder = await Embedder.start();
    driver = await testDriver();
    await clearDatabase(driver);
    for (const label of ['Issue', 'Theme'] as const)
      await driver.executeQuery(
        `UNWIND $nodes AS node CREATE (n:${label}) SET n = node`,
        { nodes: Object.entries(NODES[label]).map(([key, name]) => ({ key, name })) },
        { database },
      );
  });

  afterAll(async () => {
    await driver?.close();
    await embedder?.close();
  });

  async function stored(label: GroupedLabel) {
    const { records } = await driver.executeQuery(
      `MATCH (n:${label}) RETURN n.name AS name, n.embedding AS vector, n.embeddingHash AS hash,
              n.headEmbedding AS headVector, n.headEmbeddingHash AS headHash ORDER BY n.key`,
      {},
      { database },
    );
    return records.map((record) => ({
      name: record.get('name') as string,
      vector: record.get('vector') as number[] | null,
      hash: record.get('hash') as string | null,
      headVector: record.get('headVector') as number[] | null,
      headHash: record.get('headHash') as string | null,
    }));
  }

  it('gives every node the vector of its own text and head, each text computed once across labels', async () => {
    const before = embedder.embedded;
    const results = await embedLabels(driver, embedder, ['Issue', 'Theme'], {
      database,
      chunkSize: 2,
      batchSize: 1,
    });
    // Issues: 8 distinct texts (3 names share "Mental Health", i1's head among them; 3 heads).
    expect(results.get('Issue')).toMatchObject({ nodes: 8, embedded: 8, headsEmbedded: 3, computed: 8 });
    // Themes: "climate change" (twice) and "Mental Health" come from the issues; "technology"
    // (twice) and "poetry" are computed.
    expect(results.get('Theme')).toMatchObject({ nodes: 6, embedded: 6, headsEmbedded: 0, computed: 2 });
    expect(embedder.embedded - before).toBe(10);

    for (const label of ['Issue', 'Theme'] as const) {
      const nodes = await stored(label);
      const texts = nodes
        .flatMap((node) => [embeddedText(label, node.name), embeddedHead(label, node.name) ?? []])
        .flat();
      const expected = new Map((await embedder.embed(texts)).map((vector, index) => [texts[index]!, vector]));
      for (const node of nodes) {
        const text = embeddedText(label, node.name);
        expect(node.hash).toBe(embeddingHash(text));
        expect(
          cosine(Float32Array.from(node.vector!), expected.get(text)!),
          `${label} ${node.name}`,
        ).toBeCloseTo(1, 5);
        const head = embeddedHead(label, node.name);
        expect(node.headHash).toBe(head === null ? null : embeddingHash(head));
        if (head !== null)
          expect(
            cosine(Float32Array.from(node.headVector!), expected.get(head)!),
            `head of ${node.name}`,
          ).toBeCloseTo(1, 5);
        else expect(node.headVector).toBeNull();
      }
    }
  });

  async function vectorIndexes(): Promise<Record<string, number>> {
    const { records } = await driver.executeQuery(
      `SHOW VECTOR INDEXES YIELD name, state, populationPercent WHERE state = 'ONLINE'
       RETURN name, populationPercent ORDER BY name`,
      {},
      { database },
    );
    return Object.fromEntries(
      records.map((r) => [r.get('name') as string, r.get('populationPercent') as number]),
    );
  }

  it('makes the vector indexes once the vectors are written, and they answer once filled', async () => {
    for (const name of [vectorIndexName('Issue'), headIndexName('Issue'), vectorIndexName('Theme')])
      await awaitVectorIndex(driver, name, database);
    expect(await vectorIndexes()).toEqual({
      [headIndexName('Issue')]: 100,
      [vectorIndexName('Issue')]: 100,
      [vectorIndexName('Theme')]: 100,
    });
    const [poetry] = await embedder.embed(['poetry']);
    const { records } = await driver.executeQuery(
      `CALL db.index.vector.queryNodes($index, 3, $vector) YIELD node RETURN node.key AS key`,
      { index: vectorIndexName('Theme'), vector: Array.from(poetry!) },
      { database },
    );
    expect(records[0]?.get('key')).toBe('t6');
  });

  it('embeds and writes nothing when the names have not changed', async () => {
    const before = embedder.embedded;
    const results = await embedLabels(driver, embedder, ['Issue', 'Theme'], { database, chunkSize: 2 });
    for (const result of results.values())
      expect([result.embedded, result.headsEmbedded, result.computed]).toEqual([0, 0, 0]);
    expect(embedder.embedded).toBe(before);
  });

  it('drops the vector indexes with the graph on --reset, and makes them again with the vectors', async () => {
    await resetGraph(driver, database);
    expect(await vectorIndexes()).toEqual({});
    await driver.executeQuery(
      `UNWIND $nodes AS node CREATE (n:Issue) SET n = node`,
      { nodes: Object.entries(NODES.Issue).map(([key, name]) => ({ key, name })) },
      { database },
    );
    await embedLabels(driver, embedder, ['Issue'], { database });
    for (const name of [vectorIndexName('Issue'), headIndexName('Issue')])
      await awaitVectorIndex(driver, name, database);
    expect(await vectorIndexes()).toEqual({ [headIndexName('Issue')]: 100, [vectorIndexName('Issue')]: 100 });
  });
});

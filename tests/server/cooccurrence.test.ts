import { describe, expect, it } from 'vitest';
import {
  CooccurringResponseSchema,
  cooccurrenceMeasures,
  normaliseKey,
  nodeId,
  PairsResponseSchema,
} from '../../model/index.js';
import { cooccurringPairs, writeCooccurrence } from '../../groups/cooccurrence.js';
import { readSnapshot, type IssueGroupResult } from '../../groups/index.js';
import { pathId } from './support/api.js';
import { FIXTURE_ARTICLES } from './support/fixture-articles.js';
import { useFixtureApi } from './support/fixture-suite.js';

const suite = useFixtureApi();
const theme = (name: string) => nodeId('Theme', normaliseKey(name));
const issue = (name: string) => nodeId('Issue', normaliseKey(name));

/** Theme co-occurrence worked out from the fixture records themselves, independently of Neo4j. */
function expectedThemePairs(): Map<string, ReturnType<typeof cooccurrenceMeasures>> {
  const withThemes = FIXTURE_ARTICLES.filter((a) => a.themes.length > 0).map(
    (a) => new Set(a.themes.map(theme)),
  );
  const articlesOf = (id: string) => withThemes.filter((themes) => themes.has(id)).length;
  const pairs = new Map<string, ReturnType<typeof cooccurrenceMeasures>>();
  const ids = [...new Set(withThemes.flatMap((themes) => [...themes]))].sort();
  for (const a of ids) {
    for (const b of ids) {
      const nAB = withThemes.filter((themes) => themes.has(a) && themes.has(b)).length;
      if (a < b && nAB > 0) {
        pairs.set(
          `${a} ${b}`,
          cooccurrenceMeasures({ n: withThemes.length, nA: articlesOf(a), nB: articlesOf(b), nAB }),
        );
      }
    }
  }
  return pairs;
}

describe('GET /api/themes/network', () => {
  it('links themes by shared articles, with the measures on each edge, sized by article count', async () => {
    const { status, body } = await suite.api.get('/api/themes/network');
    expect(status).toBe(200);
    expect(body.meta).toEqual({ articles: 7, minCount: 2, limit: 200 });
    expect(
      body.edges.map((e: { data: { source: string; target: string } }) => [e.data.source, e.data.target]),
    ).toEqual([
      [theme('Artificial Intelligence'), theme('Regulation')],
      [theme('Climate'), theme('Energy')],
    ]);
    expect(body.edges[0].data).toMatchObject({ type: 'CO_OCCURS', count: 2, jaccard: 0.4 });
    expect(body.edges[0].data.lift).toBeCloseTo(7 / 6, 12);
    expect(body.edges[0].data.npmi).toBeCloseTo(Math.log(7 / 6) / -Math.log(2 / 7), 12);
    expect(
      body.nodes.find((n: { data: { id: string } }) => n.data.id === theme('Energy')).data,
    ).toMatchObject({
      label: 'Theme',
      name: 'Energy',
      articleCount: 4,
    });
  });

  it('agrees with co-occurrence counted from the documents, for every pair', async () => {
    const { body } = await suite.api.get('/api/themes/network?minCount=1');
    const expected = expectedThemePairs();
    expect(body.edges).toHaveLength(expected.size);
    for (const { data } of body.edges) {
      const want = expected.get(`${data.source} ${data.target}`);
      expect(want, `${data.source} ${data.target}`).toBeDefined();
      for (const measure of ['count', 'jaccard', 'lift', 'npmi'] as const)
        expect(data[measure]).toBeCloseTo(want![measure], 12);
    }
  });

  it('keeps the strongest edges by count under the limit', async () => {
    const { body } = await suite.api.get('/api/themes/network?minCount=1&limit=3');
    expect(body.edges.map((e: { data: { count: number } }) => e.data.count)).toEqual([2, 2, 1]);
    const nodeIds = new Set(body.nodes.map((n: { data: { id: string } }) => n.data.id));
    for (const { data } of body.edges)
      expect(nodeIds.has(data.source) && nodeIds.has(data.target)).toBe(true);
  });
});

describe('GET /api/themes/link', () => {
  it('shows why two themes are linked: measures and the articles having both, newest first', async () => {
    const query = `a=${encodeURIComponent(theme('Artificial Intelligence'))}&b=${encodeURIComponent(theme('Regulation'))}`;
    const { status, body } = await suite.api.get(`/api/themes/link?${query}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      a: { id: theme('Artificial Intelligence'), name: 'Artificial Intelligence', articleCount: 4 },
      b: { id: theme('Regulation'), articleCount: 3 },
      articles: 7,
      measures: { count: 2, jaccard: 0.4 },
      evidence: [
        { id: 'Article:a2', title: 'Auditing algorithms' },
        { id: 'Article:a1', title: 'EU AI Act enforcement begins' },
      ],
    });
  });

  it('gives a pair sharing nothing count 0 and npmi −1, not NaN', async () => {
    const { body } = await suite.api.get(`/api/themes/link?a=Theme:privacy&b=Theme:climate`);
    expect(body.measures).toEqual({ count: 0, jaccard: 0, lift: 0, npmi: -1 });
    expect(body.evidence).toEqual([]);
  });

  it('answers 404 for an unknown theme and 400 for the same theme twice', async () => {
    expect((await suite.api.get('/api/themes/link?a=Theme:privacy&b=Theme:nope')).status).toBe(404);
    const same = await suite.api.get('/api/themes/link?a=Theme:privacy&b=Theme:privacy');
    expect(same.status).toBe(400);
    expect(same.body.error.details.issues[0].field).toBe('b');
  });
});

describe('GET /api/issues/:id/cooccurring', () => {
  const opaque = issue('Opaque AI models in public services');

  it("ranks the groups co-occurring with the issue's group, with measures, evidence and an ego graph", async () => {
    const { status, body } = await suite.api.get(`/api/issues/${pathId(opaque)}/cooccurring`);
    expect(status).toBe(200);
    const answer = CooccurringResponseSchema.parse(body);
    expect(answer.issue).toEqual({ id: opaque, name: 'Opaque AI models in public services' });
    expect(answer.group).toMatchObject({
      id: 'IssueGroup:opaque-ai',
      name: 'Opaque AI in public services',
      size: 3,
      articleCount: 3,
    });
    expect(answer.group.members.map((m) => [m.name, m.reason, m.similarity])).toEqual([
      ['Opaque AI models in public services', 'core', 1],
      ['Opaque models in the public sector', 'shares: opaque, model, public', 0.8],
      ['Black-box algorithms in government', 'shares: opaque, government', 0.62],
    ]);
    expect(answer.measure).toBe('npmi');
    // N = 6 articles with issues; opaque-ai in 3, fragmented-rules in 2, both in a1 and a2.
    expect(answer.results).toHaveLength(1);
    const [result] = answer.results;
    expect(result!.group).toEqual({
      id: 'IssueGroup:fragmented-rules',
      name: 'Fragmented AI rules',
      size: 2,
      articleCount: 2,
    });
    expect(result!.measures.count).toBe(2);
    expect(result!.measures.jaccard).toBeCloseTo(2 / 3, 12);
    expect(result!.measures.lift).toBeCloseTo(2, 12);
    expect(result!.measures.npmi).toBeCloseTo(Math.log(2) / Math.log(3), 12);
    expect(result!.evidence.map((e) => e.id)).toEqual(['Article:a2', 'Article:a1']);
    expect(answer.elements.nodes.map((n) => n.data.id)).toEqual([
      'IssueGroup:opaque-ai',
      'IssueGroup:fragmented-rules',
    ]);
    expect(answer.elements.edges[0]!.data).toMatchObject({
      source: 'IssueGroup:opaque-ai',
      target: 'IssueGroup:fragmented-rules',
      type: 'CO_OCCURS',
      count: 2,
      weight: result!.measures.npmi,
    });
  });

  it('answers the same for the group id, ranks by the measure asked, and limits the evidence', async () => {
    const { body } = await suite.api.get(
      '/api/issues/IssueGroup:opaque-ai/cooccurring?measure=count&minCount=1&evidence=1',
    );
    expect(body.issue).toEqual({ id: 'IssueGroup:opaque-ai', name: 'Opaque AI in public services' });
    expect(body.results.map((r: { group: { id: string } }) => r.group.id)).toEqual([
      'IssueGroup:fragmented-rules',
      'IssueGroup:chip-shortage',
    ]);
    expect(body.results[0].evidence).toEqual([{ id: 'Article:a2', title: 'Auditing algorithms' }]);
  });

  it('answers 404 for an unknown issue', async () => {
    const { status, body } = await suite.api.get(
      `/api/issues/${pathId('Issue:no%20such%20issue')}/cooccurring`,
    );
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/issues/pairs', () => {
  it('ranks the strongest group pairs overall, with evidence', async () => {
    const { status, body } = await suite.api.get('/api/issues/pairs');
    expect(status).toBe(200);
    const answer = PairsResponseSchema.parse(body);
    expect(answer.pairs).toHaveLength(1);
    expect(answer.pairs[0]).toMatchObject({
      a: { id: 'IssueGroup:opaque-ai', articleCount: 3 },
      b: { id: 'IssueGroup:fragmented-rules', articleCount: 2 },
      measures: { count: 2 },
      evidence: [{ id: 'Article:a2' }, { id: 'Article:a1' }],
    });
  });

  it('counts an issue outside every group as a group of its own', async () => {
    const { body } = await suite.api.get('/api/issues/pairs?minCount=1&measure=lift');
    const names = body.pairs.map((p: { a: { id: string }; b: { id: string } }) => `${p.a.id} + ${p.b.id}`);
    expect(names).toHaveLength(4);
    expect(names).toContain(`IssueGroup:datacentre-power + ${issue('Grid instability')}`);
    const lifts = body.pairs.map((p: { measures: { lift: number } }) => p.measures.lift);
    expect(lifts).toEqual([...lifts].sort((x, y) => y - x));
  });
});

describe('precomputed co-occurrence (issue groups)', () => {
  it('answers as the live walk does, from the stored CO_OCCURS', async () => {
    const live = {
      cooccurring: (await suite.api.get('/api/issues/IssueGroup:opaque-ai/cooccurring')).body,
      pairs: (await suite.api.get('/api/issues/pairs?measure=count')).body,
    };
    expect(live.pairs.pairs.length).toBeGreaterThan(0);
    const snapshot = await readSnapshot(suite.driver, undefined, 'Issue');
    const members = new Map<string, { key: string }[]>();
    for (const issue of snapshot.issues) {
      const group = issue.memberships[0]?.group;
      if (group) members.set(group, [...(members.get(group) ?? []), { key: issue.key }]);
    }
    const groups = [...members].map(([key, list]) => ({
      key,
      articleCount: snapshot.groups.get(key)!.articleCount!,
      members: list,
    })) as unknown as IssueGroupResult[];
    const written = await writeCooccurrence(suite.driver, cooccurringPairs(snapshot.issues, groups));
    expect(written.written).toBeGreaterThan(0);
    try {
      expect((await suite.api.get('/api/issues/IssueGroup:opaque-ai/cooccurring')).body).toEqual(
        live.cooccurring,
      );
      expect((await suite.api.get('/api/issues/pairs?measure=count')).body).toEqual(live.pairs);
    } finally {
      await suite.driver.executeQuery('MATCH ()-[r:CO_OCCURS]->() DELETE r');
    }
  });
});

describe('issue routes before the groups are computed', () => {
  it('treat every issue as a group of one, and say so', async () => {
    await suite.driver.executeQuery('MATCH (g:IssueGroup) DETACH DELETE g');
    const opaque = issue('Opaque AI models in public services');
    const { status, body } = await suite.api.get(`/api/issues/${pathId(opaque)}/cooccurring?minCount=1`);
    expect(status).toBe(200);
    expect(body.group).toMatchObject({ id: opaque, size: 1, articleCount: 1 });
    expect(body.group.members).toEqual([
      {
        id: opaque,
        name: 'Opaque AI models in public services',
        reason: expect.stringMatching(/not been computed/),
        similarity: 1,
      },
    ]);
    expect(body.results.map((r: { group: { id: string } }) => r.group.id)).toEqual([
      issue('Fragmented EU AI rules'),
    ]);

    // One pair per article with two issues; the issue repeated in a6's table pairs with nothing.
    const pairs = await suite.api.get('/api/issues/pairs?minCount=1');
    expect(pairs.body.pairs).toHaveLength(5);
    expect(pairs.body.pairs.every((p: { measures: { count: number } }) => p.measures.count === 1)).toBe(true);
  });
});

describe('whole-graph answers are computed once per version of the graph', () => {
  it('are answered again after any write', async () => {
    const url = '/api/themes/network?minCount=1';
    const edgeIds = async () =>
      (await suite.api.get(url)).body.edges.map((e: { data: { id: string } }) => e.data.id);
    const before = await edgeIds();
    expect(await edgeIds()).toEqual(before);
    await suite.driver.executeQuery(`
      MATCH (a:Article {id: 'a7'}), (t:Theme {key: 'privacy'})
      CREATE (a)-[:HAS_THEME {position: 1}]->(t)
      SET t.articleCount = t.articleCount + 1`);
    const after = await edgeIds();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContain('CO_OCCURS:Theme:energy->Theme:privacy');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { contentStems, nearEquivalence, sectionOf, splitDocument } from '../../gen/index.js';
import { generate } from './helpers.js';

let issues: string[][];

beforeAll(() => {
  issues = generate('families', 2000)
    .filter((doc) => doc.layout === 'new')
    .map((doc) => {
      const table = sectionOf(splitDocument(doc.text), 'Issues')!.tables[0]!;
      const column = table.header.indexOf('name');
      return table.rows.map((row) => row[column]!);
    });
});

/**
 * Leader clustering, a stand-in for the real grouping rule: a name joins the first group whose
 * leader shares at least two content stems and 60% of the smaller stem set; otherwise it leads a
 * new group. Unlike connected components, it cannot chain unrelated names together.
 */
function groups(names: readonly string[]): Map<string, number> {
  const leaders: string[][] = [];
  const byStem = new Map<string, number[]>();
  const group = new Map<string, number>();
  for (const name of names) {
    const stems = contentStems(name);
    const shared = new Map<number, number>();
    for (const stem of stems)
      for (const leader of byStem.get(stem) ?? []) shared.set(leader, (shared.get(leader) ?? 0) + 1);
    let found = -1;
    for (const [leader, count] of shared) {
      if (count >= 2 && count / Math.min(stems.length, leaders[leader]!.length) >= 0.6) {
        found = leader;
        break;
      }
    }
    if (found < 0) {
      found = leaders.length;
      leaders.push(stems);
      for (const stem of stems) byStem.set(stem, [...(byStem.get(stem) ?? []), found]);
    }
    group.set(name, found);
  }
  return group;
}

describe('issue families', () => {
  it('rarely repeats an issue name verbatim in another document', () => {
    const result = nearEquivalence(issues);
    const perName = new Map<string, Set<number>>();
    issues.forEach((names, doc) =>
      names.forEach((name) =>
        perName.set(name.toLowerCase(), (perName.get(name.toLowerCase()) ?? new Set()).add(doc)),
      ),
    );
    const repeated = [...perName.values()].filter((docs) => docs.size > 1).length;
    expect(repeated / perName.size).toBeLessThan(0.05);
    expect(result.exact / result.names).toBeLessThan(0.05);
  });

  it('has many issue names sharing ≥ 60% of their content-word stems with another document’s issue', () => {
    const result = nearEquivalence(issues, 0.6);
    expect(result.names).toBeGreaterThan(5000);
    expect(result.near / result.names).toBeGreaterThan(0.3);
  });

  it('makes some groups of near-equivalent issues co-occur far more often than chance', () => {
    const names = [...new Set(issues.flat())];
    const group = groups(names);
    const docsOf = new Map<number, Set<number>>();
    issues.forEach((list, doc) =>
      list.forEach((name) =>
        docsOf.set(group.get(name)!, (docsOf.get(group.get(name)!) ?? new Set()).add(doc)),
      ),
    );
    const n = issues.length;
    const pairs = new Map<string, number>();
    for (const list of issues) {
      const ids = [...new Set(list.map((name) => group.get(name)!))].sort((a, b) => a - b);
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++)
          pairs.set(`${ids[i]}:${ids[j]}`, (pairs.get(`${ids[i]}:${ids[j]}`) ?? 0) + 1);
    }
    const strong = [...pairs].filter(([key, together]) => {
      const [a, b] = key.split(':').map(Number) as [number, number];
      const lift = (together * n) / (docsOf.get(a)!.size * docsOf.get(b)!.size);
      return together >= 4 && lift >= 3;
    });
    expect(strong.length).toBeGreaterThan(15);
  });

  it('keeps the family out of the text', () => {
    for (const name of issues.flat())
      expect(name).not.toMatch(/\b(family|cluster|group)\s*#?\d+|#\d+|\[\d+\]/i);
  });
});

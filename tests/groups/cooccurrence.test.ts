import { describe, expect, it } from 'vitest';
import { compareKeys } from '../../model/compare-keys.js';
import { cooccurringPairs, pairRow } from '../../groups/cooccurrence.js';
import type { IssueGroupResult } from '../../groups/index.js';
import type { SnapshotIssue } from '../../groups/plan.js';

const issue = (key: string, articles: string[]): SnapshotIssue => ({
  key,
  name: key,
  articles,
  memberships: [],
});
const group = (key: string, members: string[], articleCount: number): IssueGroupResult =>
  ({ key, articleCount, members: members.map((member) => ({ key: member })) }) as unknown as IssueGroupResult;

describe('cooccurringPairs', () => {
  // Keys chosen so that the groups' input order is not their key order.
  const groups = [group('zeta', ['z1', 'z2'], 3), group('alpha', ['a1'], 2), group('mid', ['m1'], 2)];
  // Nor is the order the pairs are met in their key order.
  const issues = [
    issue('m1', ['art-3', 'art-4']),
    issue('z2', ['art-2', 'art-3']),
    issue('z1', ['art-1', 'art-2']),
    issue('a1', ['art-1', 'art-2']),
    issue('ungrouped', ['art-5']),
  ];
  const wanted = cooccurringPairs(issues, groups);
  const pairs = Array.from(wanted.x, (_, at) => pairRow(wanted, at));
  const { articles } = wanted;

  it('lists each pair once, x before y, sorted by key, with the articles they share', () => {
    expect(pairs.map((pair) => [pair.x, pair.y, pair.count])).toEqual([
      ['alpha', 'zeta', 2],
      ['mid', 'zeta', 1],
    ]);
    const sorted = [...pairs].sort((a, b) => compareKeys(a.x, b.x) || compareKeys(a.y, b.y));
    expect(pairs).toEqual(sorted);
  });

  it('counts an article once per group however many members it has, and N over every member', () => {
    // art-2 has two members of "zeta": still one shared article with "alpha" there.
    expect(pairs[0]).toMatchObject({ count: 2, jaccard: 2 / (2 + 3 - 2) });
    expect(articles).toBe(5);
    expect(pairs[1]!.lift).toBeCloseTo((1 * 5) / (2 * 3));
  });
});

import { describe, expect, it } from 'vitest';
import { clusterIssues } from '../../groups/index.js';
import { syntheticIssueNames } from '../../groups/synthetic.js';

describe('clustering at scale', () => {
  it('groups 50,000 names in bounded time, evaluating a tiny fraction of all pairs', () => {
    const count = 50_000;
    const names = syntheticIssueNames(count);
    expect(new Set(names).size).toBe(count);
    const issues = names.map((name) => ({ key: name.toLowerCase(), name }));
    const started = performance.now();
    const { groups, stats } = clusterIssues(issues);
    const seconds = (performance.now() - started) / 1000;

    const allPairs = (count * (count - 1)) / 2;
    // Measured: about 2.7 million evaluations (0.2% of the 1.25 billion pairs), 3 s on one core.
    expect(stats.evaluations).toBeLessThan(allPairs / 100);
    expect(stats.candidates).toBeLessThan(allPairs / 100);
    expect(seconds).toBeLessThan(60);

    expect(groups.reduce((sum, group) => sum + group.size, 0)).toBe(count);
    // The generator rephrases one name in five: many of those must be found.
    expect(stats.multiMemberGroups).toBeGreaterThan(count / 20);
  }, 120_000);

  it('a smaller list capacity bounds the work further', () => {
    const names = syntheticIssueNames(20_000, { seed: 3 });
    const issues = names.map((name) => ({ key: name.toLowerCase(), name }));
    const full = clusterIssues(issues).stats;
    const capped = clusterIssues(issues, { maxPostings: 20 }).stats;
    expect(capped.fullLists).toBeGreaterThan(0);
    expect(capped.candidates).toBeLessThan(full.candidates);
    // Each probe meets at most (prefix length × capacity) candidates; prefixes here are ≤ 6 long.
    expect(capped.candidates).toBeLessThanOrEqual(2 * 20_000 * 6 * 20);
  }, 120_000);
});

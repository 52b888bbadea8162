import { describe, expect, it } from 'vitest';
import { clusterIssues, explainPair, type IssueGroupResult } from '../../groups/index.js';
import {
  ALL_NAMES,
  BACKGROUND,
  ENERGY_FAMILY,
  JOBS_FAMILY,
  REMOTE_WORK_FAMILY,
  issuesOf,
} from './fixtures.js';

const groupOf = (groups: IssueGroupResult[], name: string): IssueGroupResult =>
  groups.find((group) => group.members.some((member) => member.name === name))!;
const memberNames = (group: IssueGroupResult): string[] => group.members.map((member) => member.name).sort();

describe('clustering hand-picked families', () => {
  const { groups, stats } = clusterIssues(issuesOf(ALL_NAMES));

  it.each([
    ['energy demand of data centres', ENERGY_FAMILY],
    ['job losses to automation', JOBS_FAMILY],
    ['remote work', REMOTE_WORK_FAMILY],
  ])('groups the %s family and nothing else', (_, family) => {
    expect(memberNames(groupOf(groups, family[0]!))).toEqual([...family].sort());
  });

  it('does not group names that share only a common or a split word', () => {
    expect(groupOf(groups, 'Data Privacy Concerns').size).toBe(1);
    expect(groupOf(groups, 'AI in Education').size).toBe(1);
    expect(groupOf(groups, 'AI Regulation Gaps').size).toBe(1);
    expect(groupOf(groups, 'Loneliness Among Older Adults')).not.toBe(
      groupOf(groups, 'Aging Rural Populations'),
    );
  });

  it('puts every issue in exactly one group', () => {
    const keys = groups.flatMap((group) => group.members.map((member) => member.key));
    expect(keys.sort()).toEqual(
      issuesOf(ALL_NAMES)
        .map((issue) => issue.key)
        .sort(),
    );
    expect(groups.reduce((sum, group) => sum + group.size, 0)).toBe(ALL_NAMES.length);
    expect(stats.groups).toBe(groups.length);
    expect(stats.multiMemberGroups).toBe(3);
    expect(new Set(groups.map((group) => group.key)).size).toBe(groups.length);
  });

  it('names a group after its core, which comes first with similarity 1', () => {
    for (const group of groups) {
      expect(group.members[0]!.name).toBe(group.name);
      expect(group.members[0]!.similarity).toBe(1);
      expect(group.members.map((member) => member.similarity)).toEqual(
        [...group.members.map((member) => member.similarity)].sort((a, b) => b - a),
      );
    }
    // Two names with the same signature: the shorter names the group.
    expect(groupOf(groups, JOBS_FAMILY[0]!).name).toBe('Automation-Driven Job Losses');
  });

  it('keys a group by the features most members share', () => {
    expect(groupOf(groups, ENERGY_FAMILY[0]!).key).toBe('data_center+demand+energi');
    expect(groupOf(groups, JOBS_FAMILY[0]!).key).toBe('autom+displac+job');
    expect(groupOf(groups, 'Data Privacy Concerns').key).toBe('data+privaci');
  });

  it('gives every member a reason in words and its similarity to the core', () => {
    const energy = groupOf(groups, ENERGY_FAMILY[0]!);
    for (const member of energy.members.slice(1)) {
      expect(member.reason).toMatch(
        new RegExp(`^shares '.+' with the group's core "${energy.name}" \\(similarity \\d\\.\\d\\d\\)$`),
      );
      expect(member.similarity).toBeGreaterThanOrEqual(0.45);
      expect(member.reason).toContain(member.similarity.toFixed(2));
      expect(member.shared).toEqual(expect.arrayContaining(['energy']));
    }
    expect(energy.members[0]!.reason).toMatch(/^the group's core: 3 other issues match its words '/);
    expect(groupOf(groups, 'Cryptocurrency Fraud').members[0]!.reason).toBe(
      "no other issue reaches similarity 0.45 with its words 'cryptocurrency', 'fraud'",
    );
  });

  it('reports similarities that explainPair reproduces with the same corpus', () => {
    for (const group of groups.filter((g) => g.size > 1)) {
      for (const member of group.members.slice(1)) {
        const explained = explainPair(member.name, group.name, { corpus: ALL_NAMES });
        expect(Math.abs(explained.similarity - member.similarity)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(explained.similar).toBe(true);
      }
    }
  });
});

describe('clustering rules', () => {
  it('does not depend on input order', () => {
    const issues = issuesOf(ALL_NAMES);
    const reversed = [...issues].reverse();
    const shuffled = [...issues].sort(
      (a, b) => ((a.name.length * 7919) % 13) - ((b.name.length * 7919) % 13),
    );
    const expected = clusterIssues(issues).groups;
    expect(clusterIssues(reversed).groups).toEqual(expected);
    expect(clusterIssues(shuffled).groups).toEqual(expected);
  });

  it('keeps a group key when its membership is unchanged, though other issues shift the weights', () => {
    const before = clusterIssues(issuesOf(ALL_NAMES)).groups;
    const after = clusterIssues(
      issuesOf([
        ...ALL_NAMES,
        'Volcanic Ash and Aviation',
        'Soil Erosion',
        'Ransomware Attacks on Hospitals',
      ]),
    ).groups;
    for (const group of before) {
      const same = after.find((other) => memberNames(other).join('|') === memberNames(group).join('|'));
      expect(same?.key).toBe(group.key);
    }
  });

  it('does not chain: members must match the core, not merely a neighbour', () => {
    // Each name shares two of three words with the next: neighbours are similar, the ends are not.
    const chain = [
      'Kalox Mipex Nurox',
      'Mipex Nurox Perox',
      'Nurox Perox Rasox',
      'Perox Rasox Sotox',
      'Rasox Sotox Tivox',
    ];
    const corpus = [...chain, ...BACKGROUND];
    for (let i = 0; i + 1 < chain.length; i++) {
      expect(explainPair(chain[i]!, chain[i + 1]!, { corpus, threshold: 0.4 }).similar).toBe(true);
    }
    // Single linkage (plain union-find) would put all five together.
    const { groups } = clusterIssues(issuesOf(corpus), { threshold: 0.4 });
    expect(memberNames(groupOf(groups, chain[2]!))).toEqual([chain[1], chain[2], chain[3]].sort());
    expect(groupOf(groups, chain[0]!).size).toBe(1);
    expect(groupOf(groups, chain[4]!).size).toBe(1);
    for (const group of groups) {
      for (const member of group.members) expect(member.similarity).toBeGreaterThanOrEqual(0.4);
    }
  });

  it('merges repeated keys and counts distinct articles', () => {
    const { groups } = clusterIssues([
      { key: 'data center energy use', name: 'Data Center Energy Use', articles: ['a1'] },
      { key: 'data center energy use', name: 'Data Center Energy Use', articles: ['a2', 'a1'] },
      { key: 'energy demand of data centres', name: 'Energy Demand of Data Centres', articles: ['a2', 'a3'] },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.size).toBe(2);
    expect(groups[0]!.articleCount).toBe(3);
  });

  it('keeps a name with no words left as a group of its own, and says why', () => {
    const { groups, stats } = clusterIssues(issuesOf(['The Impact of Change', 'Rising Concerns', 'Drought']));
    expect(stats.emptySignatures).toBe(2);
    const empty = groupOf(groups, 'The Impact of Change');
    expect(empty.key).toBe('issue:the impact of change');
    expect(empty.members[0]!.reason).toBe(
      "no words left to compare once stop and generic words ('the', 'impact', 'of', 'change') are dropped: kept on its own",
    );
  });

  it('follows the threshold', () => {
    const grouped = (threshold: number): number =>
      clusterIssues(issuesOf(ALL_NAMES), { threshold })
        .groups.filter((group) => group.size > 1)
        .reduce((sum, group) => sum + group.size, 0);
    expect(grouped(0.15)).toBeGreaterThan(grouped(0.45));
    expect(grouped(0.45)).toBe(9);
    expect(grouped(0.95)).toBe(4); // two pairs of names with identical signatures
    expect(() => clusterIssues([], { threshold: 0 })).toThrow(RangeError);
  });

  it('handles no issues at all', () => {
    expect(clusterIssues([]).groups).toEqual([]);
  });
});

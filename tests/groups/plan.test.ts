import { describe, expect, it } from 'vitest';
import { clusterIssues, planLayer, type LayerSnapshot } from '../../groups/index.js';
import { planSize } from '../../groups/plan.js';
import { reasonHash } from '../../groups/reason.js';

const issues = [
  { key: 'data center energy use', name: 'Data Center Energy Use', articles: ['a1'] },
  { key: 'energy demand of data centres', name: 'Energy Demand of Data Centres', articles: ['a2'] },
  { key: 'drought', name: 'Drought', articles: ['a2'] },
];
const { groups } = clusterIssues(issues);

/** The snapshot of a graph that already holds exactly this clustering. */
function storedSnapshot(): LayerSnapshot {
  return {
    issues: issues.map((issue) => {
      const group = groups.find((g) => g.members.some((m) => m.key === issue.key))!;
      const member = group.members.find((m) => m.key === issue.key)!;
      return {
        ...issue,
        memberships: [
          { group: group.key, reasonHash: reasonHash(member.reason), similarity: member.similarity },
        ],
      };
    }),
    groups: new Map(groups.map((g) => [g.key, { name: g.name, size: g.size, articleCount: g.articleCount }])),
  };
}

describe('planLayer', () => {
  it('writes everything into an empty layer', () => {
    const plan = planLayer(
      { issues: issues.map((i) => ({ ...i, memberships: [] })), groups: new Map() },
      groups,
    );
    expect(plan.upsertGroups.map((g) => g.key).sort()).toEqual(['data_center+demand+energi', 'drought']);
    expect(plan.newLinks).toHaveLength(3);
    expect(plan.links).toEqual([]);
    expect(plan.deleteGroups).toEqual([]);
  });

  it('writes nothing when the layer is already right', () => {
    expect(planSize(planLayer(storedSnapshot(), groups))).toBe(0);
  });

  it('writes only what changed', () => {
    const snapshot = storedSnapshot();
    snapshot.groups.set('stale+group', { name: 'Old', size: 1, articleCount: 1 });
    snapshot.groups.set('drought', { name: 'Drought', size: 1, articleCount: 7 });
    snapshot.issues[0] = {
      ...snapshot.issues[0]!,
      memberships: [{ ...snapshot.issues[0]!.memberships[0]!, reasonHash: reasonHash('old words') }],
    };
    snapshot.issues[1] = {
      ...snapshot.issues[1]!,
      memberships: [
        ...snapshot.issues[1]!.memberships,
        { group: 'stale+group', reasonHash: reasonHash('x'), similarity: 1 },
      ],
    };
    const plan = planLayer(snapshot, groups);
    expect(plan.upsertGroups.map((g) => g.key)).toEqual(['drought']);
    expect(plan.links.map((l) => l.issue).sort()).toEqual([
      'data center energy use',
      'energy demand of data centres',
    ]);
    expect(plan.deleteGroups).toEqual(['stale+group']);
    expect(plan.newLinks).toEqual([]);
  });
});

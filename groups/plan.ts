import type { IssueGroupResult } from './cluster.js';
import { reasonHash } from './reason.js';

/**
 * What the graph holds (a snapshot) → what it should hold (the clustering) → the smallest set of
 * writes between them. Pure, so the plan is tested without a database, and a recomputation that
 * changes nothing writes nothing.
 */

export interface Membership {
  group: string | null;
  /**
   * reasonHash of the stored reason, not its text: at 354,000 issues the texts cost ~60 MB, and the
   * plan only asks whether a reason changed (a changed one hashing alike is a 2^-53 chance).
   */
  reasonHash: number | null;
  similarity: number | null;
}

export interface SnapshotIssue {
  key: string;
  name: string;
  articles: readonly string[];
  memberships: readonly Membership[];
}

export interface GroupRow {
  key: string;
  name: string;
  size: number;
  articleCount: number;
}

export interface MembershipRow {
  issue: string;
  group: string;
  reason: string;
  similarity: number;
}

export interface LayerSnapshot {
  issues: SnapshotIssue[];
  groups: Map<string, Partial<GroupRow>>;
}

export interface LayerPlan {
  /** Groups to create, or whose name, size or articleCount changed. */
  upsertGroups: GroupRow[];
  /** Issues that have no IN_GROUP yet. */
  newLinks: MembershipRow[];
  /** Issues whose membership (group, reason or similarity) changed, or that have several. */
  links: MembershipRow[];
  /** Groups no issue belongs to any more. */
  deleteGroups: string[];
}

export function planLayer(snapshot: LayerSnapshot, groups: readonly IssueGroupResult[]): LayerPlan {
  const upsertGroups: GroupRow[] = [];
  const newLinks: MembershipRow[] = [];
  const links: MembershipRow[] = [];
  const current = new Map(snapshot.issues.map((issue) => [issue.key, issue.memberships]));
  const wanted = new Set<string>();
  for (const group of groups) {
    wanted.add(group.key);
    const row: GroupRow = {
      key: group.key,
      name: group.name,
      size: group.size,
      articleCount: group.articleCount,
    };
    const known = snapshot.groups.get(group.key);
    if (
      !known ||
      known.name !== row.name ||
      known.size !== row.size ||
      known.articleCount !== row.articleCount
    ) {
      upsertGroups.push(row);
    }
    for (const member of group.members) {
      const memberships = current.get(member.key) ?? [];
      const link = {
        issue: member.key,
        group: group.key,
        reason: member.reason,
        similarity: member.similarity,
      };
      const only = memberships.length === 1 ? memberships[0] : undefined;
      if (memberships.length === 0) newLinks.push(link);
      else if (
        only?.group !== group.key ||
        only.reasonHash !== reasonHash(member.reason) ||
        only.similarity !== member.similarity
      ) {
        links.push(link);
      }
    }
  }
  const deleteGroups = [...snapshot.groups.keys()].filter((key) => !wanted.has(key)).sort();
  return { upsertGroups, newLinks, links, deleteGroups };
}

export function planSize(plan: LayerPlan): number {
  return plan.upsertGroups.length + plan.newLinks.length + plan.links.length + plan.deleteGroups.length;
}

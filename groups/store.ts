import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { GroupedLabel } from '../model/labels.js';
import { planSize, type LayerPlan, type LayerSnapshot, type SnapshotIssue } from './plan.js';
import { reasonHash } from './reason.js';
import { groupStatements } from './statements.js';

/**
 * Neo4j side of the issue-group layer: one streamed read of every issue and group, then the plan
 * written as batched, parameterised UNWIND statements.
 *
 * Readers and half-built layers: the plan is applied in the order groups upserted → members
 * re-pointed → stale groups deleted. A plan of at most `maxRowsPerTransaction` rows (every
 * incremental ingest of up to a few thousand documents) commits as ONE transaction, so a reader
 * sees the old layer or the new one, nothing between. A bigger plan (the first run, a new
 * threshold) commits in transactions of that many rows, to keep Neo4j's transaction memory
 * bounded; between two commits every issue still has exactly one IN_GROUP (an issue's old link
 * goes in the statement that makes its new one), but a new group may briefly have fewer members
 * than its size says and a stale group may linger until the last commit: seconds, at 440,000 issues.
 */

export interface WriteOptions {
  database?: string;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /** Plans up to this many rows commit atomically; bigger ones in transactions of this size. */
  maxRowsPerTransaction?: number;
  /** Told about each statement written: for progress and benchmarks. */
  onStep?: (step: {
    statement: 'upsertGroups' | 'createLinks' | 'relink' | 'deleteGroups';
    rows: number;
    ms: number;
  }) => void;
}

export async function ensureGroupSchema(
  driver: Driver,
  database?: string,
  label: GroupedLabel = 'Issue',
): Promise<void> {
  for (const statement of groupStatements(label).schema)
    await driver.executeQuery(statement, {}, { database });
}

interface StoredMembership {
  group: string | null;
  reason: string | null;
  similarity: number | null;
}

export async function readSnapshot(
  driver: Driver,
  database?: string,
  label: GroupedLabel = 'Issue',
): Promise<LayerSnapshot> {
  const { readMembers, readGroups } = groupStatements(label);
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      // The work may be retried: start from nothing each time.
      const issues: SnapshotIssue[] = [];
      // The driver gives every occurrence of an article id or group key a string of its own: at
      // 354,000 issues, one shared copy of each saves tens of MB.
      const shared = new Map<string, string>();
      const intern = (text: string): string => {
        const known = shared.get(text);
        if (known !== undefined) return known;
        shared.set(text, text);
        return text;
      };
      for await (const record of tx.run(readMembers)) {
        issues.push({
          key: record.get('key') as string,
          name: record.get('name') as string,
          articles: (record.get('articles') as string[]).map(intern),
          memberships: (record.get('memberships') as StoredMembership[]).map((m) => ({
            group: m.group === null ? null : intern(m.group),
            reasonHash: m.reason === null ? null : reasonHash(m.reason),
            similarity: m.similarity ?? null,
          })),
        });
      }
      const groups: LayerSnapshot['groups'] = new Map();
      for await (const record of tx.run(readGroups)) {
        groups.set(record.get('key') as string, {
          name: record.get('name') ?? undefined,
          size: record.get('size') ?? undefined,
          articleCount: record.get('articleCount') ?? undefined,
        });
      }
      return { issues, groups };
    });
  } finally {
    await session.close();
  }
}

interface Step {
  name: 'upsertGroups' | 'createLinks' | 'relink' | 'deleteGroups';
  statement: string;
  rows: unknown[];
}

function steps(plan: LayerPlan, batchSize: number, label: GroupedLabel): Step[] {
  const statements = groupStatements(label);
  const chunk = (name: Step['name'], statement: string, rows: unknown[]): Step[] => {
    const out: Step[] = [];
    for (let at = 0; at < rows.length; at += batchSize) {
      out.push({ name, statement, rows: rows.slice(at, at + batchSize) });
    }
    return out;
  };
  return [
    ...chunk('upsertGroups', statements.upsertGroups, plan.upsertGroups),
    ...chunk('createLinks', statements.createLinks, plan.newLinks),
    ...chunk('relink', statements.relinkMembers, plan.links),
    ...chunk('deleteGroups', statements.deleteGroups, plan.deleteGroups),
  ];
}

/** What applyPlan wrote: all zero when nothing changed. */
export interface LayerChanges {
  groupsWritten: number;
  groupsDeleted: number;
  membershipsWritten: number;
  /** Transactions committed (0 for an empty plan). */
  transactions: number;
}

/** Applies the plan. */
export async function applyPlan(
  driver: Driver,
  plan: LayerPlan,
  options: WriteOptions = {},
  label: GroupedLabel = 'Issue',
): Promise<LayerChanges> {
  const changes = {
    groupsWritten: plan.upsertGroups.length,
    groupsDeleted: plan.deleteGroups.length,
    membershipsWritten: plan.newLinks.length + plan.links.length,
  };
  return { ...changes, transactions: await writePlan(driver, plan, options, label) };
}

/** Returns the number of transactions committed. */
async function writePlan(
  driver: Driver,
  plan: LayerPlan,
  options: WriteOptions,
  label: GroupedLabel,
): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  const maxRows = Math.max(options.maxRowsPerTransaction ?? 20_000, batchSize);
  if (planSize(plan) === 0) return 0;
  const transactions: Step[][] = [];
  let rowsInLast = Infinity;
  for (const step of steps(plan, batchSize, label)) {
    if (rowsInLast + step.rows.length > maxRows) {
      transactions.push([]);
      rowsInLast = 0;
    }
    transactions.at(-1)!.push(step);
    rowsInLast += step.rows.length;
  }
  const session = driver.session({ database: options.database });
  try {
    for (const transaction of transactions) {
      await session.executeWrite(async (tx: ManagedTransaction) => {
        for (const step of transaction) {
          const started = performance.now();
          await tx.run(step.statement, { rows: step.rows });
          options.onStep?.({
            statement: step.name,
            rows: step.rows.length,
            ms: Math.round(performance.now() - started),
          });
        }
      });
    }
  } finally {
    await session.close();
  }
  return transactions.length;
}

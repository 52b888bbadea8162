import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { CypherResponse } from '../../model/index.js';
import { QueryFailedError, QueryRefusedError } from '../errors.js';
import { GraphCollector } from '../graph/graph-collector.js';
import { neo4jErrorCode } from '../graph/neo4j-errors.js';
import { refusalOf, type PlanNode } from './cypher-guard.js';

export interface UserCypher {
  query: string;
  params: Record<string, unknown>;
  rowCap: number;
  database: string;
}

export interface UserCypherResult extends CypherResponse {
  summary: CypherResponse['summary'] & { skippedElements: number };
}

/**
 * Runs a user's query after Neo4j's own plan of it passed the guard, inside the caller's READ
 * transaction (the second line of defence: Neo4j refuses any write in it). At most rowCap rows are
 * read; the rest is discarded on the server.
 */
export async function runUserCypher(tx: ManagedTransaction, input: UserCypher): Promise<UserCypherResult> {
  const params = cypherParameters(input.params);
  await checkReadOnly(tx, input, params);

  const started = performance.now();
  const result = tx.run(input.query, params);
  const collector = new GraphCollector();
  const raw: unknown[][] = [];
  let truncated = false;
  let firstRowAfterMs: number | null = null;
  for await (const record of result) {
    firstRowAfterMs ??= performance.now() - started;
    if (raw.length === input.rowCap) {
      truncated = true;
      break;
    }
    const row = record.keys.map((key) => record.get(key));
    collector.collect(row);
    raw.push(row);
  }
  const columns = (await result.keys()) as string[];
  const consumed = await result.summary();
  await collector.resolveEndNodes(tx);
  const { elements, skipped } = collector.elements();
  const totalMs = performance.now() - started;
  return {
    columns,
    rows: raw.map((row) => row.map((value) => collector.toJson(value))),
    elements,
    truncated,
    summary: {
      queryType: consumed.queryType,
      rowCount: raw.length,
      resultAvailableAfterMs: Math.round(firstRowAfterMs ?? totalMs),
      resultConsumedAfterMs: Math.round(totalMs),
      skippedElements: skipped,
    },
  };
}

/**
 * Query texts the guard has let through, most recent last. Whether a query reads or writes, and
 * what it calls, follows from its text alone (not from parameters or data), so a text that passed
 * once passes again without another EXPLAIN round trip.
 */
const approved = new Set<string>();
const MAX_APPROVED = 1_000;

async function checkReadOnly(
  tx: ManagedTransaction,
  input: UserCypher,
  params: Record<string, unknown>,
): Promise<void> {
  const key = `${input.database}\u0000${input.query}`;
  if (approved.delete(key)) {
    approved.add(key);
    return;
  }
  const summary = await explain(tx, input.query, params);
  const refusal = refusalOf(
    {
      queryType: summary.queryType,
      database: summary.database.name ?? undefined,
      plan: summary.plan ? (summary.plan as unknown as PlanNode) : false,
    },
    input.database,
  );
  if (refusal) throw new QueryRefusedError(refusal);
  approved.add(key);
  if (approved.size > MAX_APPROVED) approved.delete(approved.values().next().value!);
}

const EXPLAIN_PREFIX = 'EXPLAIN\n';

/**
 * Neo4j's plan of the query, without running it. The prefix is on a line of its own so that
 * Neo4j's error messages quote the user's own line; the positions they give are moved back.
 */
async function explain(tx: ManagedTransaction, query: string, params: Record<string, unknown>) {
  try {
    // The user's text is the query here by design; everything else travels as parameters.
    return (await tx.run(`${EXPLAIN_PREFIX}${query}`, params)).summary;
  } catch (error) {
    if (!neo4jErrorCode(error).startsWith('Neo.ClientError.')) throw error;
    const message = (error as Error).message.replace(
      /line (\d+), column (\d+) \(offset: (\d+)\)/g,
      (_all, line: string, column: string, offset: string) =>
        `line ${Number(line) - 1}, column ${column} (offset: ${Number(offset) - EXPLAIN_PREFIX.length})`,
    );
    throw new QueryFailedError(message.trim(), { neo4jCode: neo4jErrorCode(error) }, { cause: error });
  }
}

/** JSON has one kind of number; a whole one goes to Neo4j as an integer (LIMIT $n needs one). */
export function cypherParameters(value: Record<string, unknown>): Record<string, unknown> {
  return convert(value) as Record<string, unknown>;
}

function convert(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item)]));
  }
  return value;
}

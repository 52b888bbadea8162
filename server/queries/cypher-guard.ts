/**
 * Which user queries POST /api/cypher runs: decided from Neo4j's own plan of the query (EXPLAIN),
 * never from its text, so comments, backticks, case and odd spacing change nothing. A query runs
 * when Neo4j calls it read-only (`queryType` "r") and its plan holds no LOAD CSV, no procedure
 * outside the allow-list, no CALL … IN TRANSACTIONS and no SHOW/TERMINATE command beyond the
 * harmless ones.
 */

export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
];

const ALLOWED_COMMANDS = new Set(['ShowIndexes', 'ShowConstraints', 'ShowFunctions', 'ShowProcedures']);

const QUERY_TYPES: Record<string, string> = {
  r: 'read-only',
  rw: 'read-write',
  w: 'write-only',
  s: 'a schema or system change',
};

export interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

export interface ExplainedQuery {
  queryType: string;
  /** The database the query would run against (a USE clause could name another). */
  database: string | undefined;
  plan: PlanNode | false;
}

/** Why the query must not run, or null when it may. */
export function refusalOf(explained: ExplainedQuery, expectedDatabase: string): string | null {
  if (explained.database !== undefined && explained.database !== expectedDatabase) {
    return `Queries run on the graph database "${expectedDatabase}" only, not on "${explained.database}".`;
  }
  for (const operator of operators(explained.plan)) {
    const refusal = operatorRefusal(operator);
    if (refusal) return refusal;
  }
  if (explained.queryType !== 'r') {
    const kind = QUERY_TYPES[explained.queryType] ?? `of type "${explained.queryType}"`;
    return `Only read-only queries are allowed; Neo4j classifies this one as ${kind}.`;
  }
  return null;
}

function operatorRefusal(operator: PlanNode): string | null {
  const type = operator.operatorType.split('@')[0]!;
  if (type === 'LoadCSV') return 'LOAD CSV is not allowed.';
  if (type === 'TransactionForeach' || type === 'TransactionApply') {
    return 'CALL { … } IN TRANSACTIONS is not allowed: it commits on its own.';
  }
  if (type === 'ProcedureCall') {
    const name = procedureName(operator);
    if (name === null || !ALLOWED_PROCEDURES.includes(name)) {
      return `Procedure ${name ?? '(unknown)'} is not allowed; allowed are ${ALLOWED_PROCEDURES.join(', ')}.`;
    }
  }
  if (/^(Show|Terminate)/.test(type) && !ALLOWED_COMMANDS.has(type)) {
    return `${type.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase()} is not allowed.`;
  }
  return null;
}

/** The procedure's name as Neo4j resolved it, from the operator's details (`db.labels() :: …`). */
function procedureName(operator: PlanNode): string | null {
  const details = operator.arguments.Details ?? operator.arguments.Signature;
  const match = typeof details === 'string' ? /^\s*([\w.]+)\s*\(/.exec(details) : null;
  return match ? match[1]! : null;
}

function* operators(plan: PlanNode | false): Generator<PlanNode> {
  if (!plan) return;
  yield plan;
  for (const child of plan.children) yield* operators(child);
}

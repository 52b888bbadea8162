import { describe, expect, it } from 'vitest';
import { refusalOf, type PlanNode } from '../../server/queries/cypher-guard.js';

const op = (operatorType: string, details?: string, children: PlanNode[] = []): PlanNode => ({
  operatorType: `${operatorType}@neo4j`,
  arguments: details === undefined ? {} : { Details: details },
  children,
});
const read = (plan: PlanNode) => ({ queryType: 'r', database: 'neo4j', plan });

describe('refusalOf, on plans of the shapes Neo4j 5 gives', () => {
  it('lets a plain read through', () => {
    expect(refusalOf(read(op('ProduceResults', 'n', [op('AllNodesScan', 'n')])), 'neo4j')).toBeNull();
  });

  it('refuses anything Neo4j does not call read-only', () => {
    for (const queryType of ['rw', 'w', 's']) {
      expect(refusalOf({ queryType, database: 'neo4j', plan: op('ProduceResults') }, 'neo4j')).toMatch(
        /read-only/,
      );
    }
  });

  it('finds a refused operator however deep it sits', () => {
    const deep = (leaf: PlanNode) =>
      read(op('ProduceResults', '', [op('Apply', '', [op('Argument'), leaf])]));
    expect(refusalOf(deep(op('LoadCSV', 'row')), 'neo4j')).toMatch(/LOAD CSV/);
    expect(refusalOf(deep(op('ProcedureCall', 'dbms.components() :: (name :: STRING)')), 'neo4j')).toMatch(
      /dbms\.components is not allowed/,
    );
    expect(refusalOf(deep(op('TransactionForeach', 'IN TRANSACTIONS OF 1000 ROWS')), 'neo4j')).toMatch(
      /IN TRANSACTIONS/,
    );
    expect(refusalOf(deep(op('ShowSettings')), 'neo4j')).toBe('SHOW SETTINGS is not allowed.');
  });

  it('allows the listed procedures and harmless SHOW commands', () => {
    expect(refusalOf(read(op('ProcedureCall', 'db.labels() :: (label :: STRING)')), 'neo4j')).toBeNull();
    expect(
      refusalOf(read(op('ProcedureCall', 'db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)')), 'neo4j'),
    ).toBeNull();
    expect(refusalOf(read(op('ShowIndexes', 'allIndexes')), 'neo4j')).toBeNull();
  });

  it('refuses a procedure whose name it cannot read', () => {
    expect(refusalOf(read(op('ProcedureCall', '')), 'neo4j')).toMatch(/\(unknown\) is not allowed/);
  });

  it('refuses another database', () => {
    expect(refusalOf({ queryType: 'r', database: 'system', plan: op('ProduceResults') }, 'neo4j')).toMatch(
      /"system"/,
    );
  });
});

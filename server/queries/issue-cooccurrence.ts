import {
  MEASURES,
  nodeId,
  relationshipId,
  type CooccurringResponse,
  type EvidenceArticle,
  type Measure,
  type Measures,
  type PairsResponse,
} from '../../model/index.js';
import { ElementsBuilder } from '../graph/elements.js';
import type { NodeTarget } from '../graph/node-ref.js';
import type { QueryRunner } from '../graph/query-runner.js';
import {
  articlesWithIssues,
  describeUnit,
  resolveUnit,
  UNIT_MEMBERS,
  unitFields,
  unitFrom,
  type Unit,
} from './issue-units.js';
import { byMeasure, pairMeasures } from './measures.js';
import { int } from '../graph/parameters.js';

const OTHER_UNIT_FIELDS = unitFields('other');

/** Each article of a unit in `unit` with the other units it has, as `a` and `other`. */
const ARTICLES_AND_OTHER_UNITS = `
MATCH (unit) WHERE elementId(unit) = $unit
${UNIT_MEMBERS}
MATCH (member)<-[:HAS_ISSUE]-(a:Article)
WITH DISTINCT unit, a
MATCH (a)-[:HAS_ISSUE]->(issue:Issue)
OPTIONAL MATCH (issue)-[:IN_GROUP]->(group:IssueGroup)
WITH DISTINCT unit, a, coalesce(group, issue) AS other
WHERE other <> unit`;

/** Units sharing at least minCount articles with one unit, with their article counts (nB). */
export const COOCCURRING_UNITS = `${ARTICLES_AND_OTHER_UNITS}
WITH other, count(a) AS shared
WHERE shared >= $minCount
RETURN ${OTHER_UNIT_FIELDS}, shared`;

/** The shared articles (newest first) of one unit with each of the units named in $others. */
export const COOCCURRING_EVIDENCE = `${ARTICLES_AND_OTHER_UNITS}
  AND elementId(other) IN $others
WITH other, a ORDER BY a.date DESC, a.title
WITH other, collect({id: a.id, title: coalesce(a.title, a.id)})[0..$evidenceLimit] AS evidence
RETURN elementId(other) AS elementId, evidence`;

/** Every pair of units sharing at least minCount articles; each pair once (units in a fixed order). */
export const UNIT_PAIRS = `
MATCH (a:Article)-[:HAS_ISSUE]->(issue:Issue)
OPTIONAL MATCH (issue)-[:IN_GROUP]->(group:IssueGroup)
WITH DISTINCT a, coalesce(group, issue) AS unit
ORDER BY elementId(unit)
WITH a, collect(unit) AS units
WHERE size(units) > 1
UNWIND range(0, size(units) - 2) AS i
UNWIND range(i + 1, size(units) - 1) AS j
WITH units[i] AS x, units[j] AS y, count(*) AS shared
WHERE shared >= $minCount
RETURN elementId(x) AS x, elementId(y) AS y, shared`;

/**
 * The precomputed path (groups/cooccurrence.ts): the concept recomputation after every ingest
 * stores each pair of issue groups sharing an article as CO_OCCURS {count, jaccard, lift, npmi},
 * so the whole-range answers read relationships instead of walking articles. The live queries
 * above stay for what the stored pairs cannot answer: an issue in no group yet.
 */
export const STORED_COOCCURRING = `
MATCH (unit) WHERE elementId(unit) = $unit
MATCH (unit)-[r:CO_OCCURS]-(other:IssueGroup)
WHERE r.count >= $minCount
RETURN ${OTHER_UNIT_FIELDS}, r {.count, .jaccard, .lift, .npmi} AS measures`;

/** Strongest stored pairs by one measure; the measure comes from the model's closed list. */
export function storedPairsQuery(measure: Measure): string {
  return `
MATCH (x:IssueGroup)-[r:CO_OCCURS]->(y:IssueGroup)
WHERE r.count >= $minCount
WITH x, y, r ORDER BY r.${MEASURES.find((known) => known === measure)!} DESC, r.count DESC, x.key, y.key
LIMIT $limit
RETURN elementId(x) AS x, elementId(y) AS y, r {.count, .jaccard, .lift, .npmi} AS measures`;
}

export const STORED_PAIRS_EXIST = `RETURN EXISTS { ()-[:CO_OCCURS]->(:IssueGroup) } AS stored`;

export const UNITS_BY_ELEMENT_ID = `
UNWIND $ids AS id
MATCH (other) WHERE elementId(other) = id
RETURN ${OTHER_UNIT_FIELDS}`;

/** Articles having both units of each pair, newest first. */
export const PAIR_EVIDENCE = `
UNWIND $pairs AS pair
MATCH (unit) WHERE elementId(unit) = pair.x
MATCH (y) WHERE elementId(y) = pair.y
CALL (unit, y) {
  ${UNIT_MEMBERS.trim()}
  MATCH (member)<-[:HAS_ISSUE]-(a:Article)
  WITH DISTINCT a
  WHERE EXISTS { MATCH (a)-[:HAS_ISSUE]->(issue:Issue) WHERE issue = y OR (issue)-[:IN_GROUP]->(y) }
  ORDER BY a.date DESC, a.title
  LIMIT $evidenceLimit
  RETURN collect({id: a.id, title: coalesce(a.title, a.id)}) AS evidence
}
RETURN pair.x AS x, pair.y AS y, evidence`;

export interface CooccurrenceInput {
  measure: Measure;
  minCount: number;
  limit: number;
  evidenceLimit: number;
  /** N, when the caller has it: counting it reads every article (the server caches it per database version). */
  articles?: number;
}

interface ArticleRow {
  id: string;
  title: string;
}

const evidenceOf = (rows: ArticleRow[]): EvidenceArticle[] =>
  rows.map((row) => ({ id: nodeId('Article', row.id), title: row.title }));

const summary = ({ id, name, size, articleCount }: Unit) => ({ id, name, size, articleCount });

export async function readCooccurringGroups(
  tx: QueryRunner,
  target: NodeTarget,
  input: CooccurrenceInput,
): Promise<CooccurringResponse | null> {
  const resolved = await resolveUnit(tx, target);
  if (!resolved) return null;
  const { unit } = resolved;
  const stored = unit.label === 'IssueGroup' && (await pairsAreStored(tx));
  const { records } = await tx.run(stored ? STORED_COOCCURRING : COOCCURRING_UNITS, {
    unit: unit.elementId,
    minCount: int(input.minCount),
  });
  const n = stored ? 0 : (input.articles ?? (await articlesWithIssues(tx)));
  const ranked = records
    .map((record) => {
      const other = unitFrom(record);
      return {
        unit: other,
        measures: stored
          ? (record.get('measures') as Measures)
          : pairMeasures({
              n,
              nA: unit.articleCount,
              nB: other.articleCount,
              nAB: record.get('shared') as number,
            }),
      };
    })
    .sort(
      byMeasure(
        input.measure,
        (item) => item.measures,
        (item) => item.unit.id,
      ),
    )
    .slice(0, input.limit);
  const evidence = await readCooccurringEvidence(tx, unit, ranked, input.evidenceLimit);

  const builder = new ElementsBuilder();
  const centre = builder.addNode(unitNode(unit));
  for (const other of ranked) {
    const id = builder.addNode(unitNode(other.unit));
    builder.addEdge(cooccursEdge(centre, id, other.measures, input.measure));
  }
  return {
    issue: resolved.asked,
    group: await describeUnit(tx, unit),
    measure: input.measure,
    results: ranked.map((other) => ({
      group: summary(other.unit),
      measures: other.measures,
      evidence: evidence.get(other.unit.elementId) ?? [],
    })),
    elements: builder.build(),
  };
}

/** Evidence for the ranked units only: sorting every shared article of a busy unit is wasted work. */
async function readCooccurringEvidence(
  tx: QueryRunner,
  unit: Unit,
  others: { unit: Unit }[],
  evidenceLimit: number,
): Promise<Map<string, EvidenceArticle[]>> {
  if (others.length === 0) return new Map();
  const { records } = await tx.run(COOCCURRING_EVIDENCE, {
    unit: unit.elementId,
    others: others.map((other) => other.unit.elementId),
    evidenceLimit: int(evidenceLimit),
  });
  return new Map(
    records.map((record) => [
      record.get('elementId') as string,
      evidenceOf(record.get('evidence') as ArticleRow[]),
    ]),
  );
}

export async function readStrongestPairs(tx: QueryRunner, input: CooccurrenceInput): Promise<PairsResponse> {
  if (await pairsAreStored(tx)) return readStoredPairs(tx, input);
  const { records } = await tx.run(UNIT_PAIRS, { minCount: int(input.minCount) });
  const pairs = records.map((record) => ({
    x: record.get('x') as string,
    y: record.get('y') as string,
    shared: record.get('shared') as number,
  }));
  if (pairs.length === 0) return { measure: input.measure, pairs: [] };

  const { records: unitRecords } = await tx.run(UNITS_BY_ELEMENT_ID, {
    ids: [...new Set(pairs.flatMap((pair) => [pair.x, pair.y]))],
  });
  const units = new Map(unitRecords.map((record) => [record.get('elementId') as string, unitFrom(record)]));
  const n = input.articles ?? (await articlesWithIssues(tx));
  const top = pairs
    .map((pair) => {
      const x = units.get(pair.x)!;
      const y = units.get(pair.y)!;
      return {
        pair,
        x,
        y,
        measures: pairMeasures({ n, nA: x.articleCount, nB: y.articleCount, nAB: pair.shared }),
      };
    })
    .sort(
      byMeasure(
        input.measure,
        (item) => item.measures,
        (item) => `${item.x.id} ${item.y.id}`,
      ),
    )
    .slice(0, input.limit);

  return pairsWithEvidence(tx, input, top);
}

/**
 * Whether the recomputation has stored the pairs: groups written by an older version (or by hand)
 * come without them, and are then walked live.
 */
async function pairsAreStored(tx: QueryRunner): Promise<boolean> {
  const { records } = await tx.run(STORED_PAIRS_EXIST);
  return records[0]!.get('stored') as boolean;
}

/** The stored pairs: ranked by Neo4j from the stored measures, then the same evidence. */
async function readStoredPairs(tx: QueryRunner, input: CooccurrenceInput): Promise<PairsResponse> {
  const { records } = await tx.run(storedPairsQuery(input.measure), {
    minCount: int(input.minCount),
    limit: int(input.limit),
  });
  if (records.length === 0) return { measure: input.measure, pairs: [] };
  const rows = records.map((record) => ({
    x: record.get('x') as string,
    y: record.get('y') as string,
    measures: record.get('measures') as Measures,
  }));
  const { records: unitRecords } = await tx.run(UNITS_BY_ELEMENT_ID, {
    ids: [...new Set(rows.flatMap((row) => [row.x, row.y]))],
  });
  const units = new Map(unitRecords.map((record) => [record.get('elementId') as string, unitFrom(record)]));
  return pairsWithEvidence(
    tx,
    input,
    rows.map((row) => ({ pair: row, x: units.get(row.x)!, y: units.get(row.y)!, measures: row.measures })),
  );
}

async function pairsWithEvidence(
  tx: QueryRunner,
  input: CooccurrenceInput,
  top: { pair: { x: string; y: string }; x: Unit; y: Unit; measures: Measures }[],
): Promise<PairsResponse> {
  const { records: evidenceRecords } = await tx.run(PAIR_EVIDENCE, {
    pairs: top.map((item) => ({ x: item.pair.x, y: item.pair.y })),
    evidenceLimit: int(input.evidenceLimit),
  });
  const evidence = new Map(
    evidenceRecords.map((record) => [
      `${record.get('x')} ${record.get('y')}`,
      evidenceOf(record.get('evidence') as ArticleRow[]),
    ]),
  );
  return {
    measure: input.measure,
    pairs: top.map((item) => ({
      ...orderedPair(item.x, item.y),
      measures: item.measures,
      evidence: evidence.get(`${item.pair.x} ${item.pair.y}`) ?? [],
    })),
  };
}

/** A pair reads with the unit of more articles first (then by id), whatever the storage order. */
export function orderedPair(x: Unit, y: Unit) {
  const xFirst = x.articleCount > y.articleCount || (x.articleCount === y.articleCount && x.id <= y.id);
  const [a, b] = xFirst ? [summary(x), summary(y)] : [summary(y), summary(x)];
  return { a, b };
}

export function unitNode(unit: Omit<Unit, 'elementId'>) {
  const { id, label, name, key, size, articleCount } = unit;
  return { id, label, name, key, size, articleCount };
}

export function cooccursEdge(source: string, target: string, measures: Measures, measure: Measure) {
  return {
    id: relationshipId('CO_OCCURS', source, target),
    source,
    target,
    type: 'CO_OCCURS',
    ...measures,
    // The ranking measure's value, for the view's edge width.
    weight: measures[measure],
  };
}

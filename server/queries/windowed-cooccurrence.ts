import {
  nodeId,
  relationshipId,
  type CooccurringResponse,
  type EmergingKind,
  type EvidenceArticle,
  type Measures,
  type PairsResponse,
  type TimeWindow,
} from '../../model/index.js';
import { ElementsBuilder } from '../graph/elements.js';
import { matchNodePattern, type NodeTarget } from '../graph/node-ref.js';
import { int } from '../graph/parameters.js';
import type { QueryRunner } from '../graph/query-runner.js';
import { cooccursEdge, orderedPair, unitNode, type CooccurrenceInput } from './issue-cooccurrence.js';
import { describeUnit, resolveUnit, type Unit } from './issue-units.js';
import {
  articlesOfKindInWindow,
  articlesOfUnit,
  hasUnit,
  unitColumns,
  unitRowOf,
  unitsOfArticles,
  type UnitRow,
} from './kind-units.js';
import { pairMeasures, strongest } from './measures.js';
import type { ThemeLink, ThemeNetwork } from './themes.js';
import { inWindow, windowBounds, windowEcho, windowParams } from './time-window.js';

/**
 * Co-occurrence among the articles of a time window, for themes (the themes map and its links)
 * and issues (co-occurring groups and the strongest pairs). The whole-range answers are read
 * elsewhere (themes.ts, issue-cooccurrence.ts: cached per database version, or precomputed); a
 * window asks for a live count over its own articles, which start from the Article(date) index.
 * N, nA and nB are counted in the window too, so the measures describe the window alone. Units
 * are whatever grouping the graph holds (kind-units.ts).
 */

/** Pairs of units sharing ≥ minCount articles of the window; with `top`, the `$limit` strongest. */
export function windowedPairsQuery(kind: EmergingKind, top: boolean): string {
  return `
MATCH (a:Article) WHERE ${inWindow('a')}
${unitsOfArticles(kind)}
WITH a, u ORDER BY elementId(u)
WITH a, collect(u) AS units
WHERE size(units) > 1
UNWIND range(0, size(units) - 2) AS i
UNWIND range(i + 1, size(units) - 1) AS j
WITH units[i] AS x, units[j] AS y, count(*) AS shared
WHERE shared >= $minCount
${top ? 'ORDER BY shared DESC, x.key, y.key LIMIT $limit' : ''}
RETURN elementId(x) AS x, elementId(y) AS y, shared`;
}

/** Each unit in $ids with its articles in the window (nA, nB). */
export function unitsInWindowQuery(kind: EmergingKind): string {
  return `
UNWIND $ids AS id
MATCH (u) WHERE elementId(u) = id
CALL (u) {
  ${articlesOfUnit(kind, 'u', inWindow('a'))}
  RETURN count(a) AS n
}
RETURN ${unitColumns('u')}, n`;
}

/** Units sharing ≥ minCount articles of the window with the unit in $unit. */
export function windowedCooccurringQuery(kind: EmergingKind): string {
  return `
MATCH (unit) WHERE elementId(unit) = $unit
${articlesOfUnit(kind, 'unit', inWindow('a'))}
${unitsOfArticles(kind, 'a', ['unit'])}
WHERE u <> unit
WITH u, count(a) AS shared
WHERE shared >= $minCount
RETURN elementId(u) AS elementId, shared`;
}

/** For each pair {x, y} of unit element ids: the articles of the window having both, newest first. */
export function windowedPairEvidenceQuery(kind: EmergingKind): string {
  return `
UNWIND $pairs AS pair
MATCH (x) WHERE elementId(x) = pair.x
MATCH (y) WHERE elementId(y) = pair.y
CALL (x, y) {
  ${articlesOfUnit(kind, 'x', inWindow('a'), ['y'])}
  WITH a WHERE ${hasUnit(kind, 'y')}
  WITH a ORDER BY a.date DESC, a.title
  RETURN count(a) AS shared, collect({id: a.id, title: coalesce(a.title, a.id)})[0..$evidenceLimit] AS evidence
}
RETURN pair.x AS x, pair.y AS y, shared, evidence`;
}

interface WindowedUnit extends UnitRow {
  /** Articles of the window. */
  articleCount: number;
}

interface WindowedPair {
  x: WindowedUnit;
  y: WindowedUnit;
  shared: number;
  measures: Measures;
}

type ArticleRow = { id: string; title: string };

const evidenceOf = (rows: ArticleRow[]): EvidenceArticle[] =>
  rows.map((row) => ({ id: nodeId('Article', row.id), title: row.title }));

/** The window's query parameters; a windowed read without a window is a caller's mistake. */
function paramsOf(window: TimeWindow) {
  const bounds = windowBounds(window);
  if (!bounds) throw new Error('a windowed read needs a window');
  return windowParams(bounds);
}

async function articlesInWindow(tx: QueryRunner, kind: EmergingKind, params: object): Promise<number> {
  const { records } = await tx.run(articlesOfKindInWindow(kind), params);
  return records[0]!.get('n') as number;
}

async function unitsInWindow(
  tx: QueryRunner,
  kind: EmergingKind,
  ids: readonly string[],
  params: object,
): Promise<Map<string, WindowedUnit>> {
  if (ids.length === 0) return new Map();
  const { records } = await tx.run(unitsInWindowQuery(kind), { ...params, ids: [...new Set(ids)] });
  return new Map(
    records.map((record) => {
      const unit = { ...unitRowOf(record), articleCount: record.get('n') as number };
      return [unit.elementId, unit];
    }),
  );
}

/** Pairs of the window with their counts and measures, in the order the query gives them. */
async function readPairs(
  tx: QueryRunner,
  kind: EmergingKind,
  input: { minCount: number; limit?: number },
  params: object,
): Promise<{ n: number; pairs: WindowedPair[] }> {
  const { records } = await tx.run(windowedPairsQuery(kind, input.limit !== undefined), {
    ...params,
    minCount: int(input.minCount),
    ...(input.limit !== undefined ? { limit: int(input.limit) } : {}),
  });
  const rows = records.map((record) => ({
    x: record.get('x') as string,
    y: record.get('y') as string,
    shared: record.get('shared') as number,
  }));
  const n = await articlesInWindow(tx, kind, params);
  const units = await unitsInWindow(
    tx,
    kind,
    rows.flatMap((row) => [row.x, row.y]),
    params,
  );
  const pairs = rows.map((row) => {
    const x = units.get(row.x)!;
    const y = units.get(row.y)!;
    return {
      x,
      y,
      shared: row.shared,
      measures: pairMeasures({ n, nA: x.articleCount, nB: y.articleCount, nAB: row.shared }),
    };
  });
  return { n, pairs };
}

const asUnit = (unit: WindowedUnit): Unit => ({ ...unit, label: unit.label as Unit['label'] });

export async function readWindowedThemeNetwork(
  tx: QueryRunner,
  input: { minCount: number; limit: number; window: TimeWindow },
): Promise<ThemeNetwork> {
  const { n, pairs } = await readPairs(tx, 'theme', input, paramsOf(input.window));
  const builder = new ElementsBuilder();
  const node = ({ id, label, name, key, articleCount }: WindowedUnit) =>
    builder.addNode({ id, label, name, key, articleCount });
  for (const pair of pairs) {
    const source = node(pair.x);
    const target = node(pair.y);
    builder.addEdge({
      id: relationshipId('CO_OCCURS', source, target),
      source,
      target,
      type: 'CO_OCCURS',
      ...pair.measures,
    });
  }
  return { elements: builder.build(), articles: n };
}

export async function readWindowedThemeLink(
  tx: QueryRunner,
  input: { a: NodeTarget; b: NodeTarget; limit: number; window: TimeWindow },
): Promise<ThemeLink | null> {
  const params = paramsOf(input.window);
  const { records: ends } = await tx.run(
    `MATCH ${matchNodePattern('x', input.a, 'a')}, ${matchNodePattern('y', input.b, 'b')}
     RETURN elementId(x) AS x, elementId(y) AS y`,
    { a: input.a.key, b: input.b.key },
  );
  const end = ends[0];
  if (!end) return null;
  const pair = { x: end.get('x') as string, y: end.get('y') as string };
  const { records } = await tx.run(windowedPairEvidenceQuery('theme'), {
    ...params,
    pairs: [pair],
    evidenceLimit: int(input.limit),
  });
  const units = await unitsInWindow(tx, 'theme', [pair.x, pair.y], params);
  const n = await articlesInWindow(tx, 'theme', params);
  const x = units.get(pair.x)!;
  const y = units.get(pair.y)!;
  const shared = records[0]!.get('shared') as number;
  const summary = ({ id, name, articleCount }: WindowedUnit) => ({ id, name, articleCount });
  return {
    a: summary(x),
    b: summary(y),
    articles: n,
    measures: pairMeasures({ n, nA: x.articleCount, nB: y.articleCount, nAB: shared }),
    evidence: evidenceOf(records[0]!.get('evidence') as ArticleRow[]),
  };
}

export async function readWindowedCooccurring(
  tx: QueryRunner,
  target: NodeTarget,
  input: CooccurrenceInput & { window: TimeWindow },
): Promise<CooccurringResponse | null> {
  const params = paramsOf(input.window);
  const resolved = await resolveUnit(tx, target);
  if (!resolved) return null;
  const { records } = await tx.run(windowedCooccurringQuery('issue'), {
    ...params,
    unit: resolved.unit.elementId,
    minCount: int(input.minCount),
  });
  const sharedWith = new Map(
    records.map((record) => [record.get('elementId') as string, record.get('shared') as number]),
  );
  const n = await articlesInWindow(tx, 'issue', params);
  const units = await unitsInWindow(tx, 'issue', [resolved.unit.elementId, ...sharedWith.keys()], params);
  const centre = units.get(resolved.unit.elementId)!;
  const ranked = strongest(
    [...sharedWith].map(([elementId, nAB]) => {
      const other = units.get(elementId)!;
      return {
        unit: other,
        measures: pairMeasures({ n, nA: centre.articleCount, nB: other.articleCount, nAB }),
      };
    }),
    input.measure,
    input.limit,
    (item) => item.unit.id,
  );
  const evidence = await pairEvidence(
    tx,
    'issue',
    ranked.map((item) => ({ x: centre.elementId, y: item.unit.elementId })),
    input.evidenceLimit,
    params,
  );

  const builder = new ElementsBuilder();
  const middle = builder.addNode(unitNode(asUnit(centre)));
  for (const other of ranked) {
    const id = builder.addNode(unitNode(asUnit(other.unit)));
    builder.addEdge(cooccursEdge(middle, id, other.measures, input.measure));
  }
  const group = await describeUnit(tx, resolved.unit);
  return {
    issue: resolved.asked,
    group: { ...group, articleCount: centre.articleCount },
    measure: input.measure,
    results: ranked.map(({ unit, measures }) => ({
      group: { id: unit.id, name: unit.name, size: unit.size, articleCount: unit.articleCount },
      measures,
      evidence: evidence.get(`${centre.elementId} ${unit.elementId}`) ?? [],
    })),
    elements: builder.build(),
    window: windowEcho(input.window),
  };
}

export async function readWindowedPairs(
  tx: QueryRunner,
  input: CooccurrenceInput & { window: TimeWindow },
): Promise<PairsResponse> {
  const params = paramsOf(input.window);
  const { pairs } = await readPairs(tx, 'issue', { minCount: input.minCount }, params);
  const top = strongest(pairs, input.measure, input.limit, (pair) => `${pair.x.id} ${pair.y.id}`);
  const evidence = await pairEvidence(
    tx,
    'issue',
    top.map((pair) => ({ x: pair.x.elementId, y: pair.y.elementId })),
    input.evidenceLimit,
    params,
  );
  return {
    measure: input.measure,
    pairs: top.map((pair) => ({
      ...orderedPair(asUnit(pair.x), asUnit(pair.y)),
      measures: pair.measures,
      evidence: evidence.get(`${pair.x.elementId} ${pair.y.elementId}`) ?? [],
    })),
    window: windowEcho(input.window),
  };
}

async function pairEvidence(
  tx: QueryRunner,
  kind: EmergingKind,
  pairs: { x: string; y: string }[],
  evidenceLimit: number,
  params: object,
): Promise<Map<string, EvidenceArticle[]>> {
  if (pairs.length === 0) return new Map();
  const { records } = await tx.run(windowedPairEvidenceQuery(kind), {
    ...params,
    pairs,
    evidenceLimit: int(evidenceLimit),
  });
  return new Map(
    records.map((record) => [
      `${record.get('x')} ${record.get('y')}`,
      evidenceOf(record.get('evidence') as ArticleRow[]),
    ]),
  );
}

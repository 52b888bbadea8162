import { int, type Driver } from 'neo4j-driver';
import pMap from 'p-map';
import type { GroupedLabel } from '../model/labels.js';
import type { ConceptRule } from './concept-rule.js';
import type { NeighbourList, NeighbourLists } from './concepts.js';
import { awaitVectorIndex, headIndexName, vectorIndexName } from './embeddings.js';

/**
 * Each name's candidates by the vector indexes (embeddings.ts puts the vectors there), kept on the
 * nodes so that a recomputation asks an index only for names whose vector changed.
 *
 * A node keeps up to three lists, each found by one index query and stored with the hash of the
 * vector it was asked with:
 * - `names`: the names nearest its name (`neighbour…`, the name index queried with `embedding`);
 * - `heads`: the names nearest its head (`headNeighbour…`, the name index queried with `headEmbedding`);
 * - `nearHeads`: the names whose heads are nearest its name (`nearHead…`, the head index queried with
 *   `embedding`). It is what lets a new name meet an old name's head: the old name's `heads` list
 *   was found before the new name existed and is not asked again.
 * Clustering makes every list symmetric, so an old name meets a new one through the new one's lists.
 */

export type ListKind = keyof NeighbourLists;

interface ListSpec {
  /** The vector the index is queried with, and the hash that says which text it came from. */
  vector: 'embedding' | 'headEmbedding';
  vectorHash: 'embeddingHash' | 'headEmbeddingHash';
  index: (label: GroupedLabel) => string;
  keys: string;
  cosines: string;
  hash: string;
}

const LISTS: Record<ListKind, ListSpec> = {
  names: {
    vector: 'embedding',
    vectorHash: 'embeddingHash',
    index: vectorIndexName,
    keys: 'neighbourKeys',
    cosines: 'neighbourCosines',
    hash: 'neighboursHash',
  },
  heads: {
    vector: 'headEmbedding',
    vectorHash: 'headEmbeddingHash',
    index: vectorIndexName,
    keys: 'headNeighbourKeys',
    cosines: 'headNeighbourCosines',
    hash: 'headNeighboursHash',
  },
  nearHeads: {
    vector: 'embedding',
    vectorHash: 'embeddingHash',
    index: headIndexName,
    keys: 'nearHeadKeys',
    cosines: 'nearHeadCosines',
    hash: 'nearHeadsHash',
  },
};

function listKinds(rule: Pick<ConceptRule, 'compareHeads'>): ListKind[] {
  return rule.compareHeads ? ['names', 'heads', 'nearHeads'] : ['names'];
}

/**
 * The `$count` nearest nodes by one list's index, for nodes whose stored list is missing or was made
 * from another vector, stored on them. The node itself is dropped: it comes back first when its own
 * vector is asked, hence one more than wanted is asked. Neo4j's cosine score is (1 + cosine) / 2; it
 * is turned back into the cosine here.
 */
function findStatement(label: GroupedLabel, spec: ListSpec): string {
  return `UNWIND $keys AS key
MATCH (n:${label} {key: key}) WHERE n.${spec.vector} IS NOT NULL
CALL (n) {
  CALL db.index.vector.queryNodes('${spec.index(label)}', $count, n.${spec.vector}) YIELD node, score
  WITH node, score WHERE node <> n
  ORDER BY score DESC LIMIT $limit
  RETURN collect(node.key) AS keys, collect(2 * score - 1) AS cosines
}
SET n.${spec.keys} = keys, n.${spec.cosines} = cosines, n.${spec.hash} = n.${spec.vectorHash}
RETURN key, keys, cosines`;
}

/** Every node with a vector, with each list that is current (null when it must be asked again). */
function storedStatement(label: GroupedLabel, kinds: readonly ListKind[]): string {
  const columns = kinds.flatMap((kind) => {
    const spec = LISTS[kind];
    const current = `n.${spec.vectorHash} IS NOT NULL AND n.${spec.hash} = n.${spec.vectorHash}`;
    return [
      `n.${spec.vectorHash} IS NOT NULL AS ${kind}Wanted`,
      `CASE WHEN ${current} THEN n.${spec.keys} END AS ${kind}Keys`,
      `CASE WHEN ${current} THEN n.${spec.cosines} END AS ${kind}Cosines`,
    ];
  });
  // Moved: the node's vector is not the one its lists were found with (its name was changed).
  const { hash, vectorHash } = LISTS.names;
  return `MATCH (n:${label}) WHERE n.${LISTS.names.vector} IS NOT NULL
RETURN n.key AS key, n.${hash} IS NOT NULL AND n.${hash} <> n.${vectorHash} AS moved,
       ${columns.join(', ')}`;
}

export interface NeighbourOptions {
  database?: string;
  /** Nodes per index query statement. */
  batchSize?: number;
  /** Statements in flight at once: Neo4j runs each on one core, so one alone leaves the others idle. */
  inFlight?: number;
}

export interface NeighboursResult {
  neighbours: NeighbourLists;
  /** Names whose neighbours were asked of the index (the others' lists were current). */
  queried: number;
  /** Heads whose nearest names were asked. */
  headsQueried: number;
  /** Names whose nearest heads were asked. */
  nearHeadsQueried: number;
}

/**
 * Every node's `rule.neighbours` nearest names, and for a rule that compares heads, the nearest
 * names of its head and the names whose heads are nearest it. Lists found before are read back; only
 * nodes without a current list (new names, new vectors) ask an index, and keep what it says. A list
 * that names a node whose vector has moved since is asked again too: it holds the cosine of the old
 * name, and the clustering takes a pair at the highest cosine any list gives it. The indexes are made
 * when the vectors are written (embeddings.ts `embedLabel`) and filled in the background; they are
 * waited for here.
 */
export async function readNeighbours(
  driver: Driver,
  label: GroupedLabel,
  rule: Pick<ConceptRule, 'neighbours' | 'compareHeads'>,
  options: NeighbourOptions = {},
): Promise<NeighboursResult> {
  const { database, batchSize = 500, inFlight = 2 } = options;
  const kinds = listKinds(rule);
  const lists = new Map(kinds.map((kind) => [kind, new Map<string, NeighbourList>()]));
  const missing = new Map(kinds.map((kind) => [kind, [] as string[]]));
  const moved = new Set<string>();
  const toList = (keys: string[], cosines: number[]): NeighbourList => ({ keys, cosines });

  // Streamed, not collected: at 100,000 documents the stored lists are millions of values.
  await driver.executeQuery(
    storedStatement(label, kinds),
    {},
    {
      database,
      routing: 'READ',
      resultTransformer: async (result) => {
        for await (const record of result) {
          const key = record.get('key') as string;
          if (record.get('moved')) moved.add(key);
          for (const kind of kinds) {
            if (!record.get(`${kind}Wanted`)) continue;
            const keys = record.get(`${kind}Keys`) as string[] | null;
            if (keys) lists.get(kind)!.set(key, toList(keys, record.get(`${kind}Cosines`) as number[]));
            else missing.get(kind)!.push(key);
          }
        }
      },
    },
  );

  if (moved.size > 0) askAgainListsNaming(moved, lists, missing);
  for (const index of new Set(kinds.map((kind) => LISTS[kind].index(label))))
    await awaitVectorIndex(driver, index, database);
  const batches = kinds.flatMap((kind) => {
    const keys = missing.get(kind)!;
    const statement = findStatement(label, LISTS[kind]);
    const into = lists.get(kind)!;
    return Array.from({ length: Math.ceil(keys.length / batchSize) }, (_, at) => ({
      statement,
      into,
      keys: keys.slice(at * batchSize, (at + 1) * batchSize),
    }));
  });
  const params = { count: int(rule.neighbours + 1), limit: int(rule.neighbours) };
  await pMap(
    batches,
    async ({ statement, into, keys }) => {
      const { records } = await driver.executeQuery(statement, { ...params, keys }, { database });
      for (const record of records)
        into.set(
          record.get('key') as string,
          toList(record.get('keys') as string[], record.get('cosines') as number[]),
        );
    },
    { concurrency: inFlight },
  );

  const neighbours: NeighbourLists = { names: lists.get('names')! };
  if (rule.compareHeads)
    Object.assign(neighbours, { heads: lists.get('heads'), nearHeads: lists.get('nearHeads') });
  return {
    neighbours,
    queried: missing.get('names')!.length,
    headsQueried: missing.get('heads')?.length ?? 0,
    nearHeadsQueried: missing.get('nearHeads')?.length ?? 0,
  };
}

/** Moves every stored list that names one of `moved` to the lists to be asked again. */
function askAgainListsNaming(
  moved: ReadonlySet<string>,
  lists: Map<ListKind, Map<string, NeighbourList>>,
  missing: Map<ListKind, string[]>,
): void {
  for (const [kind, stored] of lists)
    for (const [key, list] of stored)
      if (list.keys.some((neighbour) => moved.has(neighbour))) {
        stored.delete(key);
        missing.get(kind)!.push(key);
      }
}

import type { NeighbourList } from '../../groups/index.js';

/** Hand-written candidate lists for the clustering tests: [name, its neighbour, cosine] rows. */
export function neighbourLists(
  rows: readonly (readonly [string, string, number])[],
): Map<string, NeighbourList> {
  const lists = new Map<string, { keys: string[]; cosines: number[] }>();
  for (const [owner, neighbour, cosine] of rows) {
    const list = lists.get(owner) ?? { keys: [], cosines: [] };
    list.keys.push(neighbour);
    list.cosines.push(cosine);
    lists.set(owner, list);
  }
  return lists;
}

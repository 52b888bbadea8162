import { parseArgs } from 'node:util';
import { createGenerator, FITTED_DEFAULTS } from '../gen/index.js';
import { entityKey } from '../ingest/rows.js';
import { analyseNetwork } from '../server/analysis/communities.js';
import type { WeightedNetwork } from '../server/analysis/weighted-graph.js';
import { machineInfo, table, writeResult } from './machine.js';

/**
 * Community detection of the themes map (GET /api/themes/communities) on the theme graph of a
 * generated corpus: the themes of each document as `npm run gen` writes them (seed 1, the recorded
 * profile), keyed as the ingest keys them, their co-occurrence counted in memory, and the strongest
 * `limit` links among pairs sharing `minCount` articles, as /api/themes/network selects them. Times
 * the analysis (Louvain, weighted degree, betweenness, gaps), best of 3, at the route's default
 * limit and its largest. Reading the network from Neo4j is the themes/network route, timed by
 * bench/api.ts.
 *
 *   npx tsx bench/communities.ts [--docs 10000,100000] [--min-count 2]
 */

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000,100000' },
    'min-count': { type: 'string', default: '2' },
  },
});
const LIMITS = [200, 2_000];
const ROUNDS = 3;

function coOccurrence(docs: number): { articleCount: Map<string, number>; pairs: Map<string, number> } {
  const generator = createGenerator({ seed: '1', docs, profile: FITTED_DEFAULTS });
  const articleCount = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (let index = 0; index < docs; index++) {
    const keys = [...new Set(generator.list(generator.head(index), 'Themes').map(entityKey))].sort();
    for (const key of keys) articleCount.set(key, (articleCount.get(key) ?? 0) + 1);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const pair = `${keys[i]}\u0000${keys[j]}`;
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      }
    }
  }
  return { articleCount, pairs };
}

function strongest(pairs: Map<string, number>, minCount: number, limit: number): WeightedNetwork {
  const edges = [...pairs]
    .filter(([, count]) => count >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([pair, weight]) => {
      const [source, target] = pair.split('\u0000') as [string, string];
      return { source, target, weight };
    });
  const ids = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  return { nodes: [...ids].map((id) => ({ id, name: id })), edges };
}

const rows: Record<string, string | number>[] = [];
for (const docs of values.docs.split(',').map(Number)) {
  let started = performance.now();
  const { articleCount, pairs } = coOccurrence(docs);
  const countMs = performance.now() - started;
  for (const limit of LIMITS) {
    const network = strongest(pairs, Number(values['min-count']), limit);
    let best = Infinity;
    let result = analyseNetwork(network);
    for (let round = 0; round < ROUNDS; round++) {
      started = performance.now();
      result = analyseNetwork(network);
      best = Math.min(best, performance.now() - started);
    }
    rows.push({
      documents: docs,
      themes: articleCount.size,
      'theme pairs': pairs.size,
      limit,
      'map nodes': network.nodes.length,
      'map links': network.edges.length,
      communities: result.communities.length,
      gaps: result.gaps.length,
      modularity: result.modularity.toFixed(3),
      'analysis ms (best of 3)': best.toFixed(1),
      'count themes s (gen + in-memory co-occurrence)': (countMs / 1000).toFixed(1),
    });
    console.error(`bench: ${docs} documents, limit ${limit}: ${best.toFixed(1)} ms`);
  }
}
console.log(table(rows));
console.log(`\nwritten: ${writeResult('communities', { machine: machineInfo(), rows })}`);

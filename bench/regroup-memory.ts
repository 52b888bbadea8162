import { parseArgs } from 'node:util';
import { remoteTargetFromEnv } from '../db/config.js';
import { connect } from '../db/connect.js';
import { Embedder } from '../embed/embedder.js';
import { recomputeConcepts } from '../groups/index.js';
import { cpuMs, peakRssMiB } from '../ingest/process-usage.js';

/**
 * Peak memory of the concept-group recomputation alone, on the graph at NEO4J_URI (NEO4J_USER,
 * NEO4J_PASSWORD). Without --embedder, as the ingest runs it with no Java (issues regrouped by the
 * lexical rule); with it, as the ingest runs it (every label, by the concept rule):
 *   NEO4J_URI=bolt://… npx tsx bench/regroup-memory.ts [--embedder]
 * On a graph already grouped this is the re-ingest's regrouping (memberships and stored pairs read;
 * with --embedder, the stored neighbour lists: nothing is embedded and no index is asked).
 */
async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to the graph to regroup');
  const { values } = parseArgs({ options: { embedder: { type: 'boolean', default: false } } });
  const target = remoteTargetFromEnv(uri);
  const driver = await connect(target);
  const embedder = values.embedder ? await Embedder.start() : null;
  const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  try {
    const rssBefore = mib(process.memoryUsage().rss);
    const cpuBefore = cpuMs();
    const result = await recomputeConcepts(driver, { embedder, database: target.database });
    const labels = result.labels.map(({ label, rule, names, groups, embedding, timings }) => ({
      label,
      rule,
      names,
      groups,
      embedded: embedding?.computed ?? 0,
      timings,
    }));
    console.log(
      JSON.stringify(
        {
          durationMs: result.durationMs,
          cpuMs: cpuMs() - cpuBefore,
          rssBeforeMiB: rssBefore,
          peakRssMiB: peakRssMiB(),
          peakHeapMiB: mib(peakHeap),
          labels,
        },
        null,
        2,
      ),
    );
  } finally {
    clearInterval(sampler);
    await embedder?.close();
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

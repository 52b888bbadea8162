import { remoteTargetFromEnv } from '../db/config.js';
import { connect } from '../db/connect.js';
import { recomputeConcepts } from '../groups/index.js';
import { cpuMs, peakRssMiB } from '../ingest/process-usage.js';

/**
 * Peak memory of the concept-group recomputation alone, as the ingest runs it without an embedder
 * (issues regrouped by the lexical rule), on the graph at NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD):
 *   NEO4J_URI=bolt://… npx tsx bench/regroup-memory.ts
 * On a graph already grouped this is the re-ingest's regrouping (memberships and stored pairs read).
 */
async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to the graph to regroup');
  const target = remoteTargetFromEnv(uri);
  const driver = await connect(target);
  const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  try {
    const rssBefore = mib(process.memoryUsage().rss);
    const cpuBefore = cpuMs();
    const result = await recomputeConcepts(driver, { embedder: null, database: target.database });
    const issues = result.labels.find((layer) => layer.label === 'Issue');
    console.log(
      JSON.stringify(
        {
          durationMs: result.durationMs,
          cpuMs: cpuMs() - cpuBefore,
          rssBeforeMiB: rssBefore,
          peakRssMiB: peakRssMiB(),
          peakHeapMiB: mib(peakHeap),
          issues,
        },
        null,
        2,
      ),
    );
  } finally {
    clearInterval(sampler);
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

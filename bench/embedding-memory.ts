import { remoteTargetFromEnv } from '../db/config.js';
import { connect } from '../db/connect.js';
import { DIMENSIONS } from '../embed/embedder.js';
import { VectorMemo } from '../groups/embedding-plan.js';
import { readStoredHashes, staleVectors, type StaleVectors } from '../groups/embeddings.js';
import { GROUPED_LABELS, type GroupedLabel } from '../model/labels.js';

/**
 * What the concept layer's embedding step holds besides its chunk of vectors, as a first ingest of
 * the graph at NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD) would hold it (stored vectors ignored; no
 * text is embedded and nothing is written): each label's stale names and heads as distinct texts,
 * every label's stale text hashes (the first read of embedLabels), the texts shared by labels, and
 * the most vectors the cross-label memo holds at once (stand-in vectors, labels in the ingest's
 * order). Also what every label's stale names held together would take (the alternative of reading
 * each label once). Heap figures are after a full GC:
 *   NEO4J_URI=bolt://… node --expose-gc --import tsx bench/embedding-memory.ts
 */
const gc = (globalThis as { gc?: () => void }).gc;
/** The heap after a full GC, taken on a fresh turn of the event loop (nothing of the caller's turn kept). */
const heapMiB = async (): Promise<number> => {
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc!();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const round = (mib: number): number => Math.round(mib * 10) / 10;
const countsOf = ({ nodes, names, heads, texts }: Omit<StaleVectors, 'readMs'>) => ({
  nodes,
  names,
  heads,
  texts: texts.length,
});

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to the graph to measure');
  if (!gc) throw new Error('run with node --expose-gc --import tsx');
  const target = remoteTargetFromEnv(uri);
  const driver = await connect(target);
  try {
    const read = async (label: GroupedLabel): Promise<Omit<StaleVectors, 'readMs'>> => {
      const nodes = await readStoredHashes(driver, label, target.database);
      return staleVectors(
        label,
        nodes.map((node) => ({ ...node, hash: null, headHash: null })),
      );
    };
    // Every label's stale names held together, then released one by one (the driver's buffers are
    // warm by then, so the differences are the names' own).
    const plans: (Omit<StaleVectors, 'readMs'> | null)[] = [];
    for (const label of GROUPED_LABELS) plans.push(await read(label));
    const labels = [];
    let held = await heapMiB();
    const everyLabelsStaleNamesHeapMiB = held;
    for (const [index, label] of GROUPED_LABELS.entries()) {
      const counts = { label, ...countsOf(plans[index]!) };
      plans[index] = null;
      const now = await heapMiB();
      labels.push({ ...counts, staleNamesHeapMiB: round(held - now) });
      held = now;
    }
    const base = held;
    // What the first read of embedLabels keeps: the hashes of every label's stale texts.
    const hashes: string[][] = [];
    for (const label of GROUPED_LABELS) hashes.push((await read(label)).texts.map((text) => text.hash));
    const staleHashesHeapMiB = round((await heapMiB()) - base);
    const memo = new VectorMemo(hashes);
    const labelsOf = new Map<string, number>();
    for (const label of hashes) for (const hash of label) labelsOf.set(hash, (labelsOf.get(hash) ?? 0) + 1);
    let memoPeak = 0;
    for (const label of hashes)
      for (const hash of label) {
        memo.written(hash, memo.get(hash) ?? new Float32Array(DIMENSIONS));
        memoPeak = Math.max(memoPeak, memo.size);
      }
    const vectorMiB = (count: number): number => round((count * DIMENSIONS * 4) / 2 ** 20);
    console.log(
      JSON.stringify(
        {
          labels,
          everyLabelsStaleNamesHeapMiB: round(everyLabelsStaleNamesHeapMiB - base),
          staleHashesHeapMiB,
          textsEmbeddedWithoutMemo: hashes.reduce((sum, label) => sum + label.length, 0),
          textsEmbeddedWithMemo: labelsOf.size,
          textsInSeveralLabels: [...labelsOf.values()].filter((count) => count > 1).length,
          memoPeakVectors: memoPeak,
          memoPeakFloatMiB: vectorMiB(memoPeak),
          everyVectorOfTheRunFloatMiB: vectorMiB(labelsOf.size),
        },
        null,
        2,
      ),
    );
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

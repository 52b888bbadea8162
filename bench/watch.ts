import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '../db/index.js';
import { createGenerator, loadProfile, writeCorpus } from '../gen/index.js';
import { pathsWithDigests } from '../ingest/check-paths.js';
import { ingestPaths } from '../ingest/index.js';
import { watchPaths, type WatchBatch } from '../ingest/watch.js';
import { machineInfo, peakRssMiB, table, writeResult } from './machine.js';
import { withBenchNeo4j } from './neo4j.js';

/**
 * `npx tsx bench/watch.ts [--docs 2000] [--rounds 5]`
 *
 * A watched folder of generated digests, as `npm start -- FOLDER --watch` watches it (the same
 * watcher and settings): how long the watcher takes to start, and from a file added, edited or
 * deleted to the graph showing it, and to the end of its batch (issue groups recomputed over the
 * whole graph). The page learns of it at its next poll (every 2 s) on top of that.
 */

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' } },
});
const docs = Number(values.docs);
const rounds = Number(values.rounds);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-bench-watch-'));
  try {
    const generator = createGenerator({ seed: 'watch', docs: docs + rounds, profile: loadProfile().profile });
    await writeCorpus(generator, docs, { out: dir });
    const result = await withBenchNeo4j(async (target, version) => {
      const driver = await connect(target);
      try {
        await ingestPaths(driver, [dir], { database: target.database, reset: true });
        const batches: { at: number; batch: WatchBatch }[] = [];
        const readyStarted = performance.now();
        const watcher = await watchPaths(driver, await pathsWithDigests([dir], '/'), {
          database: target.database,
          onBatch: (batch) => batches.push({ at: performance.now(), batch }),
        });
        const readyMs = Math.round(performance.now() - readyStarted);
        watcher.resume();

        /**
         * From the file system change to the graph showing it (what the page's next poll sees),
         * and to the end of the batch that wrote it (the issue groups recomputed after).
         */
        const timed = async (
          change: () => void,
          shown: () => Promise<boolean>,
        ): Promise<{ shownMs: number; batchEndMs: number }> => {
          const seen = batches.length;
          const started = performance.now();
          change();
          while (!(await shown())) await new Promise((resolve) => setTimeout(resolve, 20));
          const shownMs = Math.round(performance.now() - started);
          while (batches.length === seen) await new Promise((resolve) => setTimeout(resolve, 5));
          return { shownMs, batchEndMs: Math.round(batches[seen]!.at - started) };
        };
        const titleOf = async (id: string): Promise<string | null> => {
          const { records } = await driver.executeQuery(
            'MATCH (a:Article {id: $id}) WHERE a.stub IS NULL RETURN a.title AS title',
            { id },
            { database: target.database },
          );
          return (records[0]?.get('title') as string | undefined) ?? null;
        };
        const rows: Record<string, string | number>[] = [];
        for (let round = 0; round < rounds; round++) {
          const doc = generator.document(docs + round);
          const id = `added-${round}`;
          const file = path.join(dir, `${id}.md`);
          const add = await timed(
            () => fs.writeFileSync(file, doc.text),
            async () => (await titleOf(id)) !== null,
          );
          const edit = await timed(
            () => fs.writeFileSync(file, doc.text.replace(/^# __/, '# __Edited ')),
            async () => (await titleOf(id))?.startsWith('Edited ') === true,
          );
          const remove = await timed(
            () => fs.rmSync(file),
            async () => (await titleOf(id)) === null,
          );
          rows.push({
            round: round + 1,
            'add shown ms': add.shownMs,
            'edit shown ms': edit.shownMs,
            'delete shown ms': remove.shownMs,
            'add batch ms': add.batchEndMs,
            'edit batch ms': edit.batchEndMs,
            'delete batch ms': remove.batchEndMs,
          });
        }
        await watcher.close();
        console.log(`watcher ready on ${docs} documents in ${readyMs} ms; peak RSS ${peakRssMiB()} MiB`);
        console.log(table(rows));
        return { machine: machineInfo(version), docs, readyMs, peakRssMiB: peakRssMiB(), rounds: rows };
      } finally {
        await driver.close();
      }
    });
    console.error(`bench: results in ${writeResult(`watch-${docs}`, result)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

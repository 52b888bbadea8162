import os from 'node:os';
import { parseArgs } from 'node:util';
import { int } from 'neo4j-driver';
import { remoteTargetFromEnv } from '../db/config.js';
import { connect } from '../db/connect.js';
import { CONCEPT_RULES } from '../groups/concept-rule.js';
import type { NeighbourList } from '../groups/concepts.js';
import { readNeighbours } from '../groups/neighbours.js';
import { GROUPED_LABELS, type GroupedLabel } from '../model/labels.js';
import { cpuMs } from '../ingest/process-usage.js';
import { machineInfo, table, writeResult } from './machine.js';
import { processCpuMs } from './neo4j.js';

/**
 * The neighbour step of the concept layer (groups/neighbours.ts) with 1, 2, … index query statements
 * in flight, on a graph the ingest has already embedded (it rewrites only the stored lists):
 *
 *   NEO4J_URI=bolt://… NEO4J_PASSWORD=… npx tsx bench/neighbours.ts \
 *     [--label Issue] [--names 3000] [--in-flight 1,2] [--rounds 2] [--neo4j-pid PID]
 *
 * Each run forgets the lists of the first --names names by key (their hashes are removed, so they
 * are asked again) and times `readNeighbours`. Runs alternate between the in-flight settings, so a
 * change in the machine's load falls on both. Prints wall ms per name, the Neo4j server's CPU-seconds
 * (with --neo4j-pid, the local server's process id), the load average, and whether every run found
 * the same lists as the first.
 */

const FORGET = (label: GroupedLabel) => `MATCH (n:${label}) WHERE n.embedding IS NOT NULL
WITH n ORDER BY n.key LIMIT $names
REMOVE n.neighboursHash, n.headNeighboursHash, n.nearHeadsHash
RETURN count(n) AS forgotten`;

function fingerprint(lists: ReadonlyMap<string, NeighbourList> | undefined): string {
  if (!lists) return '';
  return [...lists]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, list]) => `${key}:${list.keys.join(',')}`)
    .join(';');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      label: { type: 'string', default: 'Issue' },
      names: { type: 'string', default: '3000' },
      'in-flight': { type: 'string', default: '1,2' },
      rounds: { type: 'string', default: '2' },
      'neo4j-pid': { type: 'string' },
    },
  });
  const uri = process.env.NEO4J_URI;
  if (!uri)
    throw new Error('set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to a graph the ingest has embedded');
  const label = values.label as GroupedLabel;
  if (!GROUPED_LABELS.includes(label)) throw new Error(`--label must be one of ${GROUPED_LABELS.join(', ')}`);
  const names = Number(values.names);
  const settings = values['in-flight'].split(',').map(Number);
  const neo4jPid = values['neo4j-pid'] ? Number(values['neo4j-pid']) : null;
  const neo4jCpu = (): number | null => (neo4jPid ? processCpuMs(neo4jPid) : null);
  const target = remoteTargetFromEnv(uri);
  const driver = await connect(target);
  const rule = CONCEPT_RULES[label];
  const rows: Record<string, string | number>[] = [];
  let first: string | null = null;
  try {
    for (let round = 1; round <= Number(values.rounds); round++) {
      for (const inFlight of settings) {
        const { records } = await driver.executeQuery(
          FORGET(label),
          { names: int(names) },
          { database: target.database },
        );
        const forgotten = Number(records[0]!.get('forgotten'));
        const load = os.loadavg()[0]!;
        const [cpu0, neo0, t0] = [cpuMs(), neo4jCpu(), performance.now()];
        const found = await readNeighbours(driver, label, rule, { database: target.database, inFlight });
        const wall = performance.now() - t0;
        const neoMs = neo0 === null ? null : neo4jCpu()! - neo0;
        const queries = found.queried + found.headsQueried + found.nearHeadsQueried;
        const print = [
          fingerprint(found.neighbours.names),
          fingerprint(found.neighbours.heads),
          fingerprint(found.neighbours.nearHeads),
        ].join('|');
        first ??= print;
        rows.push({
          round,
          'in flight': inFlight,
          names: forgotten,
          'index queries': queries,
          'wall s': (wall / 1000).toFixed(1),
          'ms per name': (wall / forgotten).toFixed(2),
          'Neo4j CPU-s': neoMs === null ? 'n/a' : (neoMs / 1000).toFixed(1),
          'bench CPU-s': ((cpuMs() - cpu0) / 1000).toFixed(1),
          'load (1 min) before → after': `${load.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`,
          'same lists as run 1': print === first ? 'yes' : 'no',
        });
        console.error(JSON.stringify(rows.at(-1)));
      }
    }
  } finally {
    await driver.close();
  }
  console.log(`${label}: ${names} names' lists forgotten and found again, per run`);
  console.log(table(rows));
  console.log(`written to ${writeResult('neighbours', { machine: machineInfo(), label, rows })}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../db/index.js';
import { launchChromium } from './ui-browser.js';
import { mainThreadTasks, startStandIn, zoomAndPan } from './ui-harness.js';

/**
 * `npx tsx bench/ui-profile.ts [--nodes 2000 --edges 5000] [--top 5] [--wall]`: where bench/ui.ts's
 * long tasks come from. Runs the same load, zoom and pan on an unminified build with the V8
 * sampling profiler and a Chrome trace on, and prints, for each of the longest main-thread tasks
 * (by CPU, or by wall time with --wall), the functions its time went to.
 */
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '2000' },
    edges: { type: 'string', default: '5000' },
    top: { type: 'string', default: '5' },
    wall: { type: 'boolean', default: false },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  // Unminified, so the profile names Cytoscape's own functions.
  const outDir = path.join(os.tmpdir(), 'horizon-ui-profile-client');
  const { build } = await import('vite');
  await build({
    configFile: path.join(PROJECT_ROOT, 'client', 'vite.config.ts'),
    logLevel: 'warn',
    build: { minify: false, outDir, emptyOutDir: true },
  });
  const standIn = await startStandIn(outDir);
  const base = standIn.url;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/#/cypher`);
    await page.locator('.editor-host .cm-content').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
    const started = (await page.evaluate('performance.now()')) as number;
    await page.evaluate(
      `location.hash = '#/cypher?q=${encodeURIComponent(`bench ${values.nodes} ${values.edges}`)}&mode=graph'`,
    );
    await page.waitForFunction(() => performance.getEntriesByName('graph:layout-applied').length > 0, null, {
      timeout: 120_000,
      polling: 100,
    });
    await zoomAndPan(page);
    await page.waitForTimeout(800);
    const trace = await browser.stopTracing();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const marks = (await page.evaluate(
      `performance.getEntriesByType('mark').map((m) => m.name + '@' + Math.round(m.startTime - ${started}))`,
    )) as string[];
    console.log(marks.join('  '));
    report(profile, mainThreadTasks(trace), Number(values.top), values.wall);
  } finally {
    await browser.close();
    await standIn.close();
  }
}

/** For each of the longest main-thread tasks, the functions its samples fell in (self and inclusive time). */
function report(
  profile: Profile,
  tasks: { ts: number; wallMs: number; cpuMs: number }[],
  top: number,
  byWall = false,
): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Sample times are µs on the same clock as the trace's task timestamps.
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const name = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
  const longest = [...tasks].sort((a, b) => (byWall ? b.wallMs - a.wallMs : b.cpuMs - a.cpuMs)).slice(0, top);
  for (const task of longest) {
    const end = task.ts + task.wallMs * 1000;
    const samples = profile.samples.filter((_, i) => times[i]! >= task.ts && times[i]! <= end);
    const msPerSample = task.wallMs / Math.max(1, samples.length);
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (const id of samples) {
      const leaf = name(byId.get(id)!);
      self.set(leaf, (self.get(leaf) ?? 0) + 1);
      const seen = new Set<string>();
      for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
        const frame = name(byId.get(current)!);
        if (seen.has(frame)) continue;
        seen.add(frame);
        inclusive.set(frame, (inclusive.get(frame) ?? 0) + 1);
      }
    }
    const list = (counts: Map<string, number>, n: number) =>
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([frame, count]) => `   ${Math.round(count * msPerSample)} ms  ${frame}`)
        .join('\n');
    console.log(
      `\n== task of ${Math.round(task.wallMs)} ms wall / ${Math.round(task.cpuMs)} ms CPU at ${Math.round((task.ts - profile.startTime) / 1000)} ms`,
    );
    console.log(` self:\n${list(self, 8)}\n inclusive:\n${list(inclusive, 22)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clusterIssues } from './cluster.js';
import { syntheticIssueNames } from './synthetic.js';

/**
 * Time and memory of the pure clustering on synthetic names:
 *   node --expose-gc --import tsx groups/bench.ts [count=440000] [--threshold=0.45]
 */
function main(argv: string[]): void {
  const count = Number(argv.find((arg) => /^\d+$/.test(arg)) ?? 440_000);
  const threshold = Number(
    /^--threshold=(.+)$/.exec(argv.find((arg) => arg.startsWith('--threshold=')) ?? '')?.[1] ?? 0.45,
  );
  const names = syntheticIssueNames(count);
  const issues = names.map((name, index) => ({
    key: name.toLowerCase(),
    name,
    articles: [`a${Math.floor(index / 4.4)}`],
  }));
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
  const started = performance.now();
  const { stats } = clusterIssues(issues, { threshold });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;
  process.stdout.write(
    `${JSON.stringify({ ...stats, seconds: Number(seconds.toFixed(2)), allPairs: (count * (count - 1)) / 2, heapBefore: mb(before), heapPeakSampled: mb(peak), rss: mb(process.memoryUsage().rss) }, null, 2)}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}

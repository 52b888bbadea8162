import type { HeldRoot } from '../ingest/roots.js';

/**
 * What `npm start` does with the database, decided from what it holds (its articles' roots) and
 * what was asked. Pure: the whole policy is here, tested without a database.
 *
 * - PATHs given: the graph becomes those PATHs' documents. Articles of the same roots whose files
 *   are gone go (the folder is the graph); the example seeds are replaced. Articles of any other
 *   root are never dropped silently: the start is refused, saying what the database holds, unless
 *   --prune (drop them) or --reset (empty the database first) says so.
 * - No PATH: the seeds, when the database is empty or holds only seeds; otherwise the graph is
 *   served as it is (nothing ingested), and the line says which folders it was built from.
 */

export interface StartRequest {
  /** Absolute roots of the PATHs given (the folder, a file's folder, a glob's base); [] for none. */
  roots: string[];
  seedsRoot: string;
  reset: boolean;
  prune: boolean;
  watch: boolean;
}

export type StartPlan =
  | { action: 'ingest'; source: 'paths' | 'seeds'; reset: boolean; prune: boolean; say: string[] }
  | { action: 'serve'; say: string[] }
  | { action: 'refuse'; say: string };

export function planStart(held: HeldRoot[], request: StartRequest): StartPlan {
  const source = request.roots.length > 0 ? 'paths' : 'seeds';
  const asked = source === 'paths' ? request.roots : [request.seedsRoot];
  const articles = held.reduce((sum, root) => sum + root.articles, 0);
  const others = held.filter((root) => root.root === null || !asked.includes(root.root));
  const onlySeeds = held.every((root) => root.root === request.seedsRoot);

  if (request.reset) {
    const say = articles > 0 ? [`Emptying the database first (it held ${describeHeld(held, request)})`] : [];
    return { action: 'ingest', source, reset: true, prune: false, say };
  }
  if (source === 'seeds' && !onlySeeds) {
    const run = `npm start -- ${others.flatMap((root) => root.root ?? []).join(' ') || 'PATH'}`;
    if (request.watch) {
      return {
        action: 'refuse',
        say: `--watch needs the folders to follow: the database holds ${describeHeld(held, request)}; run ${run} --watch`,
      };
    }
    return {
      action: 'serve',
      say: [
        `Serving the graph as last ingested: ${describeHeld(held, request)} (${run} brings it up to date)`,
      ],
    };
  }
  // The example seeds make way without asking; anything else only when asked.
  const foreign = others.filter((root) => root.root !== request.seedsRoot);
  if (foreign.length === 0 || request.prune) {
    const say = others.length === 0 ? [] : [`Replacing ${describeHeld(others, request)}`];
    return { action: 'ingest', source, reset: false, prune: true, say };
  }
  const together = [...foreign.flatMap((root) => root.root ?? []), ...asked].join(' ');
  return {
    action: 'refuse',
    say:
      `The database holds ${describeHeld(held, request)}; starting on ${asked.join(' ')} would mix them in. ` +
      `Add --prune to keep only the new documents, --reset to empty the database first, ` +
      `or name every folder (npm start -- ${together}) to serve them together.`,
  };
}

/** "the 30 example seeds", "120 articles from /data/digests and 3 of unknown origin". */
export function describeHeld(held: HeldRoot[], request: Pick<StartRequest, 'seedsRoot'>): string {
  if (held.length === 0) return 'nothing';
  const parts = held.map(({ root, articles }) => {
    if (root === request.seedsRoot) return `the ${articles} example seeds`;
    if (root === null) return `${plural(articles, 'article')} ingested before folders were recorded`;
    return `${plural(articles, 'article')} from ${root}`;
  });
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

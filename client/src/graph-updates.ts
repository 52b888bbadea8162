import type { GraphVersion } from '../../model/index.js';
import { api } from './api-client.js';
import { h } from './dom.js';
import { plural } from './format.js';

/** How often the page asks whether the graph changed (a watched folder, an ingest). */
const POLL_MS = 2_000;

/**
 * Follows the graph's version (GET /api/graph/version, one trivial read): `line` says what the
 * graph holds (articles and folders); when the version moves, a banner says what changed and
 * offers to refresh the view. The view's state is in the URL, so a reload redraws the same view
 * from the new graph. Polls only while the page is visible.
 */
export function followGraph(line: HTMLElement): HTMLElement {
  const text = h('span', { class: 'graph-updated-text' });
  const banner = h(
    'div',
    { class: 'graph-updated', role: 'status', hidden: true },
    text,
    h('button', {
      class: 'button button-primary',
      type: 'button',
      text: 'Refresh view',
      on: { click: () => location.reload() },
    }),
  );
  let first: GraphVersion | null = null;
  let timer = 0;
  let polling = false;

  const poll = async (): Promise<void> => {
    window.clearTimeout(timer);
    if (polling) return;
    polling = true;
    try {
      const now = await api.graphVersion();
      line.textContent = describe(now);
      line.title = now.folders
        .map((f) => `${f.name ?? 'unknown folder'}: ${plural(f.articles, 'article')}`)
        .join('\n');
      first ??= now;
      if (now.version !== '' && now.version !== first.version) {
        text.textContent = `The graph changed: ${changeText(first.articles, now.articles)}.`;
        banner.hidden = false;
      }
    } catch {
      // The health line already says when the server or Neo4j is away; try again at the next tick.
    } finally {
      polling = false;
    }
    if (!document.hidden) timer = window.setTimeout(() => void poll(), POLL_MS);
  };
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) void poll();
  });
  void poll();
  return banner;
}

function describe(graph: GraphVersion): string {
  const named = graph.folders.flatMap((folder) => folder.name ?? []);
  const from =
    named.length === 0 ? '' : ` · ${named.length <= 2 ? named.join(', ') : plural(named.length, 'folder')}`;
  return `${plural(graph.articles, 'article')}${from}`;
}

function changeText(before: number, after: number): string {
  if (after === before) return `${plural(after, 'article')}, some of them updated`;
  const delta = after - before;
  return `${plural(after, 'article')} (${delta > 0 ? '+' : '−'}${Math.abs(delta)})`;
}

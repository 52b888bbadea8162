import { HealthSchema } from '../../model/index.js';
import { DetailsPanel } from './details-panel.js';
import { followGraph } from './graph-updates.js';
import { h } from './dom.js';
import { TimeWindowControl, TimeWindowState } from './time-window.js';
import { goTo, parseHash, replaceRoute, windowFromParams, withWindow, type ViewId } from './url-state.js';
import type { View, ViewContext } from './view.js';
import { CypherView } from './views/cypher-view.js';
import { EmergingView } from './views/emerging-view.js';
import { ExploreView } from './views/explore-view.js';
import { IssuesView } from './views/issues-view.js';
import { PathsView } from './views/paths-view.js';
import { ThemesView } from './views/themes-view.js';

const TAB_HINTS: Record<ViewId, string> = {
  explore: 'Search and expand the graph',
  themes: 'Themes linked by shared articles',
  issues: 'Issues that occur together',
  emerging: 'What grew lately',
  cypher: 'Query with Cypher',
  paths: 'Shortest paths between two nodes',
};

/**
 * The shell: sidebar with the view tabs and the active view's controls, the main canvas, the
 * details panel. The URL hash names the view and its state; hashchange (a pasted link, back and
 * forward) re-applies it.
 */
export function startApp(root: HTMLElement): void {
  const timeWindow = new TimeWindowState();
  const details = new DetailsPanel(timeWindow, (id, labels) => ctx.openInExplore(id, labels));
  const windowControl = new TimeWindowControl(timeWindow);
  const toast = h('div', { class: 'toast', role: 'status', attrs: { 'aria-live': 'polite' } });
  let toastTimer = 0;
  let active: View | null = null;
  let explore: ExploreView | null = null;

  const ctx: ViewContext = {
    details,
    timeWindow,
    saveState: (view, params) => {
      if (active?.id === view) replaceRoute(view, withWindow(params, timeWindow.current));
    },
    openInExplore: (id, expand) => {
      if (!explore) return;
      goTo('explore', withWindow(explore.paramsWithNode(id, expand), timeWindow.current));
    },
    notify: (text) => {
      toast.textContent = text;
      toast.classList.add('visible');
      window.clearTimeout(toastTimer);
      toastTimer = window.setTimeout(() => toast.classList.remove('visible'), 3_500);
    },
  };

  explore = new ExploreView(ctx);
  const views: View[] = [
    explore,
    new ThemesView(ctx),
    new IssuesView(ctx),
    new EmergingView(ctx),
    new CypherView(ctx),
    new PathsView(ctx),
  ];
  const byId = new Map(views.map((view) => [view.id, view]));

  const tabs = new Map<ViewId, HTMLAnchorElement>();
  const nav = h(
    'nav',
    { class: 'view-tabs', attrs: { 'aria-label': 'Views' } },
    ...views.map((view) => {
      const link = h(
        'a',
        {
          class: 'view-tab',
          attrs: { href: `#/${view.id}`, 'data-view': view.id },
          title: TAB_HINTS[view.id],
        },
        h('span', { class: 'tab-title', text: view.title }),
        h('span', { class: 'tab-hint', text: TAB_HINTS[view.id] }),
      );
      tabs.set(view.id, link);
      return link;
    }),
  );
  const sideSlot = h('div', { class: 'side-slot' });
  const mainSlot = h('main', { class: 'main-slot', id: 'main' });
  const health = h('p', { class: 'health', attrs: { 'aria-live': 'polite' } });
  const holding = h('p', { class: 'graph-holds' });
  const detailsToggle = h('button', {
    class: 'button button-quiet details-toggle',
    type: 'button',
    text: '⟩',
    title: 'Hide the details panel',
    attrs: { 'aria-expanded': 'true', 'aria-controls': 'details', 'aria-label': 'Hide the details panel' },
    on: {
      click: () => {
        const collapsed = root.classList.toggle('details-collapsed');
        detailsToggle.textContent = collapsed ? '⟨' : '⟩';
        const label = collapsed ? 'Show the details panel' : 'Hide the details panel';
        detailsToggle.title = label;
        detailsToggle.setAttribute('aria-label', label);
        detailsToggle.setAttribute('aria-expanded', String(!collapsed));
        active?.shown();
      },
    },
  });
  details.element.id = 'details';
  root.replaceChildren(
    h('a', {
      class: 'skip-link',
      text: 'Skip to the canvas',
      attrs: { href: '#main' },
      on: { click: skipToMain },
    }),
    h(
      'div',
      { class: 'sidebar' },
      h(
        'header',
        { class: 'brand' },
        h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }),
        h('div', {}, h('h1', { class: 'brand-name', text: 'Horizon Graph' }), health, holding),
      ),
      nav,
      windowControl.element,
      sideSlot,
    ),
    mainSlot,
    h('div', { class: 'details-slot' }, detailsToggle, details.element),
    toast,
    followGraph(holding),
  );

  function skipToMain(event: MouseEvent): void {
    event.preventDefault();
    const target = mainSlot.querySelector<HTMLElement>('.graph-canvas:not([hidden]), [tabindex="0"]');
    target?.focus();
  }

  function activate(view: View): void {
    if (active === view) return;
    active?.hidden?.();
    active = view;
    for (const [id, tab] of tabs) {
      if (id === view.id) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
    sideSlot.replaceChildren(view.sidebar);
    mainSlot.replaceChildren(view.main);
    windowControl.setHelp(view.windowHelp);
    details.configure(view.panelActions, view.panelHint);
    details.showHint(view.panelHint);
    document.title = `${view.title} · Horizon Graph`;
    view.shown();
  }

  function route(): void {
    const { view: id, params } = parseHash(location.hash);
    const view = byId.get(id) ?? views[0]!;
    timeWindow.set(windowFromParams(params), true);
    updateTabLinks();
    activate(view);
    view.open(params);
  }

  /** Switching views keeps the window. */
  function updateTabLinks(): void {
    for (const [id, tab] of tabs) {
      const query = withWindow(new URLSearchParams(), timeWindow.current).toString();
      tab.setAttribute('href', `#/${id}${query ? `?${query}` : ''}`);
    }
  }

  timeWindow.subscribe(() => {
    updateTabLinks();
    if (!active) return;
    replaceRoute(active.id, withWindow(parseHash(location.hash).params, timeWindow.current));
    active.windowChanged?.();
  });

  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => active?.shown());
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.closest('input, textarea, select, [contenteditable="true"], .editor-host');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey) {
      const search = sideSlot.querySelector<HTMLInputElement>('input[type="search"]');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    }
  });
  route();
  void windowControl.load();
  void checkHealth(health);
}

async function checkHealth(target: HTMLElement): Promise<void> {
  try {
    const response = await fetch('/api/health', { headers: { accept: 'application/json' } });
    const parsed = HealthSchema.safeParse(await response.json());
    if (parsed.success && parsed.data.neo4j.connected) {
      target.className = 'health ok';
      target.textContent = `Neo4j ${parsed.data.neo4j.version ?? ''}`.trim();
    } else {
      target.className = 'health bad';
      target.textContent = 'Neo4j unreachable';
      target.title = 'The server answers but cannot reach Neo4j: check the output of npm start.';
    }
  } catch {
    target.className = 'health bad';
    target.textContent = 'Server unreachable';
    target.title = 'Start the server with npm start.';
  }
}

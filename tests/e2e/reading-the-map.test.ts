import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ThemeCommunitiesSchema } from '../../model/index.js';
import { COMMUNITY_HUES } from '../../client/src/palette.js';
import { transactionsRunning } from '../support/neo4j.js';
import { PROJECT_ROOT } from '../../db/index.js';
import { SEEDS_DIR } from '../support/paths.js';
import {
  canvasCounts,
  clickableEdgePoint,
  finish,
  holdRequests,
  nodesUnderOverlays,
  onCanvas,
  openPage,
  pickFromSearch,
  renderedPoint,
  screenshot,
  startE2eApp,
  typeCypher,
  waitForCommunities,
  waitForLayout,
  type E2eApp,
  type Watched,
} from './support/app.js';

/**
 * What a new user met on first use (issue 16), one test per point: the themes map read as
 * communities and gaps, labels that can be read, a legend on every canvas, the keyboard after a
 * click, the Cypher console's stale results and cancel, feedback while waiting, the details
 * panel, and search ranking. On the seeds, plus one document written for these tests: an article
 * of 31 issues (a 31-node ego graph) about artificial intelligence (names that begin alike).
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const ROUNDUP = 'Article:ai-governance-roundup';
/** A Cypher time limit no test waits for: only a cancel can end a query in time. */
const CYPHER_TIMEOUT_MS = 60_000;
const SEARCH = '.view-side .search-input';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp([SEEDS_DIR, path.join(PROJECT_ROOT, 'tests', 'fixtures', 'e2e')], {
    limits: { cypherTimeoutMs: CYPHER_TIMEOUT_MS },
  });
});

afterAll(async () => {
  await app?.close();
});

/**
 * The elements whose label a person can read: drawn (Cytoscape skips a label below its
 * min-zoomed-font-size at the zoom's texture level), not transparent, at least 8 px on screen,
 * in view. `cut`: only those whose label runs past the canvas's edges.
 */
function readableLabels(page: Page, selector = ':visible', cut = false): Promise<string[]> {
  return onCanvas<string[]>(
    page,
    `const zoom = cy.zoom();
    const level = Math.pow(2, Math.ceil(Math.log2(zoom * window.devicePixelRatio)));
    const readable = cy.elements(${JSON.stringify(selector)}).filter((element) => {
      if (!element.pstyle('label').strValue) return false;
      if (Number(element.pstyle('text-opacity').value) === 0 || Number(element.pstyle('opacity').value) === 0) return false;
      const font = element.pstyle('font-size').pfValue;
      if (font * level < element.pstyle('min-zoomed-font-size').pfValue) return false;
      const p = element.isNode() ? element.renderedPosition() : element.renderedMidpoint();
      return font * zoom >= 8 && p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height();
    });
    return (${cut} ? readable.filter((element) => {
      const box = element.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      return box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height();
    }) : readable).map((element) => element.id());`,
  );
}

/** The canvas legend's entries, as "name count" lines (or "name" alone). */
async function legendLines(page: Page, scope = '.main-slot'): Promise<string[]> {
  const items = page.locator(`${scope} .canvas-legend:visible li`);
  const lines: string[] = [];
  for (const item of await items.all()) {
    const name = (await item.locator('.legend-name').textContent()) ?? '';
    const count = item.locator('.legend-count');
    lines.push((await count.count()) > 0 ? `${name} ${await count.textContent()}` : name);
  }
  return lines;
}

/** What the canvas decided each time its toolbar or legend changed size: true where it fitted again. */
function overlayChecks(page: Page): Promise<boolean[]> {
  return page.evaluate(
    `performance.getEntriesByName('graph:overlays-changed').map((entry) => entry.detail.refit)`,
  ) as Promise<boolean[]>;
}

/** Where a node is drawn, once it stays put (an expansion zooms out to show what it added). */
async function settledPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await renderedPoint(page, id));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return JSON.parse(last) as { x: number; y: number };
}

/**
 * Every word (letters and digits) of the details panel's section headed `heading…`: those drawn
 * on two lines (broken inside), and those drawn beyond the panel's sides (cut off).
 */
async function wordsLaidOut(page: Page, heading: string): Promise<{ broken: string[]; outside: string[] }> {
  return (await page.evaluate(`(() => {
    const root = [...document.querySelectorAll('.details .detail-section')].find((section) =>
      section.querySelector('h4').textContent.startsWith(${JSON.stringify(heading)}));
    const panel = root.closest('.details-body').getBoundingClientRect();
    const broken = [];
    const outside = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent || '').matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        if (rects.length > 1) broken.push(match[0]);
        if (rects.some((rect) => rect.right > panel.right + 0.5 || rect.left < panel.left - 0.5)) outside.push(match[0]);
      }
    }
    return { broken, outside };
  })()`)) as { broken: string[]; outside: string[] };
}

describe('Reading the map (issue 16)', () => {
  it('colours the themes map by community, rings the bridging themes and lists the structural gaps', async () => {
    const answer = await fetch(`${app.url}/api/themes/communities?minCount=2&limit=300`);
    const reading = ThemeCommunitiesSchema.parse(await answer.json());
    expect(reading.communities.length).toBeGreaterThan(2);
    expect(reading.gaps.length).toBeGreaterThan(0);

    const watched = await openPage(app, '#/themes');
    const { page } = watched;
    await expect
      .poll(async () => (await canvasCounts(page)).nodes, { timeout: 30_000 })
      .toBe(reading.nodes.length);
    await waitForLayout(page);

    const drawn = await onCanvas<Record<string, { color: string; ring: number }>>(
      page,
      `return Object.fromEntries(cy.nodes().map((node) => [node.id(), {
        color: node.style('background-color'),
        ring: node.pstyle('border-width').pfValue,
      }]));`,
    );
    const colourOf = (community: number) =>
      new Set(reading.nodes.filter((n) => n.community === community).map((n) => drawn[n.id]!.color));
    // One colour per community, a different one for each of the largest.
    for (const community of reading.communities) expect(colourOf(community.id).size).toBe(1);
    expect(colourOf(0)).not.toEqual(colourOf(1));
    const bridging = [...reading.nodes].sort((a, b) => b.betweenness - a.betweenness)[0]!;
    expect(drawn[bridging.id]!.ring).toBeGreaterThan(2);

    // The details panel reads the map: its communities, and each gap with what would bridge it.
    const details = page.locator('.details');
    await details.locator('h4', { hasText: 'Structural gaps' }).waitFor();
    await expect.poll(() => details.locator('.gap-item').count()).toBe(reading.gaps.length);
    const first = reading.gaps[0]!;
    const firstGap = details.locator('.gap-item').first();
    expect(await firstGap.locator('.gap-head').textContent()).toContain(reading.communities[first.a]!.name);
    expect(await firstGap.locator('.gap-suggested').textContent()).toContain(first.suggested[0].name);
    // The coloured communities are listed, the rest one click away; long names stay in the panel.
    const listed = details.locator('.community-button:visible');
    expect(await listed.count()).toBe(Math.min(reading.communities.length, COMMUNITY_HUES));
    if (reading.communities.length > COMMUNITY_HUES) {
      await details.locator('.show-more').click();
      expect(await listed.count()).toBe(reading.communities.length);
    }
    expect(
      await page.evaluate(`(() => {
      const panel = document.querySelector('.details-body').getBoundingClientRect();
      return [...document.querySelectorAll('.details .community-button')]
        .map((button) => button.getBoundingClientRect())
        .filter((box) => box.left < panel.left - 0.5 || box.right > panel.right + 0.5).length;
    })()`),
    ).toBe(0);
    await waitForCommunities(page);
    expect((await legendLines(page)).join('\n')).toContain(reading.communities[0]!.name);
    // The map opens clear of its toolbar and legend.
    expect(await nodesUnderOverlays(page)).toEqual([]);
    await screenshot(page, 'themes-communities');

    // A community clicked is shown alone.
    await details.locator('.community-button').first().click();
    const faded = await onCanvas<number>(page, `return cy.nodes('.faded').length;`);
    expect(faded).toBe(reading.nodes.length - reading.communities[0]!.size);
    await finish(watched);
  });

  it('keeps the themes map clear of its legend when the communities come after the map, and leaves a view the user moved', async () => {
    // At 1 shared article the map has the most communities: the legend grows the most.
    const reading = ThemeCommunitiesSchema.parse(
      await (await fetch(`${app.url}/api/themes/communities?minCount=1&limit=300`)).json(),
    );
    const community = reading.communities[0]!.name;
    /** The map drawn while its communities' answer is held: the legend lists none yet. */
    const mapBeforeCommunities = async (): Promise<{ watched: Watched; release: () => void }> => {
      const watched = await openPage(app, '#/explore');
      const { page } = watched;
      const release = await holdRequests(page, '**/api/themes/communities*');
      await page.evaluate(`location.hash = '#/themes?min=1'`);
      await expect
        .poll(async () => (await canvasCounts(page)).nodes, { timeout: 30_000 })
        .toBe(reading.nodes.length);
      await waitForLayout(page);
      expect((await legendLines(page)).join('\n')).not.toContain(community);
      return { watched, release };
    };
    /** Once the legend lists the communities: what the canvas did about it, after it settled. */
    const afterCommunities = async (page: Page, checksBefore: number): Promise<boolean[]> => {
      await waitForCommunities(page);
      expect((await legendLines(page)).join('\n')).toContain(community);
      return (await overlayChecks(page)).slice(checksBefore);
    };

    // Untouched, the map moves clear of the legend that grew over it (the themes and their labels),
    // and is coloured by community.
    const untouched = await mapBeforeCommunities();
    const checks = (await overlayChecks(untouched.watched.page)).length;
    untouched.release();
    const refits = await afterCommunities(untouched.watched.page, checks);
    expect(await nodesUnderOverlays(untouched.watched.page, true)).toEqual([]);
    expect(refits).toContain(true);
    const colours = await onCanvas<Record<string, string>>(
      untouched.watched.page,
      `return Object.fromEntries(cy.nodes().map((node) => [node.id(), node.style('background-color')]));`,
    );
    const colourOf = (id: number) =>
      new Set(reading.nodes.filter((node) => node.community === id).map((node) => colours[node.id]));
    expect(colourOf(0).size).toBe(1);
    expect(colourOf(0)).not.toEqual(colourOf(1));
    await screenshot(untouched.watched.page, 'themes-communities-late');
    await finish(untouched.watched);

    // Zoomed in by the user before the communities come, the view stays where the user put it.
    const moved = await mapBeforeCommunities();
    const { page } = moved.watched;
    await page.getByRole('button', { name: 'Zoom in (+)' }).click();
    const view = `return JSON.stringify({ zoom: cy.zoom(), pan: cy.pan() });`;
    const before = await onCanvas<string>(page, view);
    const checksMoved = (await overlayChecks(page)).length;
    moved.release();
    const decisions = await afterCommunities(page, checksMoved);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions).not.toContain(true);
    expect(await onCanvas<string>(page, view)).toBe(before);
    await finish(moved.watched);

    // A theme selected before the communities come is placed on the map when they come, unasked.
    const selected = await mapBeforeCommunities();
    const details = selected.watched.page.locator('.details');
    await selected.watched.page.locator('.rank-button').first().click();
    await details.locator('h4', { hasText: 'Articles with this theme' }).waitFor();
    const onTheMap = details.locator('h4', { hasText: 'On the map' });
    expect(await onTheMap.count()).toBe(0);
    selected.release();
    await waitForCommunities(selected.watched.page);
    await expect.poll(() => onTheMap.count()).toBe(1);
    expect(await details.locator('dt', { hasText: 'Community' }).count()).toBe(1);
    await finish(selected.watched);
  });

  it('keeps labels readable when a 31-node ego graph or a concentric expansion opens zoomed out', async () => {
    const ego = await openPage(app, '#/issues?min=1&id=Issue%3Aopaque%2520model%2520audits&tab=graph');
    await expect
      .poll(async () => (await canvasCounts(ego.page, '.graph-pane')).nodes, { timeout: 30_000 })
      .toBe(31);
    await waitForLayout(ego.page);
    const centre = await onCanvas<string>(ego.page, `return cy.nodes(':selected').id();`);
    await expect.poll(async () => (await readableLabels(ego.page, 'node')).length).toBeGreaterThanOrEqual(10);
    expect(await readableLabels(ego.page, 'node')).toContain(centre);
    // Fitted with room for the labels: none hangs off the canvas's sides.
    expect(await readableLabels(ego.page, 'node', true)).toEqual([]);
    await screenshot(ego.page, 'labels-ego-graph-31');
    await finish(ego);

    const explore = await openPage(
      app,
      `#/explore?op=a%7C${encodeURIComponent(ROUNDUP)}&op=x%7C${encodeURIComponent(ROUNDUP)}%7C%7C60&layout=concentric`,
    );
    await expect
      .poll(async () => (await canvasCounts(explore.page)).nodes, { timeout: 30_000 })
      .toBeGreaterThan(40);
    await waitForLayout(explore.page);
    await expect
      .poll(async () => (await readableLabels(explore.page, 'node')).length)
      .toBeGreaterThanOrEqual(10);
    expect(await readableLabels(explore.page, 'node')).toContain(ROUNDUP);
    expect(await readableLabels(explore.page, 'node', true)).toEqual([]);
    await screenshot(explore.page, 'labels-explore-concentric');
    await finish(explore);
  });

  it('puts a legend on every canvas and shows relationship types on hover and when zoomed in', async () => {
    const cypher = await openPage(app, '#/cypher');
    await typeCypher(
      cypher.page,
      'MATCH (a:Article)-[r:HAS_THEME]->(t:Theme {key: "energy"}) RETURN a, r, t',
    );
    await cypher.page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await canvasCounts(cypher.page)).nodes, { timeout: 20_000 })
      .toBeGreaterThan(2);
    await waitForLayout(cypher.page);
    const { nodes, edges } = await canvasCounts(cypher.page);
    expect(await legendLines(cypher.page)).toEqual([`Article ${nodes - 1}`, 'Theme 1', `HAS_THEME ${edges}`]);
    await screenshot(cypher.page, 'cypher-legend');

    // Zoomed out, edges keep quiet; hovered, an edge says its type at a readable size.
    const zoomOut = cypher.page.getByRole('button', { name: 'Zoom out (−)' });
    while ((await onCanvas<number>(cypher.page, 'return cy.zoom();')) >= 0.9) await zoomOut.click();
    await expect.poll(async () => (await readableLabels(cypher.page, 'edge')).length).toBe(0);
    const edgeIds = await onCanvas<string[]>(cypher.page, `return cy.edges().map((edge) => edge.id());`);
    const point = await clickableEdgePoint(cypher.page, edgeIds);
    await cypher.page.mouse.move(point.x, point.y);
    await expect.poll(() => readableLabels(cypher.page, 'edge')).toContain(point.id);
    expect(
      await onCanvas(
        cypher.page,
        `return cy.getElementById(${JSON.stringify(point.id)}).pstyle('label').strValue;`,
      ),
    ).toBe('HAS_THEME');
    await cypher.page.mouse.move(5, 5);
    await expect.poll(async () => (await readableLabels(cypher.page, 'edge')).length).toBe(0);
    // Zoomed in, every edge in view says it.
    const zoomIn = cypher.page.getByRole('button', { name: 'Zoom in (+)' });
    while ((await onCanvas<number>(cypher.page, 'return cy.zoom();')) <= 1.2) await zoomIn.click();
    await expect.poll(async () => (await readableLabels(cypher.page, 'edge')).length).toBeGreaterThan(0);
    await finish(cypher);

    const paths = await openPage(app, '#/paths?from=Theme%3Aprivacy&to=Theme%3Aenergy');
    await paths.page.locator('.path-list .path-button').first().waitFor({ timeout: 20_000 });
    await waitForLayout(paths.page);
    const pathLegend = (await legendLines(paths.page)).join('\n');
    expect(pathLegend).toMatch(/^Theme \d+$/m);
    expect(pathLegend).toMatch(/^HAS_THEME \d+$/m);
    await finish(paths);

    const issues = await openPage(app, '#/issues?min=1&id=Issue%3Aopaque%2520model%2520audits&tab=graph');
    await expect
      .poll(async () => (await canvasCounts(issues.page, '.graph-pane')).nodes, { timeout: 20_000 })
      .toBe(31);
    expect((await legendLines(issues.page, '.graph-pane')).join('\n')).toMatch(/^CO_OCCURS 30$/m);
    await finish(issues);

    const themes = await openPage(app, '#/themes');
    await expect
      .poll(async () => (await legendLines(themes.page)).length, { timeout: 30_000 })
      .toBeGreaterThan(3);
    expect((await legendLines(themes.page)).join('\n')).toContain('ringed: a bridging theme');
    await finish(themes);
  });

  it('acts on the canvas after a click on a node: Delete removes it, Ctrl+Z brings it back, no field is edited', async () => {
    const watched = await openPage(app, '#/explore');
    const { page } = watched;
    await page.locator('.view-side .search-labels').selectOption('Theme');
    await pickFromSearch(page, SEARCH, 'regulation');
    await page.locator('.details .node-name', { hasText: /^regulation$/i }).waitFor();
    await page.getByRole('button', { name: 'Expand', exact: true }).first().click();
    await expect.poll(async () => (await canvasCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(5);
    const before = await canvasCounts(page);

    // The user sets "Neighbours per expand" to 5, then goes back to the canvas with the mouse.
    await page.locator('.expand-options summary').click();
    const limit = page.locator('#expand-limit');
    await limit.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('5');
    const leaf = await onCanvas<string>(page, `return cy.nodes().filter((n) => n.degree() === 1)[0].id();`);
    const at = await settledPoint(page, leaf);
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(() => page.evaluate('document.activeElement.classList.contains("graph-canvas")'))
      .toBe(true);

    await page.keyboard.press('Delete');
    await expect.poll(() => canvasCounts(page)).toEqual({ nodes: before.nodes - 1, edges: before.edges - 1 });
    await page.keyboard.press('Control+z');
    await expect.poll(() => canvasCounts(page)).toEqual(before);
    expect(await limit.inputValue()).toBe('5');
    expect(page.url()).toContain('xn=5');
    await finish(watched);
  });

  it('clears the previous Cypher result when a query fails, and cancels a running query in Neo4j', async () => {
    const watched = await openPage(app, '#/cypher');
    const { page } = watched;
    await typeCypher(page, 'MATCH (a:Article)-[r:HAS_THEME]->(t:Theme {key: "energy"}) RETURN a, r, t');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await canvasCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(2);

    await typeCypher(page, 'MATCH (a:Article RETURN a');
    await page.keyboard.press('Control+Enter');
    await page.locator('.query-error .error-code', { hasText: 'QUERY_FAILED' }).waitFor();
    await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 0, edges: 0 });
    await page.locator('.graph-pane .canvas-overlay .state-title', { hasText: 'No result' }).waitFor();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    expect(await page.locator('.results-table tbody tr').count()).toBe(0);
    await screenshot(page, 'cypher-error-clears-result');
    await page.getByRole('button', { name: 'Graph', exact: true }).click();

    const marker = 'cancelledFromTheConsole';
    await typeCypher(
      page,
      `UNWIND range(1, 100000000) AS a UNWIND range(1, 1000) AS b RETURN count(*) AS ${marker}`,
    );
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => transactionsRunning(app.driver, marker)).toBe(1);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => transactionsRunning(app.driver, marker)).toBe(0);
    await expect.poll(() => page.locator('.result-info').textContent()).toBe('Cancelled.');
    expect(await page.locator('.query-bar .button-primary').isEnabled()).toBe(true);
    // The refusal of the failed query is an expected answer of the API, shown inline.
    watched.problems.splice(
      0,
      watched.problems.length,
      ...watched.problems.filter((p) => !/\b400\b/.test(p)),
    );
    await finish(watched);
  });

  it('shows on the canvas at once that a picked node or an expansion is on its way', async () => {
    const watched = await openPage(app, '#/explore');
    const { page } = watched;
    const release = await holdRequests(page, '**/api/nodes/**');
    await page.locator('.view-side .search-labels').selectOption('Theme');
    await pickFromSearch(page, SEARCH, 'energy');
    const progress = page.locator('.main-slot .canvas-progress');
    // The node's request is held: the canvas already says what is coming.
    await expect.poll(() => progress.textContent()).toContain('Adding “energy”');
    await screenshot(page, 'progress-adding');
    release();
    await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 1, edges: 0 });
    await progress.waitFor({ state: 'hidden' });

    await page.unroute('**/api/nodes/**');
    const releaseExpand = await holdRequests(page, '**/api/nodes/*/neighbors*');
    await page.locator('.details .node-name', { hasText: /^energy$/i }).waitFor();
    await page.getByRole('button', { name: 'Expand', exact: true }).first().click();
    await expect.poll(() => progress.textContent()).toContain('Expanding “energy”');
    expect(await onCanvas(page, `return cy.getElementById('Theme:energy').hasClass('busy');`)).toBe(true);
    releaseExpand();
    await expect.poll(async () => (await canvasCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(1);
    await progress.waitFor({ state: 'hidden' });
    await finish(watched);
  });

  it('details: relationships expand their neighbours, ids read as names, signals keep every word whole', async () => {
    const watched = await openPage(app, '#/explore');
    const { page } = watched;
    await page.locator('.view-side .search-labels').selectOption('Concern');
    await pickFromSearch(page, SEARCH, 'law enforcement exemptions');
    await page.locator('.details .node-name', { hasText: /^Law enforcement exemptions$/ }).waitFor();
    expect(await page.locator('.details .node-id').textContent()).toBe('Concern:law enforcement exemptions');
    await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 1, edges: 0 });

    await page.locator('.details .degree-button', { hasText: 'Has concern' }).click();
    await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual({ nodes: 2, edges: 1 });
    expect(decodeURIComponent(page.url())).toContain('op=x|Concern:law%20enforcement%20exemptions|Article|');

    await page.locator('.view-side .search-labels').selectOption('Article');
    await pickFromSearch(page, SEARCH, 'EU AI Act Bans');
    const signals = page.locator('.details .detail-section', {
      has: page.locator('h4', { hasText: /^Signals/ }),
    });
    await signals.waitFor();
    await signals.scrollIntoViewIfNeeded();
    const layout = await wordsLaidOut(page, 'Signals');
    expect(layout).toEqual({ broken: [], outside: [] });
    expect(await signals.textContent()).toContain(
      'From voluntary AI ethics codes to enforceable prohibitions.',
    );
    expect(await signals.textContent()).toContain('10-year');
    await screenshot(page, 'details-signals');
    await finish(watched);
  });

  it('ranks the exact and prefix matches of short names first: "artif intel" finds "artificial intelligence"', async () => {
    const watched = await openPage(app, '#/explore');
    const { page } = watched;
    await page.locator(SEARCH).fill('artif intel');
    const first = page.locator('.search-results:not([hidden]) .search-result .result-name').first();
    await first.waitFor();
    await expect.poll(() => first.textContent()).toBe('artificial intelligence');
    await finish(watched);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MEASURES, type Elements } from '../../model/index.js';
import { SEEDS_DIR } from '../support/paths.js';
import {
  canvasCounts,
  clickableEdgePoint,
  finish,
  openPage,
  pickFromSearch,
  renderedPoint,
  screenshot,
  startE2eApp,
  waitForCommunities,
  waitForLayout,
  type E2eApp,
} from './support/app.js';

// The build, the ingest of the seeds and Chromium take a while on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp([SEEDS_DIR]);
});

afterAll(async () => {
  await app?.close();
});

const SEARCH = '.view-side .search-input';

describe('Explorer UI journeys (seeds)', () => {
  it('searches, puts a theme on the canvas, expands it near itself and undoes', async () => {
    const watched = await openPage(app, '#/explore');
    const { page } = watched;
    await page.locator('.view-side .search-labels').selectOption('Theme');
    await pickFromSearch(page, SEARCH, 'regulation');
    await page.locator('.details .node-name', { hasText: /^regulation$/i }).waitFor();
    await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 1, edges: 0 });

    const centre = await renderedPoint(page, 'Theme:regulation');
    await page.mouse.dblclick(centre.x, centre.y);
    await expect.poll(async () => (await canvasCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(5);
    const after = await canvasCounts(page);
    expect(after.edges).toBeGreaterThanOrEqual(after.nodes - 1);
    expect(page.url()).toContain('op=x%7CTheme%3Aregulation');
    await screenshot(page, 'explore-search-and-expand');

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 1, edges: 0 });
    await finish(watched);
  });

  it('opens an article with every fact of its document and a safe source link', async () => {
    const watched = await openPage(app, '#/explore');
    const { page } = watched;
    await page.locator('.view-side .search-labels').selectOption('Article');
    await pickFromSearch(page, SEARCH, 'EU AI Act Bans');
    const article = page.locator('.details .article');
    await article.waitFor();
    await expect.poll(() => page.locator('.details .node-name').textContent()).toContain('EU AI Act Bans');
    for (const heading of ['Summary', 'Keywords', 'Themes', 'Signals', 'Concerns', 'Behaviors', 'Issues']) {
      await article.locator('h4', { hasText: heading }).first().waitFor();
    }
    expect(await article.locator('dd', { hasText: '2025-02-09' }).count()).toBe(1);
    expect(await article.locator('table').count()).toBeGreaterThanOrEqual(4);
    const source = article.getByRole('link', { name: /open source/i });
    expect(await source.getAttribute('target')).toBe('_blank');
    expect(await source.getAttribute('rel')).toContain('noopener');
    expect(await source.getAttribute('href')).toMatch(/^https:\/\/www\.euronews\.com\//);
    await screenshot(page, 'article-details');
    await finish(watched);
  });

  it('draws the themes map and says why two themes are linked', async () => {
    const network = (await (
      await fetch(`${app.url}/api/themes/network?minCount=1&limit=300`)
    ).json()) as Elements;
    const strongestFirst = [...network.edges].sort((a, b) => Number(b.data.count) - Number(a.data.count));
    expect(Number(strongestFirst[0]!.data.count)).toBeGreaterThan(1);
    const watched = await openPage(app, '#/themes?min=1');
    const { page } = watched;
    await expect
      .poll(async () => (await canvasCounts(page)).edges, { timeout: 20_000 })
      .toBe(network.edges.length);
    await waitForLayout(page);
    await waitForCommunities(page);

    const point = await clickableEdgePoint(
      page,
      strongestFirst.map((edge) => edge.data.id),
    );
    await page.mouse.click(point.x, point.y);
    await page.locator('.details .eyebrow', { hasText: 'Why are these linked?' }).waitFor();
    const summary = page.locator('.details .link-summary');
    await summary.waitFor();
    // Edges may cross at the point clicked: whichever link was hit, its evidence is complete.
    const shared = Number(/^(\d+) articles? have both/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(shared).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.details .evidence-list li').count()).toBe(shared);
    await screenshot(page, 'themes-edge-evidence');

    await page.locator('.rank-list .rank-button').first().click();
    await page.locator('.details h4', { hasText: 'Articles with this theme' }).waitFor();
    await expect.poll(() => page.locator('.details .evidence-list li').count()).toBeGreaterThan(0);

    await page.locator('#themes-min').fill('3');
    await page.locator('#themes-min').dispatchEvent('input');
    await expect.poll(() => page.url()).toContain('min=3');
    await finish(watched);
  });

  it('shows co-occurring issue groups with each measure, the ego graph and the strongest pairs', async () => {
    const watched = await openPage(app, '#/issues?min=1');
    const { page } = watched;
    await pickFromSearch(page, SEARCH, 'surveillance');
    await page.locator('.group-card .member-reason').first().waitFor();
    for (const measure of MEASURES) {
      await page.locator(`.segmented input[value="${measure}"]`).check();
      await expect.poll(() => page.url()).toContain(`measure=${measure}`);
      await page.locator('.section-title', { hasText: new RegExp(`by ${measure}`, 'i') }).waitFor();
      expect(await page.locator('.ranked-item').count()).toBeGreaterThan(0);
      await screenshot(page, `issues-${measure}`);
    }
    await page.locator('.ranked-item .ranked-name').first().click();
    await page.locator('.details h4', { hasText: 'Articles with both' }).waitFor();

    await page.getByRole('tab', { name: 'Ego graph' }).click();
    await expect.poll(async () => (await canvasCounts(page, '.graph-pane')).nodes).toBeGreaterThan(1);
    await waitForLayout(page);
    await screenshot(page, 'issues-ego-graph');

    await page.getByRole('tab', { name: 'Strongest pairs' }).click();
    await page.locator('.pairs-table tbody tr').first().waitFor();
    await screenshot(page, 'issues-strongest-pairs');
    await finish(watched);
  });

  it('runs a Cypher query and shows it as a graph and as a table', async () => {
    const watched = await openPage(app, '#/cypher');
    const { page } = watched;
    const editor = page.locator('.editor-host .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('MATCH (a:Article)-[r:HAS_THEME]->(t:Theme {key: "energy"}) RETURN a, r, t');
    const completions = page.locator('.cm-tooltip-autocomplete');
    await page.keyboard.press('Control+Space');
    await completions.waitFor();
    await page.keyboard.press('Control+Enter');
    // Running closes the completion list, which would otherwise cover the results.
    await completions.waitFor({ state: 'hidden', timeout: 5_000 });
    await expect.poll(async () => (await canvasCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(2);
    await waitForLayout(page);
    await expect.poll(() => page.locator('.result-info').textContent()).toMatch(/\d+ rows/);
    await screenshot(page, 'cypher-graph');

    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const rows = page.locator('.results-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    expect(await page.locator('.results-table thead th').allTextContents()).toEqual(['a', 'r', 't']);
    expect(page.url()).toContain('mode=table');
    await screenshot(page, 'cypher-table');
    await finish(watched);
  });

  it('refuses a write query and shows Neo4j’s refusal inline', async () => {
    const before = await app.driver.executeQuery('MATCH (n) RETURN count(n) AS n');
    const watched = await openPage(app, '#/cypher');
    const { page } = watched;
    const editor = page.locator('.editor-host .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type("CREATE (t:Theme {key: 'written by the console'}) RETURN t");
    await page.locator('.query-bar .button-primary').click();
    const error = page.locator('.query-error');
    await error.waitFor();
    expect(await error.locator('.error-code').textContent()).toBe('QUERY_REFUSED');
    expect(await error.locator('.error-message').textContent()).not.toBe('');
    await screenshot(page, 'cypher-refused-write');
    const after = await app.driver.executeQuery('MATCH (n) RETURN count(n) AS n');
    expect(after.records[0]!.get('n')).toEqual(before.records[0]!.get('n'));
    // The refusal is the expected answer of the API, shown inline: not a page error.
    watched.problems.splice(0, watched.problems.length, ...watched.problems.filter((p) => !/403/.test(p)));
    await finish(watched);
  });

  it('reopens the same view from a copied link', async () => {
    const first = await openPage(app, '#/explore');
    await first.page.locator('.view-side .search-labels').selectOption('Theme');
    await pickFromSearch(first.page, SEARCH, 'energy');
    await first.page.locator('.details .node-name', { hasText: /^energy$/i }).waitFor();
    await first.page.getByRole('button', { name: 'Expand', exact: true }).first().click();
    await expect
      .poll(async () => (await canvasCounts(first.page)).nodes, { timeout: 20_000 })
      .toBeGreaterThan(3);
    const link = first.page.url();
    const expected = await canvasCounts(first.page);
    await finish(first);

    const second = await openPage(app, link.slice(link.indexOf('#')), { width: 1920, height: 1080 });
    await expect.poll(() => canvasCounts(second.page), { timeout: 30_000 }).toEqual(expected);
    await second.page.locator('.details .node-name', { hasText: /^energy$/i }).waitFor();
    await waitForLayout(second.page);
    await screenshot(second.page, 'deep-link-reopened-1920');
    await finish(second);

    const themes = await openPage(app, '#/themes?min=2&layout=concentric');
    await themes.page.locator('.toolbar-select').first().waitFor();
    expect(await themes.page.locator('.toolbar-select').first().inputValue()).toBe('concentric');
    expect(await themes.page.locator('#themes-min').inputValue()).toBe('2');
    await finish(themes);
  });

  it('finds the shortest paths between two nodes', async () => {
    const watched = await openPage(app, '#/paths');
    const { page } = watched;
    const [from, to] = [
      '.view-side .search-box:nth-of-type(1) .search-input',
      '.view-side .search-box:nth-of-type(2) .search-input',
    ];
    await page.locator('.view-side .search-box').nth(0).locator('.search-labels').selectOption('Theme');
    await pickFromSearch(page, from, 'privacy');
    await page.locator('.view-side .search-box').nth(1).locator('.search-labels').selectOption('Theme');
    await pickFromSearch(page, to, 'energy');
    await page.locator('.path-list .path-button').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.path-list .path-button').first().textContent()).toMatch(/privacy.*energy/i);
    // Long article names in a path are cut with an ellipsis inside the sidebar, not by its edge.
    const sidebar = await page.locator('.sidebar').boundingBox();
    const pathButton = await page.locator('.path-list .path-button').first().boundingBox();
    expect(pathButton!.x + pathButton!.width).toBeLessThanOrEqual(sidebar!.x + sidebar!.width);
    await expect.poll(() => page.url()).toContain('from=Theme%3Aprivacy');
    await waitForLayout(page);
    await screenshot(page, 'paths-found');
    await finish(watched);
  });
});

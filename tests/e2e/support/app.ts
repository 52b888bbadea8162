import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { CLIENT_DIR, ensureClientBuilt, launchChromium } from '../../../bench/ui-browser.js';
import { PROJECT_ROOT } from '../../../db/index.js';
import { ingestPaths } from '../../../ingest/index.js';
import { createApp, createLogger, type AppOptions } from '../../../server/index.js';
import { LazyEmbedder } from '../../../server/graph/lazy-embedder.js';
import { clearDatabase, testDriver } from '../../support/neo4j.js';

/**
 * One running product for a journey suite: the client built (vite build), the documents ingested
 * into the test Neo4j (with issue groups), the real server (createApp) on a free port, and a
 * headless Chromium.
 */
export interface E2eApp {
  url: string;
  driver: Driver;
  browser: Browser;
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'e2e');

export async function startE2eApp(
  documents: string[],
  options: Pick<AppOptions, 'limits'> = {},
): Promise<E2eApp> {
  await ensureClientBuilt();
  const driver = await testDriver();
  await clearDatabase(driver);
  // The ingest recomputes the issue groups after writing.
  const report = await ingestPaths(driver, documents);
  if (report.totals.failed > 0) throw new Error(`ingest failed for ${report.totals.failed} file(s)`);
  const embedder = new LazyEmbedder();
  const app = createApp({
    driver,
    clientDir: CLIENT_DIR,
    logger: createLogger('silent'),
    embedder,
    ...options,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}`,
    driver,
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await driver.close();
      await embedder.close();
    },
  };
}

/** Everything the page reports that a user must never meet: errors, dialogs, CSP violations. */
export interface Watched {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

const WATCH_CSP = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(
      event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber + ' ' + event.sample,
    );
  });
`;

export async function openPage(
  app: E2eApp,
  hash: string,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<Watched> {
  const context = await app.browser.newContext({ viewport });
  await context.addInitScript(WATCH_CSP);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${app.url}/${hash}`);
  return { page, context, problems };
}

/** Asserts nothing went wrong on the page (including CSP violations), then closes it. */
export async function finish(watched: Watched): Promise<void> {
  const violations = (await watched.page.evaluate('window.__violations')) as string[];
  await watched.context.close();
  expect([...watched.problems, ...violations.map((v) => `csp: ${v}`)]).toEqual([]);
}

/** README screenshots: written by the journeys that show them. */
export const README_SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'docs', 'screenshots');

export async function screenshot(
  page: Page,
  name: string,
  options: { readme?: boolean } = {},
): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (options.readme) fs.copyFileSync(file, path.join(README_SCREENSHOT_DIR, `${name}.png`));
  return file;
}

/** Replaces the Cypher editor's text with `query` (pasted, so no completion pops up). */
export async function typeCypher(page: Page, query: string): Promise<void> {
  const editor = page.locator('.editor-host .cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(query);
}

/** The canvas's status line, e.g. "12 nodes · 11 edges". */
export async function canvasCounts(
  page: Page,
  scope = '.main-slot',
): Promise<{ nodes: number; edges: number }> {
  const text = (await page.locator(`${scope} .canvas-status`).first().textContent()) ?? '';
  const match = /([\d,]+) nodes? · ([\d,]+) edges?/.exec(text);
  return {
    nodes: Number((match?.[1] ?? '0').replace(/,/g, '')),
    edges: Number((match?.[2] ?? '0').replace(/,/g, '')),
  };
}

/**
 * Page code (evaluated over the DevTools protocol) binding `container`, the canvas element on
 * screen, and `cy`, the Cytoscape instance it holds (undefined when there is none).
 */
const VISIBLE_CANVAS = `const container = [...document.querySelectorAll('.graph-canvas')].find((el) => el.offsetParent !== null);
    const cy = container && container._cyreg && container._cyreg.cy;`;

/**
 * Evaluates `body` (page code that may use `container` and `cy`, as above, and must `return`)
 * on the visible canvas.
 */
export async function onCanvas<T>(page: Page, body: string): Promise<T> {
  return (await page.evaluate(`(() => {
    ${VISIBLE_CANVAS}
    ${body}
  })()`)) as T;
}

/**
 * The nodes drawn (in part) under the canvas's toolbar or its open legend; `withLabels`: counting
 * the labels drawn under them.
 */
export async function nodesUnderOverlays(page: Page, withLabels = false): Promise<string[]> {
  return onCanvas<string[]>(
    page,
    `const canvas = cy.container().getBoundingClientRect();
    const frame = cy.container().closest('.canvas-frame');
    const overlays = [...frame.querySelectorAll('.canvas-toolbar, .canvas-legend')]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0)
      .map((box) => ({ x1: box.left - canvas.left, x2: box.right - canvas.left, y1: box.top - canvas.top, y2: box.bottom - canvas.top }));
    return cy.nodes(':visible').filter((node) => {
      const box = node.renderedBoundingBox({ includeLabels: ${withLabels} });
      return overlays.some((o) => box.x2 > o.x1 && box.x1 < o.x2 && box.y2 > o.y1 && box.y1 < o.y2);
    }).map((node) => node.id());`,
  );
}

/**
 * Where an element is drawn on screen, read from the Cytoscape instance the canvas element
 * holds; the test then clicks there with the real mouse, as a user would.
 */
export async function renderedPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(`(() => {
    ${VISIBLE_CANVAS}
    if (!cy) return null;
    const element = cy.getElementById(${JSON.stringify(id)});
    if (element.empty()) return null;
    const box = container.getBoundingClientRect();
    const p = element.isNode() ? element.renderedPosition() : element.renderedMidpoint();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`)) as { x: number; y: number } | null;
  if (!point) throw new Error(`${id} is not drawn on the visible canvas`);
  return point;
}

/**
 * Where to click the first of `edgeIds` whose midpoint no node (with its label) covers and the
 * canvas shows: clicking a covered midpoint would select the node instead.
 */
export async function clickableEdgePoint(
  page: Page,
  edgeIds: string[],
): Promise<{ id: string; x: number; y: number }> {
  const point = (await page.evaluate(`(() => {
    ${VISIBLE_CANVAS}
    if (!cy) return null;
    const box = container.getBoundingClientRect();
    const covers = (b, p) => p.x >= b.x1 - 4 && p.x <= b.x2 + 4 && p.y >= b.y1 - 4 && p.y <= b.y2 + 4;
    const boxes = cy.nodes(':visible').map((node) => node.renderedBoundingBox({ includeLabels: true }));
    for (const id of ${JSON.stringify(edgeIds)}) {
      const edge = cy.getElementById(id);
      if (edge.empty() || !edge.visible()) continue;
      const p = edge.renderedMidpoint();
      if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) continue;
      if (boxes.some((b) => covers(b, p))) continue;
      return { id, x: box.left + p.x, y: box.top + p.y };
    }
    return null;
  })()`)) as { id: string; x: number; y: number } | null;
  if (!point) throw new Error('every edge asked for is hidden under a node or off the canvas');
  return point;
}

/** Types into a search box and picks the first result with Enter. */
export async function pickFromSearch(page: Page, input: string, text: string): Promise<void> {
  await page.locator(input).fill(text);
  await page.locator('.search-results:not([hidden]) .search-result').first().waitFor();
  await page.locator(input).press('Enter');
}

/**
 * Holds the page's requests matching `pattern` (the real server answers them once released):
 * to see what the page shows while an answer is on its way. Returns the release.
 */
export async function holdRequests(page: Page, pattern: string): Promise<() => void> {
  let release = (): void => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Waits until the themes map's communities came (the legend lists them; the map is drawn before
 * them) and the view stopped moving: a fit the user has not moved from makes room for the legend
 * they grow, from the frame after it grew.
 */
export async function waitForCommunities(page: Page): Promise<void> {
  await page.locator('.main-slot .canvas-legend .legend-title', { hasText: 'Communities' }).waitFor();
  await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`);
  await expect.poll(() => onCanvas<boolean>(page, 'return cy.animated();')).toBe(false);
}

/** Waits until at least one layout was applied and none is running on a visible canvas. */
export async function waitForLayout(page: Page): Promise<void> {
  // Polled from here with a string evaluated over the DevTools protocol: waitForFunction would
  // evaluate it inside the page, where the CSP forbids evaluating strings.
  await expect
    .poll(
      () =>
        page.evaluate(`performance.getEntriesByName('graph:layout-applied').length > 0 &&
          ![...document.querySelectorAll('.canvas-frame.is-laying-out')].some((el) => el.offsetParent !== null)`),
      { timeout: 60_000, interval: 100 },
    )
    .toBe(true);
}

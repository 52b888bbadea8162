import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureClientBuilt, launchChromium } from '../../bench/ui-browser.js';
import { discoverFiles } from '../../ingest/files.js';
import { ingestPaths } from '../../ingest/index.js';
import { clearDatabase, testDriver } from '../support/neo4j.js';
import { CORPUS_DIR, PARSE_FIXTURES_DIR, SEEDS_DIR, withoutCorpus } from '../support/paths.js';
import { startProduct, type StartedProduct } from '../support/start-process.js';
import { finish, openPage, screenshot, type E2eApp } from './support/app.js';

/**
 * `npm start -- FOLDER --watch` as a user runs it (a real process on the test Neo4j, which holds
 * the example seeds beforehand), driven in Chromium: the UI shows that folder's documents only, and
 * a file added, edited and deleted shows up within 5 s, as the issue asks (the page polls every 2 s).
 * On our fixture documents always; on a copy of the real corpus when it is beside the project.
 */

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const SHOWS_UP_MS = 5_000;
const SEARCH = '.view-side .search-input';

const materials = [
  { name: 'our fixture documents', source: PARSE_FIXTURES_DIR, skip: false },
  {
    name: 'a copy of the real corpus',
    source: CORPUS_DIR,
    skip: withoutCorpus('npm start --watch on a copy of the real corpus'),
  },
];

let driver: Driver;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  driver = await testDriver();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await driver?.close();
});

/** The titles the Explore search finds for `text` among articles (none: the "nothing matches" line). */
async function searchArticles(page: Page, text: string): Promise<string[]> {
  await page.locator('.view-side .search-labels').selectOption('Article');
  await page.locator(SEARCH).fill(text);
  const results = page.locator('.view-side .search-results:not([hidden]) .search-result .result-name');
  const nothing = page.locator('.view-side .search-message', { hasText: 'Nothing matches' });
  await results.first().or(nothing).waitFor();
  return results.allTextContents();
}

const banner = (page: Page) => page.locator('.graph-updated:not([hidden])');

describe.each(materials)('npm start -- FOLDER --watch on $name', ({ source, skip }) => {
  let dir: string;
  let product: StartedProduct | null = null;
  let documents: number;

  beforeAll(async () => {
    if (skip) return;
    await clearDatabase(driver);
    await ingestPaths(driver, [SEEDS_DIR]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-watched-'));
    for (const file of await discoverFiles([source], '/'))
      fs.copyFileSync(file.absolutePath, path.join(dir, file.file));
    documents = (await discoverFiles([dir], '/')).length;
    product = await startProduct([dir, '--watch']);
  });

  afterAll(async () => {
    if (product) expect(await product.stop()).toBe(0);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('shows only the folder’s documents, then each added, edited and deleted file', async () => {
    const app = { url: product!.url, driver, browser } as E2eApp;
    const watched = await openPage(app, '#/explore');
    const { page } = watched;
    const holds = page.locator('.graph-holds');
    const folderName = path.basename(dir);
    await expect.poll(() => holds.textContent()).toBe(`${documents} articles · ${folderName}`);
    expect(product!.output()).toContain('Replacing the 30 example seeds');
    expect(await searchArticles(page, 'EU AI Act Bans')).toEqual([]);

    // Added.
    const file = path.join(dir, 'glacier-archives.md');
    const added = fs
      .readFileSync(path.join(PARSE_FIXTURES_DIR, 'no-relevancy.md'), 'utf8')
      .replace('Libraries Lend Tools, Not Just Books', 'Glacier Archives Go Digital');
    fs.writeFileSync(file, added);
    await expect
      .poll(() => banner(page).textContent(), { timeout: SHOWS_UP_MS, interval: 100 })
      .toContain(`The graph changed: ${documents + 1} articles (+1).`);
    await expect.poll(() => holds.textContent()).toBe(`${documents + 1} articles · ${folderName}`);
    if (source === PARSE_FIXTURES_DIR) await screenshot(page, 'graph-updated');
    await banner(page).getByRole('button', { name: 'Refresh view' }).click();
    await expect.poll(() => banner(page).count()).toBe(0);
    expect(await searchArticles(page, 'Glacier Archives')).toEqual(['Glacier Archives Go Digital']);
    // The batch's groups are recomputed after its articles are written, and their commits move the
    // graph's version too: the next change waits for the whole batch, so its banner is its own.
    await product!.waitFor(/watch: 1 created/);

    // Edited.
    let from = product!.output().length;
    fs.writeFileSync(file, added.replace('Glacier Archives Go Digital', 'Glacier Archives Go Online'));
    await expect
      .poll(() => banner(page).textContent(), { timeout: SHOWS_UP_MS, interval: 100 })
      .toContain(`The graph changed: ${documents + 1} articles, some of them updated.`);
    await product!.waitFor(/watch: 1 updated/, { from });
    await banner(page).getByRole('button', { name: 'Refresh view' }).click();
    await expect.poll(() => banner(page).count()).toBe(0);
    expect(await searchArticles(page, 'Glacier Archives')).toEqual(['Glacier Archives Go Online']);

    // Deleted.
    from = product!.output().length;
    fs.rmSync(file);
    await expect
      .poll(() => banner(page).textContent(), { timeout: SHOWS_UP_MS, interval: 100 })
      .toContain(`The graph changed: ${documents} articles (−1).`);
    await product!.waitFor(/watch: 1 removed/, { from });
    await banner(page).getByRole('button', { name: 'Refresh view' }).click();
    await expect.poll(() => holds.textContent()).toBe(`${documents} articles · ${folderName}`);
    expect(await searchArticles(page, 'Glacier Archives')).toEqual([]);
    await finish(watched);

    expect(product!.output()).not.toMatch(/^error:/m);
  });
});

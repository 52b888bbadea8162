import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  finish,
  openPage,
  pickFromSearch,
  screenshot,
  startE2eApp,
  waitForLayout,
  type E2eApp,
} from './support/app.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

/**
 * Regression guard: text from documents is rendered as text, never as HTML. A document whose
 * title, lists, summary and cells hold <script>, <img onerror> and markdown/javascript: links
 * is ingested and opened in every view that shows document text; nothing may be injected, run,
 * or reported (no dialog, no console error, no CSP violation).
 */
const HOSTILE = `# __<script>window.__pwned = 'title'</script> <img src=x onerror="window.__pwned='img'"> [Click me](javascript:window.__pwned='link') Hostile Title__, (from page [20250101](https://example.org/p/20250101).)

__[External link](javascript:window.__pwned='source')__

## Keywords

* <img src=x onerror="window.__pwned='keyword'">
* [a linked keyword](https://evil.example/)
* hostile keyword

## Themes

* <script>window.__pwned='theme'</script>
* hostile theme

## Other

* Category: <b onmouseover="window.__pwned='category'">politics</b>
* Type: news

## Summary

A summary with <script>window.__pwned='summary'</script>, an <img src=x onerror="window.__pwned='summary img'"> and [a link](javascript:window.__pwned='summary link').

## Signals

| name | description | change | 10-year | driving-force | relevancy |
|:--|:--|:--|:--|:--|--:|
| <img src=x onerror="window.__pwned='signal'"> Hostile signal | <script>window.__pwned='cell'</script> | [changed](javascript:window.__pwned='cell link') | <iframe src="javascript:window.__pwned='frame'"></iframe> | <svg onload="window.__pwned='svg'"></svg> | 4 |

## Issues

| name | description | relevancy |
|:--|:--|--:|
| <script>window.__pwned='issue'</script> Hostile issue | <img src=x onerror="window.__pwned='issue img'"> described | 3 |
`;

let app: E2eApp;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-e2e-hostile-'));
  fs.writeFileSync(path.join(dir, 'hostile-document.md'), HOSTILE);
  app = await startE2eApp([dir]);
});

afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Elements a document's text could have become if it were parsed as HTML anywhere in the app. */
const INJECTED = `(() => {
  const app = document.getElementById('app');
  return {
    scripts: app.querySelectorAll('script').length,
    images: app.querySelectorAll('img').length,
    frames: document.querySelectorAll('iframe').length,
    bold: app.querySelectorAll('b').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^(https?:|#|blob:|\\/)/.test(a.getAttribute('href'))).length,
    svgFromText: [...app.querySelectorAll('svg')].filter((el) => !el.matches('.label-icon, .count-bars')).length,
    pwned: window.__pwned ?? null,
  };
})()`;

const CLEAN = {
  scripts: 0,
  images: 0,
  frames: 0,
  bold: 0,
  handlers: 0,
  scriptLinks: 0,
  svgFromText: 0,
  pwned: null,
};

describe('text from documents is text, never HTML', () => {
  it('shows the hostile article, its lists and cells as plain text', async () => {
    const id = 'Article:hostile-document';
    const watched = await openPage(
      app,
      `#/explore?op=a%7C${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`,
    );
    const { page } = watched;
    const article = page.locator('.details .article');
    await article.waitFor({ timeout: 30_000 });
    const title = (await page.locator('.details .node-name').textContent()) ?? '';
    // Whatever the parser kept of the markup is shown as the characters it is.
    expect(title).toMatch(/<\/?script>/);
    expect(title).toContain('<img src=x onerror=');
    expect(title).toContain('Hostile Title');
    expect(await article.textContent()).toContain('Hostile signal');
    // The source is a javascript: URL: it must not become a link.
    expect(await article.getByRole('link', { name: /open source/i }).count()).toBe(0);
    await page.mouse.move(640, 400);
    expect(await page.evaluate(INJECTED)).toEqual(CLEAN);
    await screenshot(page, 'untrusted-text-article');

    const centre = await page.locator('.graph-canvas').boundingBox();
    await page.mouse.dblclick(centre!.x + centre!.width / 2, centre!.y + centre!.height / 2);
    await page.locator('.toast.visible').waitFor();
    expect(await page.evaluate(INJECTED)).toEqual(CLEAN);
    await screenshot(page, 'untrusted-text-expanded');
    await finish(watched);
  });

  it('shows hostile names as text in search results, the themes list, issues and Cypher tables', async () => {
    const watched = await openPage(app, '#/explore');
    const { page } = watched;
    await page.locator('.view-side .search-input').fill('hostile');
    await page.locator('.search-results:not([hidden]) .search-result').first().waitFor();
    const names = await page.locator('.search-result .result-name').allTextContents();
    expect(names.some((name) => name.includes('<script>') || name.includes('<img'))).toBe(true);
    expect(await page.evaluate(INJECTED)).toEqual(CLEAN);
    await page.locator('.view-side .search-input').press('Escape');

    await page.goto(`${app.url}/#/themes?min=1`);
    await page.locator('.rank-list .rank-button').first().waitFor();
    expect((await page.locator('.rank-list').textContent()) ?? '').toContain('<script>');
    await waitForLayout(page);
    expect(await page.evaluate(INJECTED)).toEqual(CLEAN);

    await page.goto(`${app.url}/#/issues?min=1`);
    await pickFromSearch(page, '.view-side .search-input', 'hostile issue');
    await page.locator('.group-card').waitFor();
    expect((await page.locator('.group-card').textContent()) ?? '').toContain('<script>');
    expect(await page.evaluate(INJECTED)).toEqual(CLEAN);

    const query = encodeURIComponent(
      'MATCH (a:Article)-[r:HAS_SIGNAL]->(s) RETURN a.title, a.summary, r.description, s',
    );
    await page.goto(`${app.url}/#/cypher?q=${query}&mode=table`);
    await page.locator('.results-table tbody tr').first().waitFor({ timeout: 30_000 });
    expect((await page.locator('.results-table').textContent()) ?? '').toContain('<img src=x');
    expect(await page.evaluate(INJECTED)).toEqual(CLEAN);
    await screenshot(page, 'untrusted-text-cypher-table');
    await finish(watched);
  });
});

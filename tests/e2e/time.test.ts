import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CORPUS_DIR, CORPUS_PRESENT, missingMaterialLine } from '../../bench/shared-material.js';
import { PROJECT_ROOT } from '../../db/index.js';
import {
  nodeId,
  type CooccurringResponse,
  type Elements,
  type EmergingResponse,
  type NodeLabel,
  type PairsResponse,
  type TimelineResponse,
} from '../../model/index.js';
import { SEEDS_DIR } from '../support/paths.js';
import {
  canvasCounts,
  finish,
  openPage,
  pickFromSearch,
  screenshot,
  startE2eApp,
  waitForCommunities,
  waitForLayout,
  type E2eApp,
} from './support/app.js';

/**
 * The time window and the Emerging view in Chromium. On the seeds and eight dated digests of our
 * own (tests/fixtures/time: heat pumps, from February to May 2027, after every seed) on any clone;
 * on the 100 real digests plus the seeds when ../shared is there, where the journeys write the
 * README's screenshots of the window changing the themes map and the co-occurring issues.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const TIME_FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'time');
const README_SHOTS = path.join(PROJECT_ROOT, 'docs', 'screenshots');
const SEARCH = '.view-side .search-input';

async function getJson<T>(app: E2eApp, pathAndQuery: string): Promise<T> {
  const response = await fetch(`${app.url}${pathAndQuery}`);
  expect(response.status, pathAndQuery).toBe(200);
  return (await response.json()) as T;
}

/**
 * The unit the themes map and Emerging count the fixtures' "heat pumps" theme as: its concept
 * (ThemeGroup) where the graph has one, else the theme itself.
 */
async function heatPumps(app: E2eApp): Promise<{ id: string; name: string }> {
  const response = await fetch(`${app.url}/api/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `MATCH (t:Theme {key: 'heat pumps'}) OPTIONAL MATCH (t)-[:IN_GROUP]->(g:ThemeGroup)
              WITH coalesce(g, t) AS u RETURN head(labels(u)), u.key, coalesce(u.name, u.key)`,
    }),
  });
  const [label, key, name] = ((await response.json()) as { rows: string[][] }).rows[0]!;
  return { id: nodeId(label as NodeLabel, key!), name: name! };
}

const nodeIds = (elements: Elements) => elements.nodes.map((node) => node.data.id).sort();

/** The node ids on the visible canvas. */
async function canvasNodeIds(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const container = [...document.querySelectorAll('.graph-canvas')].find((el) => el.offsetParent !== null);
    const cy = container && container._cyreg && container._cyreg.cy;
    return cy ? cy.nodes().map((node) => node.id()).sort() : [];
  })()`)) as string[];
}

/** Moves a handle of the window control with the keyboard, as a user would. */
async function moveHandle(page: Page, handle: 'start' | 'end', steps: number): Promise<void> {
  const input = page.locator(`.time-window .tw-${handle}`);
  await input.focus();
  for (let i = 0; i < Math.abs(steps); i++) await input.press(steps < 0 ? 'ArrowLeft' : 'ArrowRight');
}

describe('the time window and Emerging (seeds and dated fixtures)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp([SEEDS_DIR, TIME_FIXTURES]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('filters the themes map as the handles move, and keeps the window in the URL', async () => {
    const timeline = await getJson<TimelineResponse>(app, '/api/timeline');
    const whole = await getJson<Elements>(app, '/api/themes/network?minCount=1&limit=300');
    const { id: heatPumpsId } = await heatPumps(app);
    expect(nodeIds(whole)).toContain(heatPumpsId);
    // The end handle moves back to December 2025: before every fixture digest.
    const december = timeline.periods.indexOf('2025-12-01');
    expect(december).toBeGreaterThan(0);
    const windowed = await getJson<Elements>(app, '/api/themes/network?to=2025-12-31&minCount=1&limit=300');
    expect(nodeIds(windowed)).not.toContain(heatPumpsId);

    const watched = await openPage(app, '#/themes?min=1');
    const { page } = watched;
    await expect.poll(() => canvasNodeIds(page), { timeout: 30_000 }).toEqual(nodeIds(whole));
    await page.locator('.time-window .tw-value', { hasText: /^All dates/ }).waitFor();

    await moveHandle(page, 'end', december - (timeline.periods.length - 1));
    await expect.poll(() => page.url()).toContain('window=..2025-12-31');
    await expect.poll(() => canvasNodeIds(page), { timeout: 30_000 }).toEqual(nodeIds(windowed));
    expect((await canvasCounts(page)).edges).toBe(windowed.edges.length);
    expect(await page.locator('.time-window .tw-value').textContent()).toMatch(
      /^until 2025-12-31 · \d+ articles/,
    );
    await waitForLayout(page);
    await waitForCommunities(page);
    await screenshot(page, 'time-window-themes');

    await page.locator('.time-window .tw-clear').click();
    await expect.poll(() => page.url()).not.toContain('window=');
    await expect.poll(() => canvasNodeIds(page), { timeout: 30_000 }).toEqual(nodeIds(whole));
    await finish(watched);
  });

  it('keeps the window when switching views; co-occurring issues and Explore expansions count in it', async () => {
    const window = '2027-01-01..';
    const watched = await openPage(app, `#/issues?min=1&window=${window}`);
    const { page } = watched;
    await pickFromSearch(page, SEARCH, 'installer');
    await page.locator('.group-card').waitFor();
    const picked = new URL(page.url().replace('#/', '')).searchParams.get('id')!;
    const answer = await getJson<CooccurringResponse>(
      app,
      `/api/issues/${encodeURIComponent(picked)}/cooccurring?from=2027-01-01&minCount=1&limit=30`,
    );
    expect(answer.window).toEqual({ from: '2027-01-01', to: null });
    await expect.poll(() => page.locator('.ranked-item').count()).toBe(answer.results.length);

    await page.locator('.view-tab[data-view="explore"]').click();
    await expect.poll(() => page.url()).toContain(`#/explore?window=2027-01-01..`);
    await page.locator('.view-side .search-labels').selectOption('Theme');
    await pickFromSearch(page, SEARCH, 'energy');
    await page.locator('.details .node-name', { hasText: /^energy$/ }).waitFor();
    await page.getByRole('button', { name: 'Expand', exact: true }).first().click();
    const articlesOf = async (query: string) =>
      (
        await getJson<Elements>(
          app,
          `/api/nodes/${encodeURIComponent('Theme:energy')}/neighbors?labels=Article&limit=25${query}`,
        )
      ).nodes
        .map((node) => node.data.id)
        .filter((id) => id.startsWith('Article:'))
        .sort();
    const inWindow = await articlesOf('&from=2027-01-01');
    expect((await articlesOf('')).length).toBeGreaterThan(inWindow.length);
    await expect
      .poll(async () => (await canvasNodeIds(page)).filter((id) => id.startsWith('Article:')), {
        timeout: 20_000,
      })
      .toEqual(inWindow);
    // The expansion remembers its window, so a copied link rebuilds the same canvas.
    expect(decodeURIComponent(page.url())).toContain('x|Theme:energy||25|2027-01-01..');
    await finish(watched);
  });

  it('lists emerging themes with their evidence, trend and signals over time', async () => {
    const emerging = await getJson<EmergingResponse>(app, '/api/emerging');
    const unit = await heatPumps(app);
    expect(emerging.items[0]).toMatchObject({ id: unit.id, isNew: true, baseline: 0 });

    const watched = await openPage(app, '#/emerging', { width: 1440, height: 900 });
    const { page } = watched;
    const first = page.locator('.emerging-item').first();
    await first.locator('.ranked-name', { hasText: unit.name }).waitFor();
    expect(await page.locator('.emerging-item').count()).toBe(emerging.items.length);
    expect(await first.locator('.badge-new').count()).toBe(1);
    expect(await first.locator('svg.sparkline-emerging .bars-shade').count()).toBe(1);
    await first.locator('.evidence summary').click();
    await expect
      .poll(() => first.locator('.evidence-list li').allTextContents())
      .toEqual(emerging.items[0]!.evidence.map((a) => `${a.date} · ${a.title}`));
    await expect
      .poll(() => page.locator('.emerging-summary').textContent())
      .toContain(`from ${emerging.since}`);

    await first.locator('.ranked-name').click();
    await page.locator('.details h4', { hasText: /^Over time$/ }).waitFor();
    await page.locator('.details svg.sparkline-wide').waitFor();
    await expect
      .poll(() => page.locator('.details .trend-summary').textContent())
      .toMatch(/first seen 2027-02-07/);
    await expect.poll(() => page.locator('.details .signal-entry').count()).toBe(6);
    await page.locator('.details select.select-small').selectOption('4');
    await expect.poll(() => page.locator('.details .signal-entry').count()).toBe(3);
    for (const badge of await page.locator('.details .signal-entry .relevancy').allTextContents())
      expect(Number(badge)).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'emerging-fixtures');

    await page.locator('.segment', { hasText: 'Issues' }).click();
    await expect.poll(() => page.url()).toContain('kind=issue');
    await page.locator('.emerging-title', { hasText: 'Emerging issues' }).waitFor();
    await page.locator('#emerging-since').fill('2027-04-01');
    await page.locator('#emerging-since').dispatchEvent('change');
    await expect.poll(() => page.url()).toContain('since=2027-04-01');
    await expect.poll(() => page.locator('.emerging-summary').textContent()).toContain('from 2027-04-01');

    // A window moves the baseline with it: from 2025 on, the recent part starts later.
    await moveHandle(
      page,
      'start',
      (await getJson<TimelineResponse>(app, '/api/timeline')).periods.indexOf('2025-01-01'),
    );
    await expect.poll(() => page.url()).toContain('window=2025-01-01..');
    await finish(watched);
  });
});

describe.skipIf(!CORPUS_PRESENT)(
  'the time window on the real digests plus the seeds (README screenshots)',
  () => {
    const WINDOW = { from: '2025-01-01', to: '2025-12-31' };
    const windowParam = `window=${WINDOW.from}..${WINDOW.to}`;
    const windowQuery = `from=${WINDOW.from}&to=${WINDOW.to}`;
    let app: E2eApp;
    beforeAll(async () => {
      app = await startE2eApp([SEEDS_DIR, CORPUS_DIR]);
      fs.mkdirSync(README_SHOTS, { recursive: true });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('draws another themes map for 2025 than for all dates', async () => {
      const whole = await getJson<Elements>(app, '/api/themes/network?minCount=2&limit=300');
      const windowed = await getJson<Elements>(
        app,
        `/api/themes/network?${windowQuery}&minCount=2&limit=300`,
      );
      expect(nodeIds(windowed)).not.toEqual(nodeIds(whole));
      expect(windowed.nodes.length).toBeGreaterThan(2);
      for (const [hash, expected, name] of [
        ['#/themes?min=2', whole, 'themes-all-dates'],
        [`#/themes?min=2&${windowParam}`, windowed, 'themes-window'],
      ] as const) {
        const watched = await openPage(app, hash, { width: 1440, height: 900 });
        const { page } = watched;
        await expect.poll(() => canvasNodeIds(page), { timeout: 30_000 }).toEqual(nodeIds(expected));
        await waitForLayout(page);
        await waitForCommunities(page);
        await page.locator('.rank-list .spark-slot svg').first().waitFor();
        await page.screenshot({ path: path.join(README_SHOTS, `${name}.png`) });
        await finish(watched);
      }
    });

    it('ranks other co-occurring issues in 2025 than over all dates', async () => {
      const pairs = await getJson<PairsResponse>(
        app,
        `/api/issues/pairs?${windowQuery}&minCount=1&limit=500`,
      );
      // An issue group with co-occurrences in 2025 whose ranking over all dates differs.
      let picked: { id: string; whole: CooccurringResponse; windowed: CooccurringResponse } | null = null;
      for (const unit of pairs.pairs.flatMap((pair) => [pair.a, pair.b])) {
        const base = `/api/issues/${encodeURIComponent(unit.id)}/cooccurring?minCount=1&limit=30`;
        const whole = await getJson<CooccurringResponse>(app, base);
        const windowed = await getJson<CooccurringResponse>(app, `${base}&${windowQuery}`);
        const ids = (answer: CooccurringResponse) => answer.results.map((r) => r.group.id);
        if (windowed.results.length >= 3 && ids(whole).join() !== ids(windowed).join()) {
          picked = { id: unit.id, whole, windowed };
          break;
        }
      }
      expect(picked).not.toBeNull();
      for (const [params, expected, name] of [
        ['', picked!.whole, 'issues-all-dates'],
        [`&${windowParam}`, picked!.windowed, 'issues-window'],
      ] as const) {
        const watched = await openPage(app, `#/issues?min=1&id=${encodeURIComponent(picked!.id)}${params}`, {
          width: 1440,
          height: 900,
        });
        const { page } = watched;
        await expect
          .poll(() => page.locator('.ranked-item .ranked-name').allTextContents(), { timeout: 30_000 })
          .toEqual(expected.results.map((r) => r.group.name));
        await page.locator('.ranked-item .spark-slot svg').first().waitFor();
        await page.screenshot({ path: path.join(README_SHOTS, `${name}.png`) });
        await finish(watched);
      }
    });

    it('lists emerging keywords with their evidence, and a trend in the details', async () => {
      const emerging = await getJson<EmergingResponse>(app, '/api/emerging?kind=keyword');
      expect(emerging.items.length).toBeGreaterThan(0);
      const watched = await openPage(app, '#/emerging?kind=keyword', { width: 1440, height: 900 });
      const { page } = watched;
      await expect
        .poll(() => page.locator('.emerging-item .ranked-name').allTextContents(), { timeout: 30_000 })
        .toEqual(emerging.items.map((item) => item.name));
      const first = page.locator('.emerging-item').first();
      await first.locator('.evidence summary').click();
      await expect
        .poll(() => first.locator('.evidence-list li').count())
        .toBe(emerging.items[0]!.evidence.length);
      await first.locator('.ranked-name').click();
      await page.locator('.details svg.sparkline-wide').waitFor();
      await page.locator('.details .signal-entry, .details .time-section .muted').first().waitFor();
      await page.screenshot({ path: path.join(README_SHOTS, 'emerging.png') });
      await finish(watched);
    });
  },
);

if (!CORPUS_PRESENT)
  console.warn(missingMaterialLine('the time-window journeys on the real digests', CORPUS_DIR));

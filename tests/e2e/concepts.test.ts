import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CORPUS_DIR, CORPUS_PRESENT, missingMaterialLine } from '../../bench/shared-material.js';
import { PROJECT_ROOT } from '../../db/index.js';
import {
  ThemeCommunitiesSchema,
  VIEW_DEFAULTS,
  type Concept,
  type Elements,
  type PairsResponse,
} from '../../model/index.js';
import { SEEDS_DIR } from '../support/paths.js';
import {
  canvasCounts,
  finish,
  nodesUnderOverlays,
  onCanvas,
  openPage,
  startE2eApp,
  typeCypher,
  waitForCommunities,
  waitForLayout,
  type E2eApp,
} from './support/app.js';

/**
 * Concept groups in the UI. On the seeds (always): semantic search in the issue picker, and a theme
 * concept's "why grouped". On the 100 real digests (../shared, skipped visibly without it): the
 * themes map and co-occurring issues over concepts, the themes map read as communities, and a
 * Cypher result with its legend, which write the README's screenshots.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const SEARCH = '.view-side .search-input';
const README_SHOTS = path.join(PROJECT_ROOT, 'docs', 'screenshots');

describe('concept groups in the UI (seeds)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp([SEEDS_DIR]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds issues by meaning, not only by their words', async () => {
    const watched = await openPage(app, '#/issues?min=1');
    const { page } = watched;
    await page.locator('.view-side .meaning-toggle').check();
    // No seed issue contains these words; by meaning the picker still offers issues.
    await page.locator(SEARCH).fill('people losing their jobs to machines');
    const first = page.locator('.search-results:not([hidden]) .search-result').first();
    await first.waitFor();
    expect(await first.locator('.result-label').textContent()).toMatch(/^Issue · 0\.\d\d$/);
    await page.locator(SEARCH).press('Enter');
    await page.locator('.group-card .member-reason').first().waitFor();
    await finish(watched);
  });

  it('shows why the themes of a concept are grouped', async () => {
    const network = (await (
      await fetch(`${app.url}/api/themes/network?minCount=1&limit=300`)
    ).json()) as Elements;
    const concepts = network.nodes.filter((node) => node.data.label === 'ThemeGroup');
    expect(concepts.length).toBeGreaterThan(0);
    const watched = await openPage(app, '#/themes?min=1');
    const { page } = watched;
    await page.locator('.rank-list .rank-button').first().click();
    await page.locator('.details summary', { hasText: /^Why grouped/ }).waitFor();
    await page.locator('.details .member-reason').first().waitFor();
    await expect.poll(() => page.locator('.details .evidence-list li').count()).toBeGreaterThan(0);
    await finish(watched);
  });
});

describe.skipIf(!CORPUS_PRESENT)('the real digests (README screenshots)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp([CORPUS_DIR]);
    fs.mkdirSync(README_SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws the themes map over theme concepts, with why a concept groups its themes', async () => {
    const network = (await (
      await fetch(`${app.url}/api/themes/network?minCount=2&limit=200`)
    ).json()) as Elements;
    const biggest = network.nodes
      .filter((node) => node.data.label === 'ThemeGroup')
      .map((node) => node.data)
      .sort((a, b) => Number(b.articleCount) - Number(a.articleCount))[0]!;
    const concept = (await (
      await fetch(`${app.url}/api/concepts/${encodeURIComponent(biggest.id)}`)
    ).json()) as Concept;
    expect(concept.size).toBeGreaterThan(1);

    const watched = await openPage(app, '#/themes?min=2', { width: 1440, height: 900 });
    const { page } = watched;
    await expect
      .poll(async () => (await canvasCounts(page)).edges, { timeout: 30_000 })
      .toBe(network.edges.length);
    await waitForLayout(page);
    await page.locator('.rank-list .rank-button', { hasText: biggest.name }).first().click();
    await page.locator('.details summary', { hasText: /^Why grouped/ }).waitFor();
    await expect.poll(() => page.locator('.details .member-reason').count()).toBe(concept.size);
    await page.screenshot({ path: path.join(README_SHOTS, 'themes.png') });
    await finish(watched);
  });

  it('colours the themes map by community and lists its structural gaps', async () => {
    // At 2 shared articles the map of 100 digests is a few small communities, too small for
    // gaps (3 themes each at least); at 1, its strongest links make a map to read.
    const reading = ThemeCommunitiesSchema.parse(
      await (
        await fetch(`${app.url}/api/themes/communities?minCount=1&limit=${VIEW_DEFAULTS.themes.limit}`)
      ).json(),
    );
    expect(reading.nodes.some((node) => node.id.startsWith('ThemeGroup:'))).toBe(true);
    expect(reading.gaps.length).toBeGreaterThan(0);
    const watched = await openPage(app, '#/themes?min=1', { width: 1440, height: 900 });
    const { page } = watched;
    await expect
      .poll(async () => (await canvasCounts(page)).nodes, { timeout: 30_000 })
      .toBe(reading.nodes.length);
    await waitForLayout(page);
    const details = page.locator('.details');
    await expect.poll(() => details.locator('.gap-item').count()).toBe(reading.gaps.length);
    await waitForCommunities(page);
    const colours = await onCanvas<string[]>(
      page,
      `return [...new Set(cy.nodes().map((node) => node.style('background-color')))];`,
    );
    expect(colours.length).toBeGreaterThanOrEqual(Math.min(reading.communities.length, 3));
    // What the screenshot must show: the gaps beside the map, the map clear of its toolbar and legend.
    const firstGap = await details.locator('.gap-item').first().boundingBox();
    expect(firstGap!.y + firstGap!.height).toBeLessThan(900);
    expect(await nodesUnderOverlays(page)).toEqual([]);
    await page.screenshot({ path: path.join(README_SHOTS, 'themes-communities.png') });
    await finish(watched);
  });

  it('draws a Cypher result with a legend of its labels and relationship types', async () => {
    const watched = await openPage(app, '#/cypher', { width: 1440, height: 900 });
    const { page } = watched;
    await typeCypher(
      page,
      [
        'MATCH (t:Theme) WITH t ORDER BY t.articleCount DESC LIMIT 1',
        'MATCH (t)<-[r:HAS_THEME]-(a:Article)-[s:HAS_ISSUE]->(i:Issue)',
        'RETURN t, r, a, s, i LIMIT 60',
      ].join('\n'),
    );
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await canvasCounts(page)).nodes, { timeout: 60_000 }).toBeGreaterThan(5);
    await waitForLayout(page);
    const legend = page.locator('.main-slot .canvas-legend .legend-name');
    await expect
      .poll(() => legend.allTextContents())
      .toEqual(expect.arrayContaining(['Article', 'Theme', 'Issue', 'HAS_THEME', 'HAS_ISSUE']));
    await page.screenshot({ path: path.join(README_SHOTS, 'cypher-legend.png') });
    await finish(watched);
  });

  it('ranks co-occurring issue concepts, with why the picked concept groups its issues', async () => {
    const pairs = (await (
      await fetch(`${app.url}/api/issues/pairs?minCount=1&limit=500`)
    ).json()) as PairsResponse;
    const grouped = pairs.pairs.flatMap((pair) => [pair.a, pair.b]).find((unit) => unit.size > 1);
    expect(grouped).toBeDefined();
    const watched = await openPage(app, `#/issues?min=1&id=${encodeURIComponent(grouped!.id)}`, {
      width: 1440,
      height: 900,
    });
    const { page } = watched;
    await page.locator('.group-card .member-reason').first().waitFor();
    expect(await page.locator('.group-card .member-reason').count()).toBe(grouped!.size);
    expect(await page.locator('.ranked-item').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(README_SHOTS, 'issues.png') });
    await finish(watched);
  });
});

if (!CORPUS_PRESENT)
  console.warn(missingMaterialLine('the journeys on the real digests (README screenshots)', CORPUS_DIR));

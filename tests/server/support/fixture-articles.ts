import type { ArticleRecord, FactRow } from '../../../model/index.js';

/**
 * Seven small articles and a stub, written so that every measure below can be worked out by hand
 * (tests/server/*.test.ts do). Themes (N = 7 articles with a theme):
 *   Artificial Intelligence: a1 a2 a3 a4 · Regulation: a1 a2 a5 · Privacy: a1 · Semiconductors: a3
 *   Energy: a4 a5 a6 a7 · Climate: a5 a6
 * Issues (N = 6 articles with an issue) and their groups (FIXTURE_GROUPS):
 *   opaque-ai: a1 a2 a3 · fragmented-rules: a1 a2 · chip-shortage: a3 a4 · datacentre-power: a4 a5
 *   ungrouped: "Grid instability" (a5), "Extreme heat risks" (a6, twice in its table)
 * Paths: a3 and a7 meet only through the hub Category:business (2 hops); a3–AI–a1–a7 avoids it (3).
 */

const HASH = (seed: string): string => seed.repeat(64).slice(0, 64);

function article(partial: Partial<ArticleRecord> & Pick<ArticleRecord, 'id' | 'title'>): ArticleRecord {
  return {
    file: `${partial.id}.md`,
    layout: 'new',
    keywords: [],
    themes: [],
    signals: [],
    concerns: [],
    behaviors: [],
    technologies: [],
    issues: [],
    closest: [],
    contentHash: HASH(partial.id.slice(0, 1)),
    ...partial,
  };
}

const issue = (name: string, relevancy?: number): FactRow =>
  relevancy === undefined
    ? { name, description: `About ${name}.` }
    : { name, description: `About ${name}.`, relevancy };

export const FIXTURE_ARTICLES: ArticleRecord[] = [
  article({
    id: 'a1',
    title: 'EU AI Act enforcement begins',
    url: 'https://example.org/ai-act?utm_source=x',
    page: '20250420',
    pageUrl: 'https://kghosh.substack.com/p/20250420',
    date: '2025-04-20',
    category: 'technology',
    type: 'news',
    summary: 'The EU starts enforcing its AI Act.',
    language: 'en',
    keywords: ['AI Act', 'GPAI', 'compliance'],
    themes: ['Artificial Intelligence', 'Regulation', 'Privacy'],
    signals: [
      {
        name: 'AI Act enforcement',
        description: 'Regulators begin audits.',
        change: 'From guidance to fines',
        tenYear: 'Routine AI audits',
        drivingForce: 'Public trust',
        relevancy: 5,
      },
    ],
    concerns: [{ name: 'Compliance costs for SMEs', description: 'Small firms struggle.', relevancy: 4 }],
    behaviors: [{ name: 'Firms hire AI auditors', description: 'A new profession.', relevancy: 3 }],
    technologies: [{ name: 'Model cards', description: 'Documentation of models.', relevancy: 2 }],
    issues: [issue('Opaque AI models in public services', 5), issue('Fragmented EU AI rules', 4)],
    closest: [
      { id: 'a2', title: 'Auditing algorithms', rank: 1 },
      { id: 'stub-x', title: 'A story known only by name', rank: 2 },
    ],
    otherFields: ['Region: Europe'],
  }),
  article({
    id: 'a2',
    title: 'Auditing algorithms',
    page: '20250421',
    pageUrl: 'https://kghosh.substack.com/p/20250421',
    date: '2025-04-21',
    category: 'technology',
    type: 'blog post',
    keywords: ['AI Act', 'audits'],
    themes: ['Artificial Intelligence', 'Regulation'],
    issues: [issue('Black-box algorithms in government'), issue('Patchwork of AI regulation')],
  }),
  article({
    id: 'a3',
    title: 'The chip race',
    page: '2724.0',
    pageUrl: 'https://kghosh.substack.com/p/2724.0',
    category: 'business',
    keywords: ['chips'],
    themes: ['Artificial Intelligence', 'Semiconductors'],
    technologies: [{ name: 'Extreme ultraviolet lithography', description: 'Makes small chips.', src: 'a3' }],
    issues: [issue('Chip supply shortages'), issue('Opaque models in the public sector')],
  }),
  article({
    id: 'a4',
    title: 'AI needs power',
    page: '20250501',
    pageUrl: 'https://kghosh.substack.com/p/20250501',
    date: '2025-05-01',
    category: 'technology',
    keywords: ['data centres'],
    themes: ['Artificial Intelligence', 'Energy'],
    issues: [issue('Data centre power demand'), issue('Chip shortage')],
  }),
  article({
    id: 'a5',
    title: 'Grids under strain',
    page: '20250502',
    pageUrl: 'https://kghosh.substack.com/p/20250502',
    date: '2025-05-02',
    category: 'environment',
    keywords: ['grid'],
    themes: ['Energy', 'Climate', 'Regulation'],
    issues: [issue('Grid instability'), issue('Data center electricity use')],
  }),
  article({
    id: 'a6',
    title: 'Heatwaves and cities',
    page: '20250502',
    pageUrl: 'https://kghosh.substack.com/p/20250502',
    date: '2025-05-02',
    category: 'environment',
    keywords: ['heat', 'cities', '100% renewables/now'],
    themes: ['Climate', 'Energy'],
    issues: [issue('Extreme heat risks'), issue('Extreme heat risks')],
  }),
  article({
    id: 'a7',
    title: 'An older digest',
    layout: 'old',
    category: 'business',
    summary: 'Old layout: no issues.',
    keywords: ['grid'],
    themes: ['Energy'],
    closest: [{ id: 'a1', title: 'EU AI Act enforcement begins', rank: 1 }],
  }),
];

export interface FixtureGroup {
  key: string;
  name: string;
  members: { issue: string; reason: string; similarity: number }[];
}

export const FIXTURE_GROUPS: FixtureGroup[] = [
  {
    key: 'opaque-ai',
    name: 'Opaque AI in public services',
    members: [
      { issue: 'Opaque AI models in public services', reason: 'core', similarity: 1 },
      { issue: 'Black-box algorithms in government', reason: 'shares: opaque, government', similarity: 0.62 },
      {
        issue: 'Opaque models in the public sector',
        reason: 'shares: opaque, model, public',
        similarity: 0.8,
      },
    ],
  },
  {
    key: 'fragmented-rules',
    name: 'Fragmented AI rules',
    members: [
      { issue: 'Fragmented EU AI rules', reason: 'core', similarity: 1 },
      { issue: 'Patchwork of AI regulation', reason: 'shares: ai, rules', similarity: 0.55 },
    ],
  },
  {
    key: 'chip-shortage',
    name: 'Chip shortages',
    members: [
      { issue: 'Chip supply shortages', reason: 'core', similarity: 1 },
      { issue: 'Chip shortage', reason: 'shares: chip, shortage', similarity: 0.9 },
    ],
  },
  {
    key: 'datacentre-power',
    name: 'Data centre power',
    members: [
      { issue: 'Data centre power demand', reason: 'core', similarity: 1 },
      { issue: 'Data center electricity use', reason: 'shares: data, centre', similarity: 0.7 },
    ],
  },
];

import { describe, expect, it } from 'vitest';
import {
  emergingScore,
  EmergingResponseSchema,
  ErrorResponseSchema,
  normaliseKey,
  nodeId,
  periodAxis,
  SignalTimelineResponseSchema,
  TimelineResponseSchema,
  TrendsResponseSchema,
  type ArticleRecord,
} from '../../model/index.js';
import { queryString } from './support/api.js';
import { useFixtureApi } from './support/fixture-suite.js';
import { TIMELINE_ARTICLES, TIMELINE_GROUPS } from './support/fixture-timeline.js';

const suite = useFixtureApi({ fixture: { articles: TIMELINE_ARTICLES, groups: TIMELINE_GROUPS } });
const theme = (name: string) => nodeId('Theme', normaliseKey(name));
const q = queryString;

const dated = TIMELINE_ARTICLES.filter((a) => a.date);
const MONTHS = periodAxis('2024-01-15', '2025-08-15', 'month');

/** Counted from the fixture records, independently of Neo4j: a unit's recent and baseline articles. */
function split(has: (a: ArticleRecord) => boolean, since: string, of: (a: ArticleRecord) => boolean) {
  const kind = dated.filter(of);
  return {
    recent: kind.filter((a) => a.date! >= since && has(a)).length,
    baseline: kind.filter((a) => a.date! < since && has(a)).length,
    recentTotal: kind.filter((a) => a.date! >= since).length,
    baselineTotal: kind.filter((a) => a.date! < since).length,
  };
}

describe('GET /api/timeline', () => {
  it('counts dated articles per month from the first date to the last, and undated ones apart', async () => {
    const { status, body } = await suite.api.get('/api/timeline');
    expect(status).toBe(200);
    const timeline = TimelineResponseSchema.parse(body);
    expect(timeline).toMatchObject({ period: 'month', first: '2024-01-15', last: '2025-08-15' });
    expect(timeline.periods).toEqual(MONTHS);
    expect(timeline.counts).toEqual(MONTHS.map(() => 1));
    expect([timeline.dated, timeline.undated]).toEqual([20, 1]);
  });

  it('counts per quarter and per ISO week (from Monday)', async () => {
    const quarters = TimelineResponseSchema.parse((await suite.api.get('/api/timeline?period=quarter')).body);
    expect(quarters.periods).toEqual([
      '2024-01-01',
      '2024-04-01',
      '2024-07-01',
      '2024-10-01',
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
    ]);
    expect(quarters.counts).toEqual([3, 3, 3, 3, 3, 3, 2]);
    const weeks = TimelineResponseSchema.parse((await suite.api.get('/api/timeline?period=week')).body);
    // 2024-01-15 is a Monday; 2025-08-15 a Friday, in the week of Monday 2025-08-11.
    expect(weeks.periods[0]).toBe('2024-01-15');
    expect(weeks.periods.at(-1)).toBe('2025-08-11');
    expect(weeks.counts.reduce((a, b) => a + b, 0)).toBe(20);
  });
});

describe('GET /api/trends', () => {
  it('gives a theme’s articles per month, first and last seen, with its undated article apart', async () => {
    const { status, body } = await suite.api.get(`/api/trends?${q({ ids: theme('Heat') })}`);
    expect(status).toBe(200);
    const trends = TrendsResponseSchema.parse(body);
    expect(trends.periods).toEqual(MONTHS);
    expect(trends.window).toEqual({ from: null, to: null });
    const [heat] = trends.items;
    expect(heat).toMatchObject({
      id: theme('Heat'),
      label: 'Theme',
      name: 'Heat',
      total: 4,
      undated: 1,
      firstSeen: '2025-05-15',
      lastSeen: '2025-08-15',
    });
    expect(heat!.counts).toEqual(MONTHS.map((m) => (m >= '2025-05-01' ? 1 : 0)));
  });

  it('counts an issue group through its members, and several ids at once in the order asked', async () => {
    const ids = ['IssueGroup:grid', theme('Chips'), 'Theme:nothing%20like%20it', theme('Energy')];
    const trends = TrendsResponseSchema.parse(
      (await suite.api.get(`/api/trends?${q({ ids: ids.join(',') })}`)).body,
    );
    expect(trends.items.map((item) => [item.id, item.total, item.firstSeen, item.lastSeen])).toEqual([
      ['IssueGroup:grid', 3, '2025-05-15', '2025-07-15'],
      [theme('Chips'), 10, '2024-01-15', '2024-10-15'],
      [theme('Energy'), 20, '2024-01-15', '2025-08-15'],
    ]);
    expect(trends.missing).toEqual(['Theme:nothing%20like%20it']);
  });

  it('counts only the window’s articles, on an axis over the window', async () => {
    const trends = TrendsResponseSchema.parse(
      (await suite.api.get(`/api/trends?${q({ ids: theme('Heat'), from: '2025-06-01', to: '2025-12-31' })}`))
        .body,
    );
    expect(trends.window).toEqual({ from: '2025-06-01', to: '2025-12-31' });
    // The axis stops at the last article date of the graph, not at the end of the window.
    expect(trends.periods).toEqual(['2025-06-01', '2025-07-01', '2025-08-01']);
    expect(trends.items[0]).toMatchObject({
      total: 3,
      undated: 1,
      firstSeen: '2025-06-15',
      counts: [1, 1, 1],
    });
  });
});

describe('GET /api/emerging', () => {
  const since = '2025-04-15'; // the newest quarter of 20 dated articles: t16–t20
  const hasTheme = (name: string) => (a: ArticleRecord) => a.themes.includes(name);
  const withThemes = (a: ArticleRecord) => a.themes.length > 0;

  it('ranks what grew in the newest quarter, with the statistic, its evidence and its trend', async () => {
    const { status, body } = await suite.api.get('/api/emerging');
    expect(status).toBe(200);
    const emerging = EmergingResponseSchema.parse(body);
    expect(emerging).toMatchObject({
      kind: 'theme',
      since,
      recentArticles: 5,
      baselineArticles: 15,
      minCount: 3,
      // Heat (4 recent) and Energy (5) have enough recent articles; Water (1) does not.
      considered: 2,
    });
    expect(emerging.statistic).toMatch(/lower 95 % bound/);
    // Energy is in every article: its share did not grow. Only Heat is listed.
    expect(emerging.items.map((item) => item.name)).toEqual(['Heat']);
    const [heat] = emerging.items;
    const expected = emergingScore(split(hasTheme('Heat'), since, withThemes));
    expect(heat).toMatchObject({ id: theme('Heat'), recent: 4, baseline: 0, isNew: true, size: 1 });
    expect(heat!.score).toBeCloseTo(expected.score, 12);
    expect(heat!.score).toBeCloseTo(
      Math.log(4.5 / 6 / (0.5 / 16)) - 1.645 * Math.sqrt(1 / 4.5 + 1 / 0.5),
      12,
    );
    expect(heat!.evidence.map((a) => [a.id, a.date])).toEqual([
      ['Article:t20', '2025-08-15'],
      ['Article:t19', '2025-07-15'],
      ['Article:t18', '2025-06-15'],
      ['Article:t17', '2025-05-15'],
    ]);
    expect(emerging.periods).toEqual(MONTHS);
    expect(heat!.counts).toEqual(MONTHS.map((m) => (m >= '2025-05-01' ? 1 : 0)));
    expect([heat!.firstSeen, heat!.lastSeen]).toEqual(['2025-05-15', '2025-08-15']);
  });

  it('does not shout on tiny counts: one recent article against one earlier is not emerging', async () => {
    const emerging = EmergingResponseSchema.parse((await suite.api.get('/api/emerging?minCount=1')).body);
    expect(emerging.considered).toBe(3);
    expect(emerging.items.map((item) => item.name)).toEqual(['Heat']);
    // Water: 1 recent of 5 against 1 of 15 is three times the share, but not at 95 %.
    expect(emergingScore(split(hasTheme('Water'), since, withThemes)).score).toBeLessThan(0);
  });

  it('ranks issues by their group, where the graph has one', async () => {
    const emerging = EmergingResponseSchema.parse((await suite.api.get('/api/emerging?kind=issue')).body);
    expect(emerging).toMatchObject({ recentArticles: 5, baselineArticles: 15 });
    expect(emerging.items.map((item) => [item.id, item.size, item.recent, item.baseline])).toEqual([
      ['IssueGroup:grid', 3, 3, 0],
    ]);
    expect(emerging.items[0]!.evidence.map((a) => a.id)).toEqual([
      'Article:t19',
      'Article:t18',
      'Article:t17',
    ]);
  });

  it('splits where asked, inside a window, and says why nothing can be scored when a part is empty', async () => {
    const inWindow = EmergingResponseSchema.parse(
      (
        await suite.api.get(
          `/api/emerging?${q({ from: '2024-07-01', to: '2025-06-30', since: '2025-05-01' })}`,
        )
      ).body,
    );
    expect(inWindow).toMatchObject({
      window: { from: '2024-07-01', to: '2025-06-30' },
      since: '2025-05-01',
      recentArticles: 2,
      baselineArticles: 10,
    });
    expect(inWindow.periods[0]).toBe('2024-07-01');
    expect(inWindow.periods.at(-1)).toBe('2025-06-01');

    const noBaseline = EmergingResponseSchema.parse(
      (await suite.api.get(`/api/emerging?${q({ since: '2024-01-15' })}`)).body,
    );
    expect(noBaseline.items).toEqual([]);
    expect(noBaseline.message).toMatch(/baseline/);
  });

  it('refuses a since outside the window with a 400 that says why', async () => {
    const { status, body } = await suite.api.get(
      `/api/emerging?${q({ from: '2025-01-01', since: '2024-06-01' })}`,
    );
    expect(status).toBe(400);
    const { error } = ErrorResponseSchema.parse(body);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      'Invalid query parameter "since": since (2024-06-01) must be after from (2025-01-01) and not after to (open): the recent part is the end of the window.',
    );
  });
});

describe('GET /api/signals/timeline', () => {
  it('lists the signals of a theme’s articles newest first, undated last, with every cell', async () => {
    const { status, body } = await suite.api.get(`/api/signals/timeline?${q({ of: theme('Heat') })}`);
    expect(status).toBe(200);
    const timeline = SignalTimelineResponseSchema.parse(body);
    expect(timeline.of).toEqual({ id: theme('Heat'), label: 'Theme', name: 'Heat' });
    expect(timeline.total).toBe(4);
    expect(timeline.signals.map((s) => [s.signal.name, s.article.date, s.relevancy])).toEqual([
      ['Heat insurance', '2025-08-15', 4],
      ['Shade trees', '2025-06-15', 2],
      ['Cooling demand', '2025-05-15', 5],
      ['Night heat', null, 3],
    ]);
    expect(timeline.signals[2]).toEqual({
      article: { id: 'Article:t17', title: 'Digest t17', date: '2025-05-15' },
      signal: { id: 'Signal:cooling%20demand', name: 'Cooling demand' },
      description: 'Air conditioning drives summer peaks.',
      change: 'Peaks move to summer',
      tenYear: 'Grids sized for heat',
      drivingForce: 'Hotter summers',
      relevancy: 5,
    });
  });

  it('keeps rows of at least a relevancy, and only the window’s articles', async () => {
    const relevant = SignalTimelineResponseSchema.parse(
      (await suite.api.get(`/api/signals/timeline?${q({ of: theme('Heat'), minRelevancy: 4 })}`)).body,
    );
    expect(relevant.signals.map((s) => s.signal.name)).toEqual(['Heat insurance', 'Cooling demand']);
    const windowed = SignalTimelineResponseSchema.parse(
      (await suite.api.get(`/api/signals/timeline?${q({ of: theme('Heat'), from: '2025-06-01' })}`)).body,
    );
    expect(windowed.signals.map((s) => s.signal.name)).toEqual(['Heat insurance', 'Shade trees']);
    expect(windowed.total).toBe(2);
  });

  it('reads a group’s signals through its members, and answers 404 for a node that does not exist', async () => {
    const group = SignalTimelineResponseSchema.parse(
      (await suite.api.get(`/api/signals/timeline?${q({ of: 'IssueGroup:grid' })}`)).body,
    );
    expect(group.signals.map((s) => s.signal.name)).toEqual(['Shade trees', 'Cooling demand']);
    const { status } = await suite.api.get(`/api/signals/timeline?${q({ of: 'Theme:no-such-theme' })}`);
    expect(status).toBe(404);
  });
});

/** [request, the field the 400 must name, what its message must say]. */
const BAD_DATES: [string, string, RegExp][] = [
  ['/api/themes/network?from=2025-02-30', 'from', /"2025-02-30" is not a date: write it as YYYY-MM-DD/],
  ['/api/themes/network?to=20250101', 'to', /"20250101" is not a date/],
  [
    '/api/themes/network?from=2025-06-01&to=2025-01-01',
    'to',
    /to \(2025-01-01\) is before from \(2025-06-01\)/,
  ],
  ['/api/issues/pairs?from=yesterday', 'from', /"yesterday" is not a date/],
  ['/api/issues/IssueGroup:grid/cooccurring?to=2025-13-01', 'to', /"2025-13-01" is not a date/],
  ['/api/themes/link?a=Theme:heat&b=Theme:energy&from=2023-02-29', 'from', /"2023-02-29" is not a date/],
  ['/api/nodes/Theme:heat/neighbors?from=2025-1-1', 'from', /is not a date/],
  [
    '/api/paths?from=Article:t01&to=Article:t02&dateFrom=2025-01-32',
    'dateFrom',
    /"2025-01-32" is not a date/,
  ],
  [
    '/api/paths?from=Article:t01&to=Article:t02&dateFrom=2025-02-01&dateTo=2025-01-01',
    'dateTo',
    /dateTo \(2025-01-01\) is before dateFrom \(2025-02-01\)/,
  ],
  ['/api/trends?ids=Theme:heat&from=2025-00-10', 'from', /is not a date/],
  ['/api/trends?ids=Article:t01', 'ids.0', /not a node id with label/],
  ['/api/trends', 'ids', /./],
  ['/api/trends?ids=Theme:heat&period=day', 'period', /./],
  ['/api/emerging?since=2025-02-29', 'since', /"2025-02-29" is not a date/],
  ['/api/emerging?kind=concern', 'kind', /./],
  ['/api/signals/timeline?of=Theme:heat&minRelevancy=6', 'minRelevancy', /./],
  ['/api/signals/timeline?of=Theme:heat&to=2025-04-31', 'to', /"2025-04-31" is not a date/],
  ['/api/concepts/ThemeGroup:heat?from=2025-13-01', 'from', /"2025-13-01" is not a date/],
];

describe('a bad date is refused with a 400 that names the field and says what is expected', () => {
  it.each(BAD_DATES)('GET %s → 400 naming %s', async (path, field, message) => {
    const { status, body } = await suite.api.get(path);
    expect(status, JSON.stringify(body)).toBe(400);
    const { error } = ErrorResponseSchema.parse(body);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`"${field}"`);
    expect(error.message).toMatch(message);
    const issues = (error.details as { issues: { field: string }[] }).issues;
    expect(issues.map((issue) => issue.field)).toContain(field);
  });

  it('accepts a leap day', async () => {
    expect((await suite.api.get('/api/themes/network?from=2024-02-29')).status).toBe(200);
  });
});

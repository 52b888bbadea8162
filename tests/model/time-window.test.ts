import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import {
  addDays,
  emergingScore,
  formatWindow,
  nextPeriod,
  parseWindow,
  periodAxis,
  periodStart,
  PERIODS,
  TimeWindowSchema,
} from '../../model/index.js';
import { testDriver } from '../support/neo4j.js';

/** Days around the edges that break calendar arithmetic: leap days, year ends, ISO weeks across years. */
const DAYS = [
  '2024-02-29',
  '2024-12-30',
  '2024-12-31',
  '2025-01-01',
  '2025-01-05',
  '2025-01-06',
  '2025-03-31',
  '2025-12-29',
  '2026-01-01',
  '2027-01-03',
  '0999-06-15',
  '2029-09-11',
];

describe('periods agree with Neo4j’s date.truncate', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await testDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it.each(PERIODS)('per %s', async (period) => {
    const { records } = await driver.executeQuery(
      'UNWIND $days AS day RETURN day, toString(date.truncate($period, date(day))) AS start',
      { days: DAYS, period },
    );
    for (const record of records)
      expect(periodStart(record.get('day'), period), record.get('day')).toBe(record.get('start'));
  });
});

describe('the time window', () => {
  it('reads and writes the URL form, open ends included, and refuses what is not a window', () => {
    for (const window of [
      { from: '2025-01-01', to: '2025-06-30' },
      { from: '2025-01-01' },
      { to: '2025-06-30' },
    ]) {
      expect(parseWindow(formatWindow(window))).toEqual(window);
    }
    expect(formatWindow({})).toBe('');
    for (const text of [
      '',
      '..',
      '2025-06-30..2025-01-01',
      '2025-02-30..',
      'yesterday..today',
      '2025-01-01',
    ]) {
      expect(parseWindow(text), text).toBeNull();
    }
  });

  it('says which field is wrong and why', () => {
    const result = TimeWindowSchema.safeParse({ from: '2025-06-01', to: '2025-01-01', until: 'x' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.code)).toContain('unrecognized_keys');
    const order = TimeWindowSchema.safeParse({ from: '2025-06-01', to: '2025-01-01' });
    expect(order.error!.issues).toMatchObject([
      { path: ['to'], message: expect.stringMatching(/is before from/) },
    ]);
  });

  it('lays an axis of period starts from the first day’s period to the last’s, capped to the newest', () => {
    expect(periodAxis('2024-11-20', '2025-02-03', 'month')).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
    expect(periodAxis('2024-12-31', '2025-01-06', 'week')).toEqual(['2024-12-30', '2025-01-06']);
    const capped = periodAxis('0001-01-01', '2025-01-01', 'month', 10);
    expect(capped).toHaveLength(10);
    expect(capped.at(-1)).toBe('2025-01-01');
    expect(nextPeriod('2024-10-01', 'quarter')).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('the emerging score', () => {
  const totals = { recentTotal: 30, baselineTotal: 90 };

  it('keeps tiny counts below steadier growth of the same share', () => {
    const one = emergingScore({ recent: 1, baseline: 0, ...totals });
    const many = emergingScore({ recent: 6, baseline: 2, ...totals });
    expect(one.growth).toBeGreaterThan(many.growth);
    expect(one.score).toBeLessThan(0);
    expect(many.score).toBeGreaterThan(one.score);
    expect(many.score).toBeGreaterThan(0);
  });

  it('scores an unchanged share below 0 and grows with the evidence', () => {
    expect(emergingScore({ recent: 10, baseline: 30, ...totals }).score).toBeLessThan(0);
    const scores = [3, 6, 12, 24].map(
      (r) => emergingScore({ recent: r, baseline: 0, recentTotal: 60, baselineTotal: 180 }).score,
    );
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    const { ratioAtLeast, score } = emergingScore({ recent: 6, baseline: 2, ...totals });
    expect(ratioAtLeast).toBeCloseTo(Math.exp(score), 12);
  });
});

import { describe, expect, it } from 'vitest';
import { driftOf, splitDocument } from '../../gen/index.js';
import { generator } from './helpers.js';

const DOCS = 2000;

/** Median of sorted YYYYMMDD dates. */
const median = (dates: string[]): string => [...dates].sort()[Math.floor(dates.length / 2)]!;

describe('dates that drift with the subject', () => {
  const gen = generator('drift', DOCS);
  const docs = Array.from({ length: DOCS }, (_, index) => ({
    drift: (({ topic, anchor }) => driftOf(topic, anchor))(gen.head(index)),
    page: splitDocument(gen.document(index).text).page ?? '',
  })).filter((doc) => /^\d{8}/.test(doc.page));
  const datesOf = (drift: number) =>
    docs.filter((doc) => doc.drift === drift).map((doc) => doc.page.slice(0, 8));

  it('dates rising subjects later and fading ones earlier than the rest', () => {
    const [fading, steady, rising] = [datesOf(-1), datesOf(0), datesOf(1)];
    for (const group of [fading, rising]) expect(group.length).toBeGreaterThan(DOCS * 0.08);
    expect(steady.length).toBeGreaterThan(DOCS * 0.5);
    expect(median(rising) > median(steady)).toBe(true);
    expect(median(steady) > median(fading)).toBe(true);
  });

  it('leaves the dates of steady documents as one draw, spread over the corpus’s years', () => {
    const years = new Set(datesOf(0).map((date) => date.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
  });
});

import neo4j, { type Date as Neo4jDate } from 'neo4j-driver';
import { isWindowSet, type TimeWindow, type WindowEcho } from '../../model/index.js';

/**
 * The article-date predicate every windowed query uses.
 *
 * A window always reaches Neo4j with both ends (open ends become the first and last day a digest
 * date can have), so the predicate is a plain range on `Article.date` that the planner answers from
 * the `Article(date)` range index, and an undated article (no `date`) never passes it.
 */
export const FIRST_DAY = '0001-01-01';
export const LAST_DAY = '9999-12-31';

export interface DateBounds {
  from: string;
  to: string;
}

/** The article-date predicate of a window: `$windowFrom` and `$windowTo` are Neo4j dates. */
export function inWindow(article: string): string {
  return `(${article}.date >= $windowFrom AND ${article}.date <= $windowTo)`;
}

/** Both ends of a window, open ends filled; null when no window is set. */
export function windowBounds(window: TimeWindow | undefined): DateBounds | null {
  if (!isWindowSet(window)) return null;
  return { from: window.from ?? FIRST_DAY, to: window.to ?? LAST_DAY };
}

export function dateParam(day: string): Neo4jDate<number> {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(year, month, date);
}

export function windowParams(bounds: DateBounds): {
  windowFrom: Neo4jDate<number>;
  windowTo: Neo4jDate<number>;
} {
  return { windowFrom: dateParam(bounds.from), windowTo: dateParam(bounds.to) };
}

export function windowEcho(window: TimeWindow | undefined): WindowEcho {
  return { from: window?.from ?? null, to: window?.to ?? null };
}

/** A Neo4j date (or null) as an ISO day. */
export function isoDay(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

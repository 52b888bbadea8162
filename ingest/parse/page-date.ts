/**
 * The ISO date of a digest PAGE, only when PAGE starts with eight digits YYYYMMDD (and no ninth)
 * that form a real calendar date: `20250518d` and `20251231-a-yearly-review` have one, `2724.0` and
 * `20251345` do not. Dates in the future are kept: the collection has some.
 */
export function pageDate(page: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(page);
  if (!match) return undefined;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${y}-${m}-${d}`;
}

/**
 * Orders strings by UTF-16 code units, the same on every machine and locale (not localeCompare):
 * files, groups and pairs come out in one order, so a run over the same input writes nothing new.
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

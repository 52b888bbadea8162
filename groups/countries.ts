import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { normaliseKey } from '../model/normalise.js';

/**
 * Country names, and the ISO 3166 country each names (English names and aliases of the
 * i18n-iso-countries package: "Russia", "Russian Federation", "USA", "United Kingdom", "UK"…).
 *
 * Two different countries are never one concept: an embedding puts country names close to each other
 * ("russia" and "china" at cosine ~0.75, as close as most synonyms), but a theme about Russia is
 * not a theme about China. Names of one country ("USA", "United States") may still be grouped.
 */
const COUNTRY_OF_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(english.countries).flatMap(([code, names]) =>
    (Array.isArray(names) ? names : [names]).map((name) => [normaliseKey(name), code] as const),
  ),
);

/** The ISO 3166 alpha-2 code of the country the whole name is, or undefined. */
export function countryOf(name: string): string | undefined {
  return COUNTRY_OF_NAME.get(normaliseKey(name));
}

/** Both names are countries, and not the same one. */
export function differentCountries(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}

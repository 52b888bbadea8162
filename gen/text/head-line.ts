import { FRENCH_MODIFIERS, FRENCH_NOUNS, FRENCH_TITLES, PAGE_SLUGS, SITES } from '../lexicon/index.js';
import type { LayoutProfile } from '../profile.js';
import type { Rng } from '../prng.js';
import { sentenceCase } from './case.js';
import type { Family } from './families.js';
import { compile, countWords, type Phraser } from './phrasing.js';
import { TITLE_TEMPLATES } from './sentence-templates.js';

const TITLES = TITLE_TEMPLATES.map((template) => compile(template));
const FRENCH = FRENCH_TITLES.map((template) => compile(template));

/** A title near `words` words long (the corpus's title lengths), in Title Case. */
export function englishTitle(
  phraser: Phraser,
  rng: Rng,
  anchor: Family,
  angle: Family,
  words: number,
): string {
  let best = '';
  let bestGap = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && bestGap > 0; attempt++) {
    const text = phraser.fill(rng.pick(TITLES), anchor, angle, 'title');
    const gap = Math.abs(countWords(text) - words);
    if (gap < bestGap) {
      best = text;
      bestGap = gap;
    }
  }
  return sentenceCase(best);
}

export function frenchTitle(rng: Rng): string {
  const parts = rng.pick(FRENCH).plain;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = parts[i] === 'm' ? rng.pick(FRENCH_MODIFIERS) : rng.pick(FRENCH_NOUNS);
    out += value + parts[i + 1]!;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function shiftDate(yyyymmdd: number, days: number): string {
  const y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  const date = new Date(Date.UTC(y, m - 1, d + days));
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** A real page date of the layout moved by whole weeks (the digest is weekly), YYYYMMDD. */
export function pageDate(rng: Rng, layout: LayoutProfile): string {
  const base = layout.pageDates.length > 0 ? rng.pick(layout.pageDates) : 20250105;
  return shiftDate(base, 7 * rng.between(-8, 8));
}

/**
 * The digest issue: a page date (`date`, drawn by the caller), with a letter or a slug for those
 * forms, or a number like `2966.0`.
 */
export function page(rng: Rng, form: string, layout: LayoutProfile, dateOf: (rng: Rng) => string): string {
  if (form === 'number') {
    const base = layout.pageNumbers.length > 0 ? rng.pick(layout.pageNumbers) : 4000;
    return `${Math.max(1000, base + rng.between(-1500, 1500))}.0`;
  }
  const date = dateOf(rng);
  if (form === 'date-letter') return date + rng.pick(['d', 'd', 'd', 'b', 'c']);
  if (form === 'slug') return `${date}-${rng.pick(PAGE_SLUGS)}`;
  return date;
}

const HEX = '0123456789abcdef';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function randomText(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
}

/** Tracking query strings of the kinds found in the corpus. */
export function trackingQuery(rng: Rng, kind: string): string {
  switch (kind) {
    case 'utm':
      return rng.chance(0.75)
        ? '?utm_source=substack&utm_medium=email'
        : `?utm_source=newsletter&utm_medium=email&utm_campaign=${randomText(rng, HEX, 8)}`;
    case 'ref':
      return rng.chance(0.7) ? '?ref=sentiers.media' : '?ref=futuresdigest';
    case 'mailchimp':
      return `?mc_cid=${randomText(rng, HEX, 10)}&mc_eid=${randomText(rng, HEX, 10)}`;
    case 'token':
      return `?publication_id=${rng.between(100000, 9999999)}&post_id=${rng.between(10000000, 199999999)}&isFreemail=true&token=eyJ${randomText(rng, BASE64, 150)}`;
    case 'hubspot':
      return `?_hsenc=p2ANqtz-${randomText(rng, BASE64, 100)}&_hsmi=${rng.between(100000000, 399999999)}`;
    case 'other':
      return `?_bhlid=${randomText(rng, HEX, 40)}`;
    default:
      return '';
  }
}

function slug(title: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(title) ? title : title.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 9)
    .join('-');
}

/** The article's own address, shaped like the sites it comes from. */
export function externalUrl(rng: Rng, title: string, query: string): string {
  const site = rng.pick(SITES);
  const words = slug(title);
  let path: string;
  if (site === 'en.wikipedia.org')
    path = `/wiki/${title.split(' ').slice(0, 4).join('_').replace(/[?:,]/g, '')}`;
  else if (site === 'substack.com') return `https://${words.split('-')[0]}.substack.com/p/${words}${query}`;
  else {
    const year = rng.between(2021, 2026);
    const month = String(rng.between(1, 12)).padStart(2, '0');
    path = rng.pick([
      `/${year}/${month}/${words}/`,
      `/article/${words}`,
      `/news/${words}-${rng.between(100000, 999999)}`,
      `/en/${words}`,
      `/science/${year}/${month}/${words}/`,
    ]);
  }
  return `https://${site}${path}${query}`;
}

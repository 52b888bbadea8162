/** Small classifiers shared by the measurement of the corpus and of generated documents. */

export function pageForm(page: string): string {
  const trimmed = page.trim();
  if (/^\d{8}$/.test(trimmed)) return 'date';
  if (/^\d{8}[a-z]$/.test(trimmed)) return 'date-letter';
  if (/^\d{8}-[a-z0-9-]+$/.test(trimmed)) return 'slug';
  if (/^\d+(\.\d+)?$/.test(trimmed)) return 'number';
  return 'other';
}

export function queryKind(url: string | undefined): string {
  const at = url?.indexOf('?') ?? -1;
  if (url === undefined || at < 0) return 'none';
  const query = url.slice(at + 1);
  if (/(^|&)(token|publication_id)=/.test(query)) return 'token';
  if (/(^|&)_hsenc=/.test(query)) return 'hubspot';
  if (/(^|&)mc_cid=/.test(query)) return 'mailchimp';
  if (/^ref=/.test(query)) return 'ref';
  if (/(^|&)utm_/.test(query)) return 'utm';
  return 'other';
}

const FRENCH = new Set(
  'le la les des du de et est une un dans pour sur avec qui que au aux ces sont par ne pas plus leur leurs cette entre comme'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the and of to is in for with that are on as by this from be its an or at'.split(' '),
);

/** 'fr' when French function words clearly outnumber English ones. */
export function language(text: string): 'en' | 'fr' {
  let fr = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FRENCH.has(word)) fr++;
    else if (ENGLISH.has(word)) en++;
  }
  return fr >= 3 && fr > 2 * en ? 'fr' : 'en';
}

export const MARKERS: ReadonlyArray<[string, RegExp]> = [
  ['curly apostrophe', /[\u2018\u2019]/],
  ['curly double quotes', /[\u201C\u201D]/],
  ['guillemets', /[«»]/],
  ['euro', /€/],
  ['pound', /£/],
  ['degree', /°/],
  ['em dash', /\u2014/],
  ['accented letter', /[À-ÖØ-öø-ÿ]/],
  ['underscores in a cell', /\| [^|]*____/],
];

/** A name is in Title Case when each longer word starts with a capital (or is not a letter). */
export function isTitleCase(name: string): boolean {
  const words = name.split(/\s+/).filter((word) => word.length > 3);
  return words.every((word) => !/^\p{Ll}/u.test(word));
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

import { FRENCH_NOUNS, FRENCH_SENTENCES } from '../lexicon/index.js';
import type { Rng } from '../prng.js';
import type { Family } from './families.js';
import { compile, type Phraser } from './phrasing.js';
import { SUMMARY_SENTENCES } from './sentence-templates.js';

const SENTENCES = SUMMARY_SENTENCES.map((sentence) => compile(sentence));
const FRENCH = FRENCH_SENTENCES.map((sentence) => compile(sentence));

/** Sentences that carry the corpus's special characters, used when a document draws that marker. */
const MARKED: Readonly<Record<string, readonly string[]>> = {
  euro: ['{o} was fined €{m}m over {a} in {d}.', 'The programme is backed by a €{m} million investment.'],
  pound: ['The plan is backed by £{m}bn in public funding.', '{o} expects to spend £{m}m on {s} this year.'],
  degree: ['Average temperatures in {p} have already risen by 1.{m}°C.'],
  'em dash': ['The stakes are high — for {d} and for {y} alike.'],
  guillemets: ['The report, titled « {S} and {D} », sets out the main scenarios.'],
  'curly double quotes': ['One researcher calls it “a turning point” for {d}.'],
};

/** Straight double quotes, in documents without curly ones. */
const QUOTED = compile('Some describe it as "{a} by design."');

/** The summary: sentences about the document's families until it reaches `length` characters. */
export function englishSummary(
  phraser: Phraser,
  rng: Rng,
  families: readonly Family[],
  markers: ReadonlySet<string>,
  length: number,
): string {
  const order = rng.shuffle([...SENTENCES.keys()]);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; i < order.length && size < length - 40; i++) {
    const family = families[i % families.length]!;
    const other = families[(i + 1) % families.length]!;
    const sentence = phraser.fill(SENTENCES[order[i]!]!, family, other);
    if (parts.length > 2 && size + sentence.length > length + 60) continue;
    parts.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    size += sentence.length + 1;
  }
  for (const [marker, templates] of Object.entries(MARKED)) {
    if (!markers.has(marker)) continue;
    const template = compile(rng.pick(templates).replace('{m}', String(rng.between(2, 95))));
    const at = 1 + rng.int(parts.length);
    parts.splice(at, 0, phraser.fill(template, families[0]!, families[1 % families.length]!));
  }
  if (!markers.has('curly double quotes') && rng.chance(0.15)) {
    parts.splice(1, 0, phraser.fill(QUOTED, families[0]!, families[0]!));
  }
  return parts.join(' ');
}

export function frenchSummary(rng: Rng, length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (const index of rng.shuffle([...FRENCH.keys()])) {
    if (size >= length) break;
    const template = FRENCH[index]!;
    const pieces = template.plain;
    let out = pieces[0]!;
    for (let i = 1; i < pieces.length; i += 2) out += rng.pick(FRENCH_NOUNS) + pieces[i + 1]!;
    parts.push(out);
    size += out.length + 1;
  }
  return parts.join(' ');
}

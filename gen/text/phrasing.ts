import { QUALIFIERS, type Variants } from '../lexicon/index.js';
import type { Rng } from '../prng.js';
import { britishSpelling, sentenceCase, titleCase } from './case.js';
import { aspectOf, domainOf, subjectOf, techOf, type Family } from './families.js';
import { TOOL_NOUNS } from './name-templates.js';

/** How one document writes: spelling, the case of its table names, the names it mentions. */
export interface Voice {
  british: boolean;
  sentenceCase: boolean;
  org: string;
  place: string;
}

/** Title Case for names and titles, as written for everything else. */
export type Casing = 'title' | 'plain';

/**
 * A template split into literal text (even positions) and one-letter slots (odd positions), with
 * its literal text already cased and spelled each way: casing is done once per template and once
 * per lexicon wording, not once per generated name.
 */
export interface Compiled {
  plain: readonly string[];
  british: readonly string[];
  title: readonly string[];
  titleBritish: readonly string[];
}

function casedParts(parts: readonly string[], change: (text: string, first: boolean) => string): string[] {
  return parts.map((part, index) => (index % 2 === 0 ? change(part, index === 0) : part));
}

/** Name templates are written in Title Case but compiled in lower case, so either casing can be applied. */
export function compile(template: string, name = false): Compiled {
  const parts = template.split(/\{(\w)\}/);
  const plain = name ? casedParts(parts, (text) => text.toLowerCase()) : parts;
  const title = casedParts(plain, (text, first) => titleLiteral(text, first));
  return {
    plain,
    british: casedParts(plain, britishSpelling),
    title,
    titleBritish: casedParts(title, britishSpelling),
  };
}

export function compileName(template: string): Compiled {
  return compile(template, true);
}

/** Title Case for literal text between slots: only a template's first literal begins the name. */
function titleLiteral(text: string, first: boolean): string {
  if (first) return titleCase(text);
  // A leading space or hyphen means the literal continues after a slot.
  return titleCase(`x${text}`).slice(1);
}

const titled = new Map<string, string>();
const britished = new Map<string, string>();

/** Casing and spelling of a lexicon wording, memoised: the lexicon is finite. */
function lexical(value: string, casing: Casing, british: boolean): string {
  let out = value;
  if (british) {
    let spelled = britished.get(out);
    if (spelled === undefined) britished.set(out, (spelled = britishSpelling(out)));
    out = spelled;
  }
  if (casing === 'title') {
    let cased = titled.get(out);
    if (cased === undefined) titled.set(out, (cased = titleCase(out)));
    out = cased;
  }
  return out;
}

/** The usual wording a little under half the time, otherwise any wording (the usual one included). */
function wording(rng: Rng, variants: Variants): string {
  return rng.float() < 0.45 ? variants[0]! : variants[rng.int(variants.length)]!;
}

function bare(text: string): string {
  return text.startsWith('the ') ? text.slice(4) : text;
}

export class Phraser {
  /**
   * @param terms the document's own keywords, for {k}: names that mention them are specific to the
   *   document, as many real names are, so families recur as near-equivalents rather than verbatim.
   */
  constructor(
    private readonly rng: Rng,
    readonly voice: Voice,
    private readonly terms: readonly string[] = [],
  ) {}

  /** Title Case of the document's own words, computed once per document. */
  private readonly ownTitles = new Map<string, string>();

  private ownTitle(value: string): string {
    let cased = this.ownTitles.get(value);
    if (cased === undefined) this.ownTitles.set(value, (cased = titleCase(value)));
    return cased;
  }

  /** Fills a template for `family`; `other` (another family of the document) supplies {x}, {y}, {z}. */
  fill(template: Compiled, family: Family, other: Family, casing: Casing = 'plain'): string {
    const rng = this.rng;
    const british = this.voice.british;
    const parts =
      casing === 'title'
        ? british
          ? template.titleBritish
          : template.title
        : british
          ? template.british
          : template.plain;
    let subject: string | undefined;
    let domain: string | undefined;
    let aspect: string | undefined;
    let tech: string | undefined;
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const slot = parts[i]!;
      let value: string;
      let own = false;
      switch (slot) {
        case 's':
          value = subject ??= wording(rng, subjectOf(family));
          break;
        case 'S':
          value = bare((subject ??= wording(rng, subjectOf(family))));
          break;
        case 'd':
          value = domain ??= wording(rng, domainOf(family));
          break;
        case 'D':
          value = bare((domain ??= wording(rng, domainOf(family))));
          break;
        case 'a':
          value = aspect ??= wording(rng, aspectOf(family));
          break;
        case 't':
          value = tech ??= wording(rng, techOf(family));
          break;
        case 'T':
          value = bare((tech ??= wording(rng, techOf(family))));
          break;
        case 'q':
          value = rng.pick(QUALIFIERS);
          break;
        case 'n':
          value = rng.pick(TOOL_NOUNS);
          break;
        case 'x':
          value = wording(rng, aspectOf(other));
          break;
        case 'y':
          value = wording(rng, domainOf(other));
          break;
        case 'z':
          value = wording(rng, subjectOf(other));
          break;
        case 'p':
          value = this.voice.place;
          break;
        case 'o':
          value = this.voice.org;
          own = true;
          break;
        case 'k':
          own = this.terms.length > 0;
          value = own ? rng.pick(this.terms) : bare((subject ??= wording(rng, subjectOf(family))));
          break;
        default:
          throw new Error(`unknown template slot {${slot}}`);
      }
      // The document's own words are not in the lexicon: cased directly, spelled as listed.
      const cased = own
        ? casing === 'title'
          ? this.ownTitle(value)
          : value
        : lexical(value, casing, british);
      out += cased + parts[i + 1]!;
    }
    return out;
  }

  /**
   * A table name: a few candidates, keeping the one whose word count is closest to `words` (drawn
   * from the corpus's name lengths), in the document's case and spelling.
   */
  name(templates: readonly Compiled[], family: Family, other: Family, words: number): string {
    const casing: Casing = this.voice.sentenceCase ? 'plain' : 'title';
    let best = '';
    let bestGap = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && bestGap > 0; attempt++) {
      const text = this.fill(this.rng.pick(templates), family, other, casing);
      const gap = Math.abs(countWords(text) - words);
      if (gap < bestGap) {
        best = text;
        bestGap = gap;
      }
    }
    return sentenceCase(best);
  }

  /** A sentence of about `length` characters: a template, then clauses until it is long enough. */
  sentence(
    templates: readonly Compiled[],
    extensions: readonly Compiled[],
    family: Family,
    other: Family,
    length: number,
    stop: string,
  ): string {
    let text = this.fill(this.rng.pick(templates), family, other);
    let used = -1;
    for (let added = 0; added < 2 && text.length < length - 15; added++) {
      let pick = this.rng.int(extensions.length);
      if (pick === used) pick = (pick + 1) % extensions.length;
      used = pick;
      const clause = this.fill(extensions[pick]!, family, other);
      if (text.length + clause.length > Math.min(length + 15, 188)) break;
      text += clause;
    }
    return sentenceCase(text) + stop;
  }
}

export function countWords(text: string): number {
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) words++;
  return words;
}

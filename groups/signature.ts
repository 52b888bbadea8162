import { stemmer } from 'stemmer';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon.js';
import { americanSpelling } from './spelling.js';

/**
 * name → signature: the set of features (word stems) that the similarity rule compares.
 * fold (NFKC, quotes, acronyms, lower case, accents) → words → American spelling → Porter stem
 * (with overrides) → phrase synonyms → stop words and generic words removed.
 */

export interface Signature {
  /** Distinct features, sorted: Porter stems, or one compound such as "data_center". */
  features: readonly string[];
  /** Each feature as this name writes it (folded), for explanations: "energi" → "energy". */
  display: ReadonlyMap<string, string>;
  /** Words removed as stop words or generic words, in order of appearance. */
  dropped: readonly string[];
  /** Phrases the synonym table rewrote: "data centres → data center". */
  rewrites: readonly string[];
}

interface Phrase {
  stems: readonly string[];
  features: readonly string[];
  displays: readonly string[];
  to: string;
}

interface CompiledLexicon {
  stopWords: ReadonlySet<string>;
  genericStems: ReadonlySet<string>;
  /** Phrases by their first stem, longest first. */
  phrases: ReadonlyMap<string, readonly Phrase[]>;
  /** Fixed phrases as stems, by their first stem. */
  fixedPhrases: ReadonlyMap<string, readonly (readonly string[])[]>;
  stem(word: string): string;
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

export function foldText(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4]/g, "'")
      // Before lower-casing: "US" is the country, "us" a stop word.
      .replace(/(?<!\p{L})(?:U\.S\.(?:A\.)?|USA?(?!\p{L}))/gu, ' usa ')
      .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (acronym) => acronym.replaceAll('.', ''))
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/'s(?!\p{L})/gu, '')
      .replace(/&/g, ' and ')
  );
}

export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function compile(lexicon: Lexicon): CompiledLexicon {
  const cache = new Map<string, string>();
  const stem = (word: string): string => {
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      const american = americanSpelling(word);
      stemmed = lexicon.stemOverrides[american] ?? stemmer(american);
      cache.set(word, stemmed);
    }
    return stemmed;
  };
  const genericStems = new Set(lexicon.genericWords.flatMap((word) => words(word).map(stem)));
  const phrases = new Map<string, Phrase[]>();
  for (const [from, to] of Object.entries(lexicon.synonyms)) {
    const stems = words(from).map(stem);
    const targets = to.split(/\s+/).filter(Boolean);
    const first = stems[0];
    if (first === undefined || targets.length === 0) continue;
    const phrase: Phrase = {
      stems,
      features: targets.map((target) => target.split('_').flatMap(words).map(stem).join('_')),
      displays: targets.map((target) => target.replaceAll('_', ' ')),
      to: to.replaceAll('_', ' '),
    };
    const list = phrases.get(first) ?? [];
    list.push(phrase);
    list.sort((a, b) => b.stems.length - a.stems.length);
    phrases.set(first, list);
  }
  const fixedPhrases = new Map<string, string[][]>();
  for (const phrase of lexicon.fixedPhrases) {
    const stems = words(phrase).map(stem);
    if (stems.length < 2) continue;
    const list = fixedPhrases.get(stems[0]!) ?? [];
    list.push(stems);
    fixedPhrases.set(stems[0]!, list);
  }
  return { stopWords: lexicon.stopWords, genericStems, phrases, fixedPhrases, stem };
}

function compiledLexicon(lexicon: Lexicon): CompiledLexicon {
  let found = compiled.get(lexicon);
  if (!found) {
    found = compile(lexicon);
    compiled.set(lexicon, found);
  }
  return found;
}

/** A word's stem as the rule compares it (American spelling, Porter with the overrides). */
export function stemOf(word: string, lexicon: Lexicon = DEFAULT_LEXICON): string {
  return compiledLexicon(lexicon).stem(word);
}

function matchesAt(stems: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > stems.length) return false;
  return phrase.every((stem, offset) => stems[at + offset] === stem);
}

export function signature(text: string, lexicon: Lexicon = DEFAULT_LEXICON): Signature {
  const lex = compiledLexicon(lexicon);
  const written = words(text);
  const stems = written.map(lex.stem);
  const display = new Map<string, string>();
  const dropped: string[] = [];
  const rewrites: string[] = [];
  const keep = (feature: string, shown: string): void => {
    if (!display.has(feature)) display.set(feature, shown);
  };
  for (let at = 0; at < written.length;) {
    const word = written[at]!;
    const stem = stems[at]!;
    const phrase = lex.phrases.get(stem)?.find((candidate) => matchesAt(stems, at, candidate.stems));
    if (phrase) {
      const source = written.slice(at, at + phrase.stems.length).join(' ');
      if (source !== phrase.to) rewrites.push(`${source} → ${phrase.to}`);
      phrase.features.forEach((feature, index) => keep(feature, phrase.displays[index]!));
      at += phrase.stems.length;
      continue;
    }
    if (word.length < 2 || lex.stopWords.has(word) || lex.genericStems.has(stem)) dropped.push(word);
    else keep(stem, word);
    at += 1;
  }
  return { features: [...display.keys()].sort(), display, dropped, rewrites };
}

/**
 * The name as written without its generic words (and the stop words this leaves at either end):
 * "technology impact" → "technology", "Advances in medical imaging" → "medical imaging". A token
 * goes when every word in it is generic, unless it is part of a fixed phrase ("climate change",
 * "product development": lexicon `fixedPhrases`); the name is kept as written when nothing goes,
 * or when nothing else would be left.
 */
export function withoutGenericWords(text: string, lexicon: Lexicon = DEFAULT_LEXICON): string {
  const lex = compiledLexicon(lexicon);
  const tokens = text.split(/\s+/).filter(Boolean);
  const tokenWords = tokens.map((token) => words(token));
  // Every word with the token it came from, to find fixed phrases across tokens.
  const stems = tokenWords.flatMap((found) => found.map(lex.stem));
  const tokenOf = tokenWords.flatMap((found, token) => found.map(() => token));
  const inPhrase = new Set<number>();
  for (let at = 0; at < stems.length; at++) {
    const phrase = lex.fixedPhrases.get(stems[at]!)?.find((candidate) => matchesAt(stems, at, candidate));
    for (let offset = 0; offset < (phrase?.length ?? 0); offset++) inPhrase.add(tokenOf[at + offset]!);
  }
  const every = (token: number, test: (word: string) => boolean): boolean =>
    tokenWords[token]!.length > 0 && tokenWords[token]!.every(test);
  const kept = tokens
    .map((_, token) => token)
    .filter((token) => inPhrase.has(token) || !every(token, (word) => lex.genericStems.has(lex.stem(word))));
  if (kept.length === tokens.length) return text;
  const isStop = (token: number): boolean => every(token, (word) => lex.stopWords.has(word));
  while (kept.length > 0 && isStop(kept[0]!)) kept.shift();
  while (kept.length > 0 && isStop(kept.at(-1)!)) kept.pop();
  return kept.length > 0 ? kept.map((token) => tokens[token]).join(' ') : text;
}

import { eng, fra } from 'stopword';

/**
 * 'en' or 'fr' by counting stop words (the `stopword` package's lists) in the title, summary and
 * keywords; words on both lists (`a`, `as`, `me`, `on`) and one-letter tokens count for neither. A
 * language needs MIN_HITS stop words and RATIO times the other's count; otherwise it stays unknown.
 */
const MIN_HITS = 3;
const RATIO = 2;

const english = new Set(eng);
const french = new Set(fra);
const ENGLISH = new Set([...english].filter((word) => !french.has(word) && word.length > 1));
const FRENCH = new Set([...french].filter((word) => !english.has(word) && word.length > 1));

const WORD = /[\p{L}]+/gu;

export interface LanguageScore {
  en: number;
  fr: number;
}

export function stopWordScore(text: string): LanguageScore {
  let en = 0;
  let fr = 0;
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (ENGLISH.has(word)) en++;
    else if (FRENCH.has(word)) fr++;
  }
  return { en, fr };
}

export function detectLanguage(text: string): 'en' | 'fr' | undefined {
  const { en, fr } = stopWordScore(text);
  if (en >= MIN_HITS && en >= RATIO * fr) return 'en';
  if (fr >= MIN_HITS && fr >= RATIO * en) return 'fr';
  return undefined;
}

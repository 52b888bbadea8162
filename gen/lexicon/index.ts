import { ASPECTS, QUALIFIERS } from './aspects.js';
import { FRENCH_MODIFIERS, FRENCH_NOUNS, FRENCH_SENTENCES, FRENCH_TITLES } from './french.js';
import { HEAD_KEYWORDS, HEAD_THEMES } from './head-terms.js';
import {
  ACCENTED_FIRST,
  ACCENTED_LAST,
  ACCENTED_PLACES,
  FIRST_NAMES,
  LAST_NAMES,
  ORG_SUFFIXES,
  ORG_SYLLABLES,
  PAGE_SLUGS,
  PLACES,
  SITES,
} from './names.js';
import { TOPICS } from './topics.js';

/** A thing and its near-equivalent wordings, the usual one first. */
export type Variants = readonly string[];

export interface Topic {
  id: string;
  index: number;
  categories: readonly string[];
  subjects: readonly Variants[];
  domains: readonly Variants[];
  techs: readonly Variants[];
  nouns: readonly string[];
  modifiers: readonly string[];
  themes: readonly string[];
  /** Every wording of its subjects, domains and technologies, as list items (no leading "the"). */
  words: readonly string[];
}

const variants = (entry: string): Variants => entry.split('|');

export const TOPIC_LIST: readonly Topic[] = TOPICS.map((topic, index) => ({
  id: topic.id,
  index,
  categories: topic.categories,
  subjects: topic.subjects.map(variants),
  domains: topic.domains.map(variants),
  techs: topic.techs.map(variants),
  nouns: topic.nouns,
  modifiers: topic.modifiers,
  themes: topic.themes,
  words: [...topic.subjects, ...topic.domains, ...topic.techs].flatMap(variants).map(listItem),
}));

/** "the power grid" → "power grid"; a capital kept only where the word is a name or acronym. */
export function listItem(wording: string): string {
  const text = wording.replace(/^the /, '');
  return /^[A-Z][a-z]+( [a-z-]+)*$/.test(text) && !/^(Big|Gen|Moon|Earth)/.test(text)
    ? text.toLowerCase()
    : text;
}

export const ASPECT_LIST: readonly Variants[] = ASPECTS.map(variants);

export interface HeadTerm {
  name: string;
  /** Topic indexes it may appear in; empty means any. */
  topics: readonly number[];
}

function headTerms(entries: readonly string[]): readonly HeadTerm[] {
  const names = new Set<string>();
  const unique = entries.filter((entry) => {
    const name = entry.split(':')[0]!;
    if (names.has(name)) return false;
    names.add(name);
    return true;
  });
  return unique.map((entry) => {
    const [name, topics = ''] = entry.split(':');
    const ids = topics.split(' ').filter((id) => id !== '');
    return { name: name!, topics: ids.map((id) => TOPIC_LIST.findIndex((topic) => topic.id === id)) };
  });
}

export const HEAD = { Keywords: headTerms(HEAD_KEYWORDS), Themes: headTerms(HEAD_THEMES) } as const;

export {
  ACCENTED_FIRST,
  ACCENTED_LAST,
  ACCENTED_PLACES,
  FIRST_NAMES,
  FRENCH_MODIFIERS,
  FRENCH_NOUNS,
  FRENCH_SENTENCES,
  FRENCH_TITLES,
  LAST_NAMES,
  ORG_SUFFIXES,
  ORG_SYLLABLES,
  PAGE_SLUGS,
  PLACES,
  QUALIFIERS,
  SITES,
};

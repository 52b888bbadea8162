import {
  ACCENTED_FIRST,
  ACCENTED_LAST,
  ACCENTED_PLACES,
  FIRST_NAMES,
  FRENCH_MODIFIERS,
  FRENCH_NOUNS,
  LAST_NAMES,
  listItem,
} from '../lexicon/index.js';
import type { Rng } from '../prng.js';
import type { DocumentHead } from '../document-head.js';
import { domainOf, subjectOf } from './families.js';
import type { Vocabulary } from './vocabulary.js';

/** Share of keywords that restate the document's main subject or domain. */
const CONCEPT_SHARE = 0.04;

/** A name with an accent in it: in the corpus these are people, places and brands. */
function accented(rng: Rng): string {
  const roll = rng.float();
  if (roll < 0.4) return `${rng.pick(ACCENTED_FIRST)} ${rng.pick(LAST_NAMES)}`;
  if (roll < 0.8) return `${rng.pick(FIRST_NAMES)} ${rng.pick(ACCENTED_LAST)}`;
  return rng.pick(ACCENTED_PLACES);
}

function distinct(rng: Rng, count: number, draw: () => string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (let attempt = 0; items.length < count && attempt < count * 4 + 8; attempt++) {
    const item = draw();
    const key = item.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

function frenchTerm(rng: Rng): string {
  const noun = rng.pick(FRENCH_NOUNS);
  return rng.chance(0.3) ? `${noun} ${rng.pick(FRENCH_MODIFIERS)}` : noun;
}

/** A document's keywords or themes, in the order they are listed. */
export function drawList(rng: Rng, head: DocumentHead, vocabulary: Vocabulary, count: number): string[] {
  if (head.french) return distinct(rng, count, () => frenchTerm(rng));
  if (vocabulary.kind === 'Themes') return distinct(rng, count, () => vocabulary.draw(rng, head.topic));
  const concept = (): string =>
    listItem(rng.pick(rng.chance(0.5) ? subjectOf(head.anchor) : domainOf(head.anchor)));
  const keywords = distinct(rng, count, () =>
    rng.chance(CONCEPT_SHARE) ? concept() : vocabulary.draw(rng, head.topic),
  );
  if (head.markers.has('accented letter') && keywords.length > 0)
    keywords[rng.int(keywords.length)] = accented(rng);
  return keywords;
}

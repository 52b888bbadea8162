import type { GroupedLabel } from '../model/labels.js';
import { withoutGenericWords } from './signature.js';

/**
 * One rule per label (groups/README.md, "Concept groups"): a name joins a group's core when
 *   score = (1 − lexicalWeight) · cosine + lexicalWeight · words ≥ threshold,
 * where cosine compares the two names' embeddings (all-MiniLM-L6-v2) and words is the IDF-weighted
 * Jaccard of their lexical signatures (signature.ts). Candidates are each name's `neighbours`
 * nearest names by the vector index; nothing compares all pairs.
 *
 * The numbers were chosen on one half of the judged pairs and reported on the other (bench/concepts.ts).
 */
export interface ConceptRule {
  threshold: number;
  lexicalWeight: number;
  neighbours: number;
  /**
   * Embed the name without its generic words (signature.ts `withoutGenericWords`): theme and
   * keyword names are one to three words, so a frame word ("impact", "innovative", "development")
   * weighs as much as the subject; a fixed phrase that holds one ("climate change") is kept whole.
   * Issue names embedded so measured worse (BENCHMARKS.md).
   */
  embedWithoutGenericWords: boolean;
}

export const CONCEPT_RULES: Readonly<Record<GroupedLabel, ConceptRule>> = {
  // Tuned on fold A of the judged pairs (bench/concepts.ts --tune).
  Issue: { threshold: 0.65, lexicalWeight: 0.2, neighbours: 20, embedWithoutGenericWords: false },
  // Embedded without generic words, fixed phrases kept whole ("technology impact" → "technology",
  // "climate change" stays): 0.94 on B against 0.88 as written (BENCHMARKS.md); the words' Jaccard
  // then added nothing on A (w 0).
  Theme: { threshold: 0.71, lexicalWeight: 0, neighbours: 20, embedWithoutGenericWords: true },
  // No judged pairs: keywords are short names like themes, signals phrases like issues.
  Keyword: { threshold: 0.71, lexicalWeight: 0, neighbours: 20, embedWithoutGenericWords: true },
  Signal: { threshold: 0.65, lexicalWeight: 0.2, neighbours: 20, embedWithoutGenericWords: false },
};

/** The text a name of this label is embedded from (and a search text compared with them). */
export function embeddedText(label: GroupedLabel, name: string): string {
  return CONCEPT_RULES[label].embedWithoutGenericWords ? withoutGenericWords(name) : name;
}

export function conceptScore(
  rule: Pick<ConceptRule, 'threshold' | 'lexicalWeight'>,
  cosine: number,
  words: number,
): number {
  return (1 - rule.lexicalWeight) * cosine + rule.lexicalWeight * words;
}

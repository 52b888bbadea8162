import type { GroupedLabel } from '../model/labels.js';

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
}

export const CONCEPT_RULES: Readonly<Record<GroupedLabel, ConceptRule>> = {
  // Tuned on fold A of the judged pairs (bench/concepts.ts --tune).
  Issue: { threshold: 0.65, lexicalWeight: 0.2, neighbours: 20 },
  Theme: { threshold: 0.68, lexicalWeight: 0.1, neighbours: 20 },
  // No judged pairs: keywords are short names like themes, signals phrases like issues.
  Keyword: { threshold: 0.68, lexicalWeight: 0.1, neighbours: 20 },
  Signal: { threshold: 0.65, lexicalWeight: 0.2, neighbours: 20 },
};

export function conceptScore(rule: ConceptRule, cosine: number, words: number): number {
  return (1 - rule.lexicalWeight) * cosine + rule.lexicalWeight * words;
}

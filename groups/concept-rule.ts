import type { GroupedLabel } from '../model/labels.js';
import { withoutGenericWords } from './signature.js';

/**
 * One rule per label (groups/README.md, "Concept groups"): a name joins a group's core when
 *   score = (1 − lexicalWeight) · cosine + lexicalWeight · words ≥ threshold,
 * where cosine compares the two names' embeddings (all-MiniLM-L6-v2; with `compareHeads`, the
 * highest of cos(a, b), cos(head a, b) and cos(a, head b)) and words is the IDF-weighted Jaccard of
 * their lexical signatures (signature.ts). Candidates are each name's (and head's) `neighbours`
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
  /**
   * Also compare each name's head with the other name (headOf): a pair's cosine is
   * max(cos(a, b), cos(head a, b), cos(a, head b)). Issue names wrap a subject in a frame and a
   * setting ("Mental Health Risks in AI Training Roles"), and the same subject in another frame
   * meets it through its head ("Mental Health"). Measured on the judged issue pairs (BENCHMARKS.md).
   */
  compareHeads: boolean;
}

export const CONCEPT_RULES: Readonly<Record<GroupedLabel, ConceptRule>> = {
  // Tuned on fold A of the judged pairs (bench/concepts.ts --tune), heads compared: 0.73 (P 0.92)
  // on B against 0.71 (P 0.85) without heads (BENCHMARKS.md); tuned on B, the same numbers.
  Issue: {
    threshold: 0.69,
    lexicalWeight: 0.1,
    neighbours: 20,
    embedWithoutGenericWords: false,
    compareHeads: true,
  },
  // Embedded without generic words, fixed phrases kept whole ("technology impact" → "technology",
  // "climate change" stays): 0.94 on B against 0.88 as written (BENCHMARKS.md); the words' Jaccard
  // then added nothing on A (w 0).
  Theme: {
    threshold: 0.71,
    lexicalWeight: 0,
    neighbours: 20,
    embedWithoutGenericWords: true,
    compareHeads: false,
  },
  // No judged pairs: keywords are short names like themes, signals phrases like issues (heads
  // not measured for them: they keep the issues' rule from before heads).
  Keyword: {
    threshold: 0.71,
    lexicalWeight: 0,
    neighbours: 20,
    embedWithoutGenericWords: true,
    compareHeads: false,
  },
  Signal: {
    threshold: 0.65,
    lexicalWeight: 0.2,
    neighbours: 20,
    embedWithoutGenericWords: false,
    compareHeads: false,
  },
};

/** The text a name of this label is embedded from (and a search text compared with them). */
export function embeddedText(label: GroupedLabel, name: string): string {
  return ruleText(CONCEPT_RULES[label], name);
}

export function ruleText(rule: Partial<Pick<ConceptRule, 'embedWithoutGenericWords'>>, name: string): string {
  return rule.embedWithoutGenericWords ? withoutGenericWords(name) : name;
}

/** Where a head ends: the first preposition or "and". */
const HEAD_ENDS = new Set(
  (
    'about above across after against along amid amidst among amongst and around as at before behind ' +
    'below beneath beside besides between beyond by despite during for from in inside into like near ' +
    'of off on onto over per since through throughout to toward towards under until upon versus via vs ' +
    'with within without'
  ).split(' '),
);

/**
 * The head of a name: the name without its generic words (fixed phrases kept, signature.ts
 * `withoutGenericWords`), up to its first preposition or "and": "Mental Health Risks in AI Training
 * Roles" → "Mental Health", "Impact of AI on Jobs" → "AI". Null when nothing comes before the cut.
 */
export function headOf(name: string): string | null {
  const kept: string[] = [];
  for (const token of withoutGenericWords(name).split(/\s+/).filter(Boolean)) {
    const word = token.toLowerCase().replace(/[^\p{L}\p{N}&]/gu, '');
    if (HEAD_ENDS.has(word) || word === '&') break;
    kept.push(token);
  }
  const head = kept.join(' ').replace(/[\s,;:.\u2013\u2014-]+$/u, '');
  return head === '' ? null : head;
}

/**
 * The second text a name of this label is embedded from: its head, for a rule that compares heads,
 * unless the head is the text already embedded (then there is no second vector).
 */
export function embeddedHead(label: GroupedLabel, name: string): string | null {
  return ruleHead(CONCEPT_RULES[label], name);
}

export function ruleHead(
  rule: Partial<Pick<ConceptRule, 'embedWithoutGenericWords' | 'compareHeads'>>,
  name: string,
): string | null {
  if (!rule.compareHeads) return null;
  const head = headOf(name);
  return head === null || head === ruleText(rule, name) ? null : head;
}

export function conceptScore(
  rule: Pick<ConceptRule, 'threshold' | 'lexicalWeight'>,
  cosine: number,
  words: number,
): number {
  return (1 - rule.lexicalWeight) * cosine + rule.lexicalWeight * words;
}

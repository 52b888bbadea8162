import { cyrb53Lanes } from '../model/text-hash.js';

/** The words each IN_GROUP relationship carries: why this issue is in this group. */

export function quoteWords(words: readonly string[]): string {
  return words.map((word) => `'${word}'`).join(', ');
}

export function formatSimilarity(similarity: number): string {
  return similarity.toFixed(2);
}

export function memberReason(shared: readonly string[], coreName: string, similarity: number): string {
  return `shares ${quoteWords(shared)} with the group's core "${coreName}" (similarity ${formatSimilarity(similarity)})`;
}

export function coreReason(words: readonly string[], others: number, threshold: number): string {
  return others === 0
    ? `no other issue reaches similarity ${formatSimilarity(threshold)} with its words ${quoteWords(words)}`
    : `the group's core: ${others} other issue${others === 1 ? '' : 's'} match${others === 1 ? 'es' : ''} its words ${quoteWords(words)} at similarity ${formatSimilarity(threshold)} or more`;
}

export function emptyReason(dropped: readonly string[]): string {
  return dropped.length === 0
    ? 'no words to compare: kept on its own'
    : `no words left to compare once stop and generic words (${quoteWords(dropped)}) are dropped: kept on its own`;
}

export interface ConceptMatch {
  core: string;
  cosine: number;
  shared: readonly string[];
  score: number;
  /** The pair met through a head: the member's own, or the core's (concept-rule.ts `compareHeads`). */
  head?: { text: string; of: 'member' | 'core' };
  /** Member and core were embedded from this same text (generic words dropped): cosine 1 by identity. */
  sameText?: string;
}

/** Why a name is in a concept group: its meaning, and the words it shares, if any. */
export function conceptMemberReason(match: ConceptMatch): string {
  const { core, cosine, shared, score, head, sameText } = match;
  const words = shared.length > 0 ? `shares ${quoteWords(shared)}` : 'no word in common';
  if (sameText !== undefined) {
    const as =
      sameText === core ? `the same text as the group's core "${core}"` : `as is the group's core "${core}"`;
    return `embedded as "${sameText}", ${as} (${words}; score ${formatSimilarity(score)})`;
  }
  const evidence = `(cosine ${formatSimilarity(cosine)}, ${words}; score ${formatSimilarity(score)})`;
  if (head?.of === 'member')
    return `its head "${head.text}" is close in meaning to the group's core "${core}" ${evidence}`;
  if (head?.of === 'core')
    return `close in meaning to "${head.text}", the head of the group's core "${core}" ${evidence}`;
  return `close in meaning to the group's core "${core}" ${evidence}`;
}

export function conceptCoreReason(others: number, threshold: number): string {
  return others === 0
    ? `no other name scores ${formatSimilarity(threshold)} or more with it`
    : `the group's core: ${others} other name${others === 1 ? '' : 's'} score${others === 1 ? 's' : ''} ${formatSimilarity(threshold)} or more with it, by meaning and shared words`;
}

/**
 * A 53-bit hash of a reason (cyrb53: two 32-bit multiply-xor lanes), to tell whether a stored
 * reason changed without holding its text.
 */
export function reasonHash(reason: string): number {
  const [h1, h2] = cyrb53Lanes(reason);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

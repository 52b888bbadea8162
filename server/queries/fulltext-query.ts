/**
 * A user's search text → a Lucene query for the `search_names` full-text index. The text is cut
 * into words the way the index's analyser cuts names (letters and digits; apostrophes inside a
 * word), every word is escaped, and each must match as a whole word or as a prefix, so results
 * follow the typing ("artif" finds "artificial intelligence").
 */

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
/** More words than this adds nothing to a name search and only slows Lucene down. */
const MAX_WORDS = 12;

export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, '\\$&');
}

/** The words of a name or of a search text, lower case, as the index's analyser sees them. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/['’]+$/u, ''));
}

/** Null when the text holds no word at all (only punctuation, say). */
export function fulltextQuery(text: string): string | null {
  const words = searchWords(text).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  // Lower case also keeps AND/OR/NOT from acting as operators.
  return words
    .map((word) => escapeLucene(word))
    .map((word) => `(${word} OR ${word}*)`)
    .join(' AND ');
}

/**
 * One topic cluster of the synthetic collection. In every list, `|` separates near-equivalent
 * wordings of one thing (the usual one first): a family of names is built from one subject, one
 * domain and one aspect, and each mention picks its own wording, so names recur as near-equivalent
 * phrasings rather than as the same string.
 */
export interface TopicData {
  id: string;
  /** Other-section categories a document of this topic can be filed under. */
  categories: readonly string[];
  /** What acts or changes. */
  subjects: readonly string[];
  /** Where it acts: sectors, groups, places. */
  domains: readonly string[];
  /** Technology names (Technologies tables). */
  techs: readonly string[];
  /** Nouns and noun phrases that keywords are built from. */
  nouns: readonly string[];
  /** Adjectives that make keywords and themes specific. */
  modifiers: readonly string[];
  /** Broad subjects that themes are built from. */
  themes: readonly string[];
}

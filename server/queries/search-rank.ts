import type { SearchResult } from '../../model/index.js';
import { searchWords } from './fulltext-query.js';

/**
 * The order of type-ahead results. The full-text index scores a word matched only by its
 * beginning ("artif") the same in every name, so its order says nothing about "artif intel"; and
 * among whole words it favours names that repeat them. A person typing the start of a name wants
 * that name first, and the shortest such names before longer ones. So, in this order:
 *
 * 1. the name that is the text (case and spacing aside);
 * 2. names where more of the typed words are whole words ("AI act" before "airlines" for "ai");
 * 3. names that begin with the text: their first words begin with the typed words, in order
 *    ("artificial intelligence" for "artif intel", before "generative artificial intelligence");
 * 4. names of fewer words;
 * 5. the index's score, then the node of more articles (a theme before a keyword of the same
 *    name, when it has more), then the shorter name, then alphabetical.
 *
 * Names that do not match every typed word (by a word's beginning) are dropped.
 */
export function rankSearchResults(
  text: string,
  candidates: readonly (SearchResult & { articleCount?: number })[],
): SearchResult[] {
  const wanted = searchWords(text);
  if (wanted.length === 0) return [];
  const ranked = candidates.flatMap((result) => {
    const words = searchWords(result.name);
    if (!wanted.every((want) => words.some((word) => word.startsWith(want)))) return [];
    return [
      {
        result,
        exact: words.join(' ') === wanted.join(' '),
        whole: wanted.filter((want) => words.includes(want)).length,
        begins: wanted.every((want, i) => words[i]?.startsWith(want)),
        words: words.length,
      },
    ];
  });
  return ranked
    .sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        b.whole - a.whole ||
        Number(b.begins) - Number(a.begins) ||
        a.words - b.words ||
        b.result.score - a.result.score ||
        (b.result.articleCount ?? 0) - (a.result.articleCount ?? 0) ||
        a.result.name.length - b.result.name.length ||
        a.result.name.localeCompare(b.result.name) ||
        a.result.id.localeCompare(b.result.id),
    )
    .map(({ result: { id, label, name, score } }) => ({ id, label, name, score }));
}

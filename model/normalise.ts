/**
 * The key rule of DESIGN.md: NFKC, case-folded, curly quotes and dashes to ASCII, whitespace
 * collapsed, leading/trailing punctuation and spaces trimmed. Nothing else: near-equivalent names
 * are grouped by a separate, explainable layer, never merged here.
 */

const QUOTES_AND_DASHES: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
];

const EDGE_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;

export function normaliseKey(name: string): string {
  let text = name.normalize('NFKC').toLowerCase();
  for (const [pattern, ascii] of QUOTES_AND_DASHES) text = text.replace(pattern, ascii);
  return text.replace(/\s+/gu, ' ').replace(EDGE_PUNCTUATION, '');
}

import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../model/index.js';
import { escapeLucene, fulltextQuery } from '../../server/queries/fulltext-query.js';
import { rankSearchResults } from '../../server/queries/search-rank.js';

describe('escapeLucene', () => {
  it('escapes every character Lucene gives a meaning', () => {
    const special = '+-!(){}[]^"~*?:\\/&|';
    expect(escapeLucene(special)).toBe([...special].map((c) => `\\${c}`).join(''));
    expect(escapeLucene('plain words')).toBe('plain words');
  });
});

describe('fulltextQuery', () => {
  it('asks for every word, whole or as a prefix', () => {
    expect(fulltextQuery('Artif Intel')).toBe('(artif OR artif*) AND (intel OR intel*)');
  });

  it('keeps operators and syntax from acting', () => {
    expect(fulltextQuery('AI OR (regulation')).toBe(
      '(ai OR ai*) AND (or OR or*) AND (regulation OR regulation*)',
    );
    expect(fulltextQuery('title:heat~2 NOT x')).toBe(
      '(title OR title*) AND (heat OR heat*) AND (2 OR 2*) AND (not OR not*) AND (x OR x*)',
    );
  });

  it('keeps apostrophes and letters of any script inside words', () => {
    expect(fulltextQuery("children's télétravail")).toBe(
      "(children's OR children's*) AND (télétravail OR télétravail*)",
    );
    expect(fulltextQuery("rock'n'")).toBe("(rock'n OR rock'n*)");
  });

  it('gives null when there is no word at all', () => {
    for (const text of ['', '   ', '*:*', '"()"', '\\']) expect(fulltextQuery(text)).toBeNull();
  });

  it('uses at most twelve words', () => {
    const query = fulltextQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))!;
    expect(query.split(' AND ')).toHaveLength(12);
  });
});

describe('rankSearchResults', () => {
  const result = (name: string, score = 1, label: SearchResult['label'] = 'Theme'): SearchResult => ({
    id: `${label}:${encodeURIComponent(name.toLowerCase())}`,
    label,
    name,
    score,
  });
  const names = (text: string, candidates: SearchResult[]) =>
    rankSearchResults(text, candidates).map((r) => r.name);

  it('puts the short name that begins with the typed words first, whatever the index scored', () => {
    // As the index answers "artif intel": every prefix-only match scores the same.
    const candidates = [
      'Chief Digital and Artificial Intelligence Office',
      'The Misleading Myth of Artificial Intelligence',
      'Artificial Intelligence for Political Analysis',
      'generative artificial intelligence',
      'Artificial Intelligence (AI)',
      'artificial intelligence',
    ].map((name) => result(name, 2));
    expect(names('artif intel', candidates)).toEqual([
      'artificial intelligence',
      'Artificial Intelligence (AI)',
      'Artificial Intelligence for Political Analysis',
      'generative artificial intelligence',
      'The Misleading Myth of Artificial Intelligence',
      'Chief Digital and Artificial Intelligence Office',
    ]);
  });

  it('ranks the exact name first, then names with the typed words whole, then by their beginning', () => {
    const candidates = [
      result('airlines', 0),
      result('AI act', 2.2),
      result('Generative AI', 2.2),
      result('AI', 2.4),
    ];
    expect(names('ai', candidates)).toEqual(['AI', 'AI act', 'Generative AI', 'airlines']);
  });

  it('puts the node of more articles first among equal names, and drops names missing a word', () => {
    const keyword = { ...result('energy', 3, 'Keyword'), articleCount: 2 };
    const theme = { ...result('energy', 3, 'Theme'), articleCount: 9 };
    const ranked = rankSearchResults('energy', [keyword, theme, result('climate', 5)]);
    expect(ranked.map((r) => r.id)).toEqual([theme.id, keyword.id]);
    expect(ranked[0]).toEqual({ id: theme.id, label: 'Theme', name: 'energy', score: 3 });
  });
});

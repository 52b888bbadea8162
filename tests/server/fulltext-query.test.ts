import { describe, expect, it } from 'vitest';
import { escapeLucene, fulltextQuery } from '../../server/queries/fulltext-query.js';

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

import { describe, expect, it } from 'vitest';
import { articleRows, entityKey } from '../../ingest/rows.js';
import type { ArticleRecord } from '../../model/index.js';

const article: ArticleRecord = {
  id: 'abc',
  file: 'abc.md',
  title: 'A title',
  url: 'https://example.org/a',
  page: '20250420',
  pageUrl: 'https://kghosh.substack.com/p/20250420',
  date: '2025-04-20',
  category: 'technology',
  layout: 'new',
  keywords: ['AI', 'ai ', 'Data Centres'],
  themes: ['energy'],
  signals: [
    { name: 'Grid strain', description: 'd', change: 'c', tenYear: 't', drivingForce: 'f', relevancy: 4 },
  ],
  concerns: [],
  behaviors: [],
  technologies: [{ name: 'SMRs', description: 'small reactors', src: 'abc' }],
  issues: [
    { name: 'Same row', description: 'first' },
    { name: 'Same row', description: 'second' },
  ],
  closest: [{ id: 'def', title: 'Other', rank: 1 }],
  contentHash: 'a'.repeat(64),
};

describe('article rows', () => {
  it('keys entities by the normalised name and keeps the display name as written', () => {
    const rows = articleRows(article);
    expect(rows.facts.Keyword.map((f) => [f.key, f.name])).toEqual([
      ['ai', 'AI'],
      ['ai', 'ai'],
      ['data centres', 'Data Centres'],
    ]);
    expect(rows.facts.Category).toEqual([
      {
        articleId: 'abc',
        key: 'technology',
        name: 'technology',
        countsArticle: 1,
        props: { name: 'technology' },
      },
    ]);
    expect(rows.facts.Keyword.map((f) => f.props.name)).toEqual(['AI', 'ai', 'Data Centres']);
  });

  it('counts the article once per entity, on its first row', () => {
    const rows = articleRows(article);
    expect(rows.facts.Keyword.map((f) => [f.key, f.countsArticle])).toEqual([
      ['ai', 1],
      ['ai', 0],
      ['data centres', 1],
    ]);
  });

  it('keeps every cell, and each repeated row as its own fact with its position', () => {
    const rows = articleRows(article);
    expect(rows.facts.Signal[0]!.props).toEqual({
      name: 'Grid strain',
      position: 0,
      description: 'd',
      change: 'c',
      tenYear: 't',
      drivingForce: 'f',
      relevancy: 4,
    });
    expect(rows.facts.Technology[0]!.props).toEqual({
      name: 'SMRs',
      position: 0,
      description: 'small reactors',
      src: 'abc',
    });
    expect(rows.facts.Issue.map((f) => f.props)).toEqual([
      { name: 'Same row', position: 0, description: 'first' },
      { name: 'Same row', position: 1, description: 'second' },
    ]);
  });

  it('leaves absent values out instead of storing empty ones', () => {
    const props = articleRows(article).article.props;
    expect(props).not.toHaveProperty('summary');
    expect(Object.values(props)).not.toContain(undefined);
    expect(articleRows({ ...article, page: undefined }).page).toBeNull();
  });

  it('gives a name that is all punctuation a key of its own', () => {
    expect(entityKey('—')).toBe('—');
    expect(entityKey(' “Quoted” ')).toBe('quoted');
  });
});

import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../ingest/parse/language.js';
import { pageDate } from '../../ingest/parse/page-date.js';
import { parseDocument } from '../../ingest/parse/index.js';

describe('pageDate', () => {
  it.each([
    ['20250420', '2025-04-20'],
    ['20250518d', '2025-05-18'],
    ['20251231-a-yearly-review', '2025-12-31'],
    ['20290911', '2029-09-11'],
    ['20240229', '2024-02-29'],
    ['20230229', undefined],
    ['20251345', undefined],
    ['20250400', undefined],
    ['00000101', undefined],
    ['2724.0', undefined],
    ['4320.0', undefined],
    ['202504201', undefined],
    ['a20250420', undefined],
  ])('%s → %s', (page, date) => {
    expect(pageDate(page)).toBe(date);
  });
});

describe('detectLanguage', () => {
  it('says en or fr when the stop words agree, and nothing when there are too few', () => {
    expect(detectLanguage('The grid is under strain and the operators have warned of the risks.')).toBe('en');
    expect(detectLanguage('Le réseau est sous tension et les opérateurs ont alerté sur les risques.')).toBe(
      'fr',
    );
    expect(detectLanguage('Heat pumps')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
  });
});

describe('lists split into single characters', () => {
  const doc = (bullets: string[]): string[] => {
    const text = `# __T__\n\n## Keywords\n\n${bullets.map((b) => `* ${b}`).join('\n')}\n`;
    const result = parseDocument({ file: 't.md', id: 't', bytes: new TextEncoder().encode(text) });
    return result.article!.keywords;
  };

  it('joins characters, including `-`, `*` and `#` that markdown would read as blocks', () => {
    expect(doc(['a', '-', 'b', ',', ' ', '#', '*', '+'])).toEqual(['a-b', '#*+']);
  });

  it('leaves a short list of single letters alone unless it holds a separator', () => {
    expect(doc(['C', 'R', 'X'])).toEqual(['C', 'R', 'X']);
    expect(doc(['C', ',', 'R'])).toEqual(['C', 'R']);
  });

  it('keeps an ordinary list, ignoring an empty bullet with a warning', () => {
    const text = '# __T__\n\n## Themes\n\n* energy\n* \n* grids\n';
    const result = parseDocument({ file: 't.md', id: 't', bytes: new TextEncoder().encode(text) });
    expect(result.article!.themes).toEqual(['energy', 'grids']);
    expect(result.warnings).toMatchObject([{ code: 'empty-item', line: 6 }]);
  });
});

describe('content the parser keeps raw', () => {
  it('ignores a line of only no-break spaces instead of keeping an empty extra section (found by fuzzing)', () => {
    const text =
      '# __A Title__, from ([20250101](https://kghosh.substack.com/p/20250101).)\n\u00a0\n\n## Keywords\n\n\u00a0\u2003\n\n* one\n';
    const result = parseDocument({ file: 'nbsp.md', id: 'nbsp', bytes: new TextEncoder().encode(text) });
    expect(result.error).toBeNull();
    expect(result.article!.keywords).toEqual(['one']);
    expect(result.article!.extraSections).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });
});

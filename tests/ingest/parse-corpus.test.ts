import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParseResult } from '../../ingest/parse/index.js';
import { countFacts, type ArticleRecord, type FactCounts } from '../../model/index.js';
import {
  CORPUS_DIR,
  CORPUS_PRESENT,
  PARSE_FIXTURES_DIR,
  SEEDS_DIR,
  withoutCorpus,
} from '../support/paths.js';

/**
 * Every document parses, and what the parser found agrees with what a dumb line-by-line reading
 * of the source finds: table rows are lines starting with `|` minus header and delimiter, bullets are
 * lines starting with `* `. The two readings share no code. Run on the seeds and our fixtures of
 * the real layouts always, and on the real corpus when it is beside the project.
 */

interface Doc {
  dir: 'corpus' | 'seeds' | 'fixtures';
  name: string;
  id: string;
  text: string;
  result: ParseResult;
}

function readDocs(dir: string, label: Doc['dir']): Doc[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(md|txt)$/.test(name))
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name));
      const id = name.replace(/\.(md|txt)$/, '');
      return {
        dir: label,
        name,
        id,
        text: bytes.toString('utf8'),
        result: parseDocument({ file: name, id, bytes }),
      };
    });
}

/**
 * The fixtures a dumb reading can follow: the variants the real corpus shows. The others are made
 * to break such a reading (unknown columns, malformed tables, markup and escaped pipes in cells,
 * invalid relevancy, a title without underscores) and have only their expected records.
 */
const REAL_LAYOUT_FIXTURES = new Set([
  'empty-closest',
  'french',
  'nameless-technologies',
  'new-layout',
  'no-relevancy',
  'odd-cells',
  'old-layout',
  'page-letter',
  'page-slug',
  'page-space',
  'seed-layout',
  'short-layout-split-list',
  'short-layout-split-themes',
  'unicode-cells',
]);

const noCorpus = withoutCorpus('the parse of the 100 real digests');
const corpus = CORPUS_PRESENT ? readDocs(CORPUS_DIR, 'corpus') : [];
const seeds = readDocs(SEEDS_DIR, 'seeds');
const fixtures = readDocs(PARSE_FIXTURES_DIR, 'fixtures').filter((doc) => REAL_LAYOUT_FIXTURES.has(doc.id));
const all = [...corpus, ...seeds, ...fixtures];
const defaultCorpus = CORPUS_PRESENT && process.env.HORIZON_CORPUS === undefined;

/** The source cut at `## ` lines; section names lowercased. */
function sourceSections(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const heading = /^## +(.+?)\s*$/.exec(line);
    if (heading) sections.set(heading[1]!.toLowerCase(), (current = []));
    else current.push(line);
  }
  return sections;
}

const DELIMITER_ROW = /^\|(\s*:?-+:?\s*\|)+\s*$/;
const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
/** Letters and digits only, lowercased: compares names without caring about markup or escapes. */
const loose = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function tableFromSource(lines: string[] = []): { rows: number; names: string[] } {
  const pipeLines = lines.filter((line) => line.startsWith('|'));
  const tables = pipeLines.filter((line) => DELIMITER_ROW.test(line)).length;
  const header = pipeLines[0] ? cellsOf(pipeLines[0]).map(loose) : [];
  let nameColumn = header.findIndex((cell) => cell === 'name' || cell === 'signal');
  if (nameColumn === -1) nameColumn = header.indexOf('description');
  const body = pipeLines.filter((line, index) => index > 1 && !DELIMITER_ROW.test(line));
  return {
    rows: pipeLines.length - 2 * tables,
    names: body.map((line) => loose(cellsOf(line)[nameColumn] ?? '')),
  };
}

function bulletsFromSource(lines: string[] = []): { items: string[]; split: boolean } {
  const bullets = lines.filter((line) => /^\*( |$)/.test(line)).map((line) => line.slice(2));
  const split = bullets.length > 3 && bullets.every((bullet) => [...bullet].length <= 1);
  if (split) {
    const items = bullets
      .map((char) => char || ' ')
      .join('')
      .split(',')
      .map((item) => item.trim());
    return { items: items.filter(Boolean), split };
  }
  return { items: bullets.map((bullet) => bullet.trim()).filter(Boolean), split };
}

function closestFromSource(lines: string[] = [], id: string): string[] {
  const ids = lines.flatMap((line) => /^\* \[.*\]\(([^)]+)\)\s*$/.exec(line)?.[1] ?? []);
  return [...new Set(ids.filter((target) => target !== id))];
}

function countsFromSource(doc: Doc): FactCounts {
  const sections = sourceSections(doc.text);
  const rows = (name: string): number => tableFromSource(sections.get(name)).rows;
  return {
    keywords: bulletsFromSource(sections.get('keywords')).items.length,
    themes: bulletsFromSource(sections.get('themes')).items.length,
    signals: rows('signals'),
    concerns: rows('concerns'),
    behaviors: rows('behaviors'),
    technologies: rows('technologies'),
    issues: rows('issues'),
    closest: closestFromSource(sections.get('closest'), doc.id).length,
  };
}

const article = (doc: Doc): ArticleRecord => {
  expect(doc.result.error, `${doc.dir}/${doc.name}: ${doc.result.error?.message}`).toBeNull();
  return doc.result.article!;
};

describe(`the seeds, our fixtures${CORPUS_PRESENT ? ' and the real corpus' : ''}`, () => {
  it('finds the documents', () => {
    expect(seeds.length).toBeGreaterThan(0);
    expect(fixtures).toHaveLength(REAL_LAYOUT_FIXTURES.size);
  });

  it.skipIf(noCorpus)('finds the real corpus', () => {
    expect(corpus.length).toBeGreaterThan(0);
    if (defaultCorpus) expect(corpus).toHaveLength(100);
  });

  it.each(all.map((doc) => [`${doc.dir}/${doc.name}`, doc] as const))('%s parses without error', (_, doc) => {
    expect(doc.result.error).toBeNull();
    expect(doc.result.article).not.toBeNull();
    expect(doc.result.layout).toBe(doc.result.article!.layout);
  });

  it.each(all.map((doc) => [`${doc.dir}/${doc.name}`, doc] as const))(
    '%s has the facts a line-by-line reading counts',
    (_, doc) => {
      expect(countFacts(article(doc))).toEqual(countsFromSource(doc));
    },
  );

  it('gives every table row the name its source line holds', () => {
    for (const doc of all) {
      const record = article(doc);
      const sections = sourceSections(doc.text);
      for (const kind of ['signals', 'concerns', 'behaviors', 'technologies', 'issues'] as const) {
        const fromSource = tableFromSource(sections.get(kind)).names;
        expect(
          record[kind].map((row) => loose(row.name)),
          `${doc.name} ${kind}`,
        ).toEqual(fromSource);
      }
      for (const kind of ['keywords', 'themes'] as const) {
        const fromSource = bulletsFromSource(sections.get(kind)).items.map(loose);
        expect(record[kind].map(loose), `${doc.name} ${kind}`).toEqual(fromSource);
      }
    }
  });

  it('reads the title, the page and the external link of the document head', () => {
    for (const doc of all) {
      const record = article(doc);
      const line1 = doc.text.replace(/^\uFEFF/, '').split('\n', 1)[0]!;
      const title = /^# __(.+?)__/.exec(line1)?.[1];
      if (title !== undefined) expect(record.title, doc.name).toBe(title.trim());
      const page = /\[([^\]]+)\]\(([^)]+)\)/.exec(line1);
      expect(record.page, doc.name).toBe(page?.[1]?.trim());
      expect(record.pageUrl, doc.name).toBe(page?.[2]?.trim());
      if (record.date) expect(record.page!.slice(0, 8)).toBe(record.date.replace(/-/g, ''));
      else
        expect(record.page ?? '', doc.name).not.toMatch(/^20\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/);
      const external = /^__\[External link\]\((\S+)\)__\s*$/m.exec(doc.text);
      expect(record.url, doc.name).toBe(external?.[1]);
    }
  });

  it('knows every layout: only new, old, short and seed occur, and each does', () => {
    const layouts = new Set(all.map((doc) => article(doc).layout));
    expect([...layouts].sort()).toEqual(['new', 'old', 'seed', 'short']);
  });

  it('repairs the lists split into single characters, with a warning', () => {
    const split = all.filter((doc) => {
      const sections = sourceSections(doc.text);
      return (
        bulletsFromSource(sections.get('keywords')).split || bulletsFromSource(sections.get('themes')).split
      );
    });
    if (defaultCorpus) expect(split.filter((doc) => doc.dir === 'corpus')).toHaveLength(3);
    expect(split.filter((doc) => doc.dir === 'fixtures').map((doc) => doc.id)).toEqual([
      'short-layout-split-list',
      'short-layout-split-themes',
    ]);
    for (const doc of split) {
      const record = article(doc);
      expect(doc.result.warnings.some((w) => w.code === 'split-list-repaired')).toBe(true);
      expect([...record.keywords, ...record.themes].every((item) => item.length > 1)).toBe(true);
    }
    const repairedElsewhere = all.filter(
      (doc) => !split.includes(doc) && doc.result.warnings.some((w) => w.code === 'split-list-repaired'),
    );
    expect(repairedElsewhere).toEqual([]);
  });

  it('tells French from English', () => {
    const french = [...seeds, ...fixtures].filter((doc) => article(doc).language === 'fr');
    expect(french.map((doc) => doc.id)).toEqual(['6ae61b008edb065d70f48914fb3774a2', 'french']);
  });

  it.skipIf(!defaultCorpus)('finds the corpus’s two French documents, and English everywhere else', () => {
    const french = corpus.filter((doc) => article(doc).language === 'fr').map((doc) => doc.id);
    expect(french).toEqual(['02fb3bbda0ef6d8e6012bc8a40ff6b1f', '0535515f49dead35fe74d4edac3496d3']);
    expect(
      corpus.filter((doc) => article(doc).language !== 'fr').every((doc) => article(doc).language === 'en'),
    ).toBe(true);
  });

  it.skipIf(!defaultCorpus)(
    'warns about nothing in the corpus but the split lists and the empty bullet',
    () => {
      const codes = corpus.flatMap((doc) => doc.result.warnings.map((w) => w.code));
      expect(codes.filter((code) => code === 'split-list-repaired')).toHaveLength(6);
      expect(codes.filter((code) => code === 'empty-item')).toHaveLength(1);
      expect(codes).toHaveLength(7);
    },
  );

  it('drops self-links and repeats from Closest and ranks the rest 1..n', () => {
    for (const doc of all) {
      const { closest, id } = article(doc);
      expect(closest.map((link) => link.rank)).toEqual(closest.map((_, index) => index + 1));
      expect(closest.some((link) => link.id === id)).toBe(false);
      expect(new Set(closest.map((link) => link.id)).size).toBe(closest.length);
    }
  });
});

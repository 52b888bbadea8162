import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutOf, listItems, sectionOf, splitDocument, type GeneratedDocument } from '../../gen/index.js';
import { PROJECT_ROOT } from '../../db/config.js';
import { generate } from './helpers.js';

/**
 * The real parser (ingest/parse) reads 500 generated documents: none may fail, and each must be
 * read in the layout it was generated in. Until that parser exists, the line-based reading of
 * gen/measure checks the same things.
 */
const PARSER = path.join(PROJECT_ROOT, 'ingest/parse/index.ts');

interface Parsed {
  layout: string | null;
  error: unknown;
  keywords: string[];
  language?: string;
  signals: number;
}

type Parse = (doc: GeneratedDocument) => Parsed;

/** The parser's API as its brief states it, so this test compiles whether or not it exists yet. */
interface ParserModule {
  parseDocument(input: { file: string; id: string; bytes: Uint8Array }): {
    article: { keywords: string[]; language?: string; signals: unknown[] } | null;
    layout: string | null;
    error: unknown;
  };
}

let docs: GeneratedDocument[];
let parsed: Parsed[];
let parser: 'ingest/parse' | 'line-based';

beforeAll(async () => {
  docs = generate('parse', 500);
  let parse: Parse;
  if (fs.existsSync(PARSER)) {
    const module = (await import(PARSER)) as ParserModule;
    parser = 'ingest/parse';
    parse = (doc) => {
      const result = module.parseDocument({ file: doc.file, id: doc.id, bytes: Buffer.from(doc.text) });
      return {
        layout: result.layout,
        error: result.error,
        keywords: result.article?.keywords ?? [],
        language: result.article?.language,
        signals: result.article?.signals.length ?? 0,
      };
    };
  } else {
    parser = 'line-based';
    parse = (doc) => {
      const raw = splitDocument(doc.text);
      return {
        layout: layoutOf(raw),
        error: raw.titleStyle === 'other' || raw.url === undefined ? 'no title or link' : null,
        keywords: listItems(sectionOf(raw, 'Keywords')).items,
        signals: sectionOf(raw, 'Signals')?.tables[0]?.rows.length ?? 0,
      };
    };
  }
  parsed = docs.map((doc) => parse(doc));
});

describe('generated documents through the parser', () => {
  it('parse without error, in the layout they were generated in', () => {
    const failures = docs.flatMap((doc, index) => {
      const { error, layout } = parsed[index]!;
      return error || layout !== doc.layout ? [`${doc.id}: ${JSON.stringify(error)} ${layout}`] : [];
    });
    expect(failures, parser).toEqual([]);
  });

  it('read split keyword lists back as their items, and every Signals row', () => {
    docs.forEach((doc, index) => {
      const raw = splitDocument(doc.text);
      expect(parsed[index]!.keywords.length, doc.id).toBe(listItems(sectionOf(raw, 'Keywords')).items.length);
      expect(parsed[index]!.signals, doc.id).toBe(sectionOf(raw, 'Signals')!.tables[0]!.rows.length);
    });
    expect(docs.some((doc) => doc.split)).toBe(true);
  });

  it('recognise the French documents as French', () => {
    const french = docs.flatMap((doc, index) => (doc.french ? [parsed[index]!] : []));
    expect(french.length).toBeGreaterThan(0);
    if (parser !== 'ingest/parse') return;
    for (const each of french) expect(each.language).toBe('fr');
  });
});

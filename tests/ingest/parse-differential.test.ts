import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParseResult } from '../../ingest/parse/index.js';
import { parseMarkdownWithRemark } from '../../ingest/parse/markdown.js';
import { plainTables } from '../../ingest/parse/plain-tables.js';
import { generate } from '../gen/helpers.js';
import { mutatedDocument, randomMarkdown } from '../support/fuzz-documents.js';
import { CORPUS_DIR, PARSE_FIXTURES_DIR, SEEDS_DIR, withoutCorpus } from '../support/paths.js';

/**
 * The parser reads plain tables by splitting their lines (ingest/parse/plain-tables.ts); remark is
 * the parser of record. Whatever the document, both must give the same result: the same record, the
 * same warnings, the same error at the same line. Checked on every document we have and on broken
 * and random ones, and the fast path must really have been taken on the well-formed ones.
 */

interface Doc {
  name: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

function readDocs(dir: string): Doc[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(md|txt)$/.test(name))
    .sort()
    .map((name) => ({ name, bytes: Uint8Array.from(fs.readFileSync(path.join(dir, name))) }));
}

const parseBoth = (doc: Doc): { fast: ParseResult; remark: ParseResult } => {
  const input = { file: doc.name, id: doc.name.replace(/\.(md|txt)$/, ''), bytes: doc.bytes };
  return { fast: parseDocument(input), remark: parseDocument(input, parseMarkdownWithRemark) };
};

/** Tables remark finds at the top level, and how many of them the fast path read. */
function tableCounts(docs: readonly Doc[]): { tables: number; plain: number } {
  let tables = 0;
  let plain = 0;
  for (const doc of docs) {
    const text = new TextDecoder().decode(doc.bytes);
    tables += parseMarkdownWithRemark(text).children.filter((node) => node.type === 'table').length;
    plain += plainTables(text).length;
  }
  return { tables, plain };
}

const noCorpus = withoutCorpus('the differential parse of the 100 real digests');
const sources: [string, Doc[]][] = [
  ['our fixtures', readDocs(PARSE_FIXTURES_DIR)],
  ['the seeds', readDocs(SEEDS_DIR)],
  ...['1', '2', '3'].map((seed): [string, Doc[]] => [
    `generated documents, seed ${seed}`,
    generate(`differential-${seed}`, 100).map((doc) => ({ name: doc.file, bytes: encoder.encode(doc.text) })),
  ]),
  ...(noCorpus ? [] : [['the real digests', readDocs(CORPUS_DIR)] as [string, Doc[]]]),
];

describe('plain tables read by splitting lines give what remark gives', () => {
  it.each(sources)('on %s', (_, docs) => {
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const { fast, remark } = parseBoth(doc);
      expect(fast, doc.name).toStrictEqual(remark);
    }
  });

  it('reads nearly every table of the generated documents, the seeds and the real ones by splitting lines', () => {
    for (const [name, docs] of sources.filter(([name]) => name !== 'our fixtures')) {
      const { tables, plain } = tableCounts(docs);
      expect(tables, name).toBeGreaterThan(docs.length);
      // The generator, like the real digests, now and then writes a `____` or an escaped `\\|` in a cell.
      expect(plain / tables, name).toBeGreaterThan(name.startsWith('generated') ? 0.99 : 0.9);
    }
  });
});

/** Cell text mostly of plain words, sometimes with what makes a table not plain. */
const cellText = fc.string({
  unit: fc.oneof(
    { weight: 80, arbitrary: fc.constantFrom('a', 'b', '1', ' ', '-', ':', "'", '"', '!', ']', '>', '#') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...'|\\`*_[<&;~\u00a0\t', '&amp;', '&#35;', '&x;', 'a_b', '__', '  '),
    },
  ),
  maxLength: 8,
});
const row = (width: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(cellText, { minLength: width, maxLength: width }),
      fc.oneof({ weight: 40, arbitrary: fc.constant('|') }, fc.constantFrom('', ' |')),
      fc.oneof({ weight: 40, arbitrary: fc.constantFrom('|', '| ') }, fc.constantFrom('', '|  \t', ' |')),
    )
    .map(([cells, open, close]) => `${open} ${cells.join(' | ')} ${close}`);
const delimiter = (width: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 40, arbitrary: fc.constantFrom('---', ':--', '--:', ':-:', ' - ') },
        { weight: 1, arbitrary: fc.constantFrom('', 'x', '-- -', '=') },
      ),
      { minLength: width, maxLength: width },
    )
    .map((cells) => `|${cells.join('|')}|`);
/** Mostly well formed; sometimes a delimiter row or body rows of another width than the header's. */
const table = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: -1, max: 1 }).filter((skew) => skew !== 0),
    fc.nat({ max: 7 }),
  )
  .chain(([width, skew, odd]) =>
    fc.tuple(
      row(width),
      delimiter(odd === 0 ? Math.max(1, width + skew) : width),
      fc.array(row(odd === 1 ? Math.max(1, width + skew) : width), { maxLength: 4 }),
    ),
  )
  .map(([header, delimiterRow, body]) => [header, delimiterRow, ...body].join('\n'));
/** What can stand right before or after a table and change what it is; the last ones make a whole document not plain. */
const around = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.constantFrom(
      '## Signals',
      '#hashtag',
      'a paragraph line',
      '* a list item',
      '  indented continuation',
      '    indented code',
      '> a quote',
      '***',
      '---',
      '===',
      '[ref]: https://example.org',
      '[ref]',
      '1. item',
      '- item',
      '   | indented row |',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('```', '~~~', '<div>', '<!--', '-->') },
);
const TITLE = '# __A Title__, from ([20250101](https://kghosh.substack.com/p/20250101).)';
/** Blocks joined by a line break or a blank line, so that tables follow and precede everything. */
const tableDocument = fc
  .array(fc.tuple(fc.oneof(table, around), fc.constantFrom('\n', '\n\n')), { minLength: 1, maxLength: 10 })
  .map((blocks) =>
    encoder.encode(`${TITLE}\n\n## Signals\n\n${blocks.map(([block, gap]) => block + gap).join('')}`),
  );

/** Seeded and short in `npm test`; FUZZ_RUNS=20000 (and FUZZ_SEED) for a long run, as in parse-fuzz.test.ts. */
const SEED = Number(process.env.FUZZ_SEED ?? 17);
const runs = (short: number): number => Number(process.env.FUZZ_RUNS ?? 0) || short;

const sameResult = (bytes: Uint8Array): void => {
  const { fast, remark } = parseBoth({ name: 'fuzz/doc.md', bytes });
  expect(fast).toStrictEqual(remark);
};

describe('plain tables read by splitting lines, on broken and random documents', () => {
  const documents = [...readDocs(PARSE_FIXTURES_DIR), ...readDocs(SEEDS_DIR)].map((doc) => doc.bytes);

  it('gives what remark gives on mutated fixtures and seeds', () => {
    fc.assert(fc.property(mutatedDocument(documents), sameResult), { seed: SEED, numRuns: runs(400) });
  });

  it('gives what remark gives on random digest-like markdown', () => {
    fc.assert(fc.property(randomMarkdown, sameResult), { seed: SEED, numRuns: runs(300) });
  });

  it('gives what remark gives on tables in every context, with cells of any markup', () => {
    let withPlainTables = 0;
    const numRuns = runs(1000);
    fc.assert(
      fc.property(tableDocument, (bytes) => {
        if (plainTables(new TextDecoder().decode(bytes)).length > 0) withPlainTables++;
        sameResult(bytes);
      }),
      { seed: SEED, numRuns },
    );
    // Both paths were compared: the documents are neither all plain nor all left to remark.
    expect(withPlainTables).toBeGreaterThan(numRuns / 10);
    expect(withPlainTables).toBeLessThan(numRuns * 0.9);
  });
});

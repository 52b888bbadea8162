import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, parseDocument, type ParseResult } from '../../ingest/parse/index.js';

const FILE = 'folder/broken-doc.md';

function parse(content: string | Uint8Array): ParseResult {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return parseDocument({ file: FILE, id: 'folder/broken-doc', bytes });
}

function expectError(result: ParseResult, code: string, line?: number): void {
  expect(result.article).toBeNull();
  expect(result.error).not.toBeNull();
  expect(result.error!.code).toBe(code);
  expect(result.error!.file).toBe(FILE);
  expect(result.error!.line).toBe(line);
  expect(result.error!.message).toContain(FILE);
}

const HEAD = '# __A Title__, (from page [20250101](https://kghosh.substack.com/p/20250101).)\n\n';
const table = (...rows: string[]): string =>
  `${HEAD}## Concerns\n\n| name | description | relevancy |\n|:-----|:------------|----------:|\n${rows.join('\n')}\n`;

describe('documents that cannot become an article', () => {
  it('rejects an empty file', () => {
    expectError(parse(''), 'empty');
  });

  it('rejects a file of whitespace or only a BOM as empty', () => {
    expectError(parse(' \n\n \t\n'), 'empty');
    expectError(parse(new Uint8Array([0xef, 0xbb, 0xbf])), 'empty');
  });

  it('rejects a binary file, naming the line of the first NUL byte', () => {
    expectError(parse(new Uint8Array([0x23, 0x20, 0x0a, 0x61, 0x00, 0x62])), 'binary', 2);
  });

  it('rejects bytes that are not UTF-8 and says which byte on which line', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEAD}## Summary\n\ncaf`), 0xe9, 0x0a]);
    const result = parse(latin1);
    expectError(result, 'not-utf8', 5);
    expect(result.error!.message).toContain('invalid byte 0xE9 at line 5');
    expect(result.error!.message).toContain('convert the file to UTF-8');
  });

  it('rejects a truncated multi-byte sequence and an encoded surrogate', () => {
    expectError(parse(new Uint8Array([0x23, 0x20, 0xe2, 0x82])), 'not-utf8', 1);
    expectError(parse(new Uint8Array([0x0a, 0x0a, 0xed, 0xa0, 0x80])), 'not-utf8', 3);
  });

  it('rejects a document without a title line', () => {
    expectError(parse('## Keywords\n\n* one\n'), 'no-title', 1);
    expectError(parse('\n\nSome text first.\n\n# __Late title__\n'), 'no-title', 3);
    expectError(parse('# __ __\n\n## Keywords\n\n* one\n'), 'no-title', 1);
  });

  it('rejects a document over MAX_DOCUMENT_BYTES before decoding it', () => {
    const bytes = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0xff);
    expectError(parse(bytes), 'too-large');
  });

  it('accepts a document of exactly MAX_DOCUMENT_BYTES', () => {
    const filler = 'x'.repeat(MAX_DOCUMENT_BYTES - HEAD.length);
    const result = parse(HEAD + filler);
    expect(result.error).toBeNull();
  });

  it('rejects a table row with a missing cell, naming its line and the counts', () => {
    const result = parse(table('| Cost | Too high | 4 |', '| Delay | Too slow |'));
    expectError(result, 'missing-cell', 8);
    expect(result.error!.message).toContain('row has 2 cells, header has 3');
  });

  it('rejects a table row with a cell too many', () => {
    const result = parse(table('| Cost | Too high | 4 | surplus |'));
    expectError(result, 'extra-cell', 7);
    expect(result.error!.message).toContain('row has 4 cells, header has 3');
  });

  it('rejects a row an editor wrapped onto two lines, naming the line it breaks on', () => {
    const result = parse(
      table('| Cost | Far too high for most', 'households | 4 |', '| Delay | Too slow | 2 |'),
    );
    expectError(result, 'missing-cell', 7);
  });

  it('rejects a table row without a name', () => {
    expectError(parse(table('| Cost | Too high | 4 |', '|      | No name  | 2 |')), 'empty-name', 8);
  });

  it('keeps the warnings found before the error', () => {
    const result = parse(
      `${HEAD}## Notes\n\nhello\n\n## Concerns\n\n| name | description |\n|--|--|\n| a |\n`,
    );
    expect(result.error?.code).toBe('missing-cell');
    expect(result.warnings.map((w) => w.code)).toEqual(['unknown-section']);
    expect(result.layout).toBe('other');
  });
});

describe('encodings and line endings that are fine', () => {
  const doc = `${HEAD}## Keywords\n\n* one\n* two\n\n## Concerns\n\n| name | description |\n|--|--|\n| a | b |\n`;

  it('strips a BOM silently and reads CRLF line endings with the same lines', () => {
    const plain = parse(doc);
    const bom = parse(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(doc.replace(/\n/g, '\r\n'))]),
    );
    expect(bom.error).toBeNull();
    expect(bom.warnings).toEqual([]);
    expect({ ...bom.article, contentHash: '' }).toEqual({ ...plain.article, contentHash: '' });
    expect(bom.article!.contentHash).not.toBe(plain.article!.contentHash);
  });

  it('reports the right line in a CRLF document', () => {
    const result = parse(
      `${HEAD}## Concerns\n\n| name | description |\n|--|--|\n| a |\n`.replace(/\n/g, '\r\n'),
    );
    expect(result.error?.code).toBe('missing-cell');
    expect(result.error?.line).toBe(7);
  });

  it('hashes the bytes as they are', async () => {
    const { createHash } = await import('node:crypto');
    const bytes = new TextEncoder().encode(doc);
    expect(parse(bytes).article!.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

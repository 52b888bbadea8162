import { beforeAll, describe, expect, it } from 'vitest';
import { splitDocument, splitRow, type GeneratedDocument } from '../../gen/index.js';
import { generate } from './helpers.js';

let docs: GeneratedDocument[];

beforeAll(() => {
  docs = generate('tables', 500);
});

/** The consecutive `|` lines of a document. */
function tableBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

describe('generated tables', () => {
  it('gives every row, and the delimiter row, as many cells as its header', () => {
    let rows = 0;
    for (const doc of docs) {
      for (const block of tableBlocks(doc.text)) {
        const width = splitRow(block[0]!).length;
        expect(block.length, doc.id).toBeGreaterThanOrEqual(3);
        for (const line of block) {
          expect(splitRow(line), `${doc.id}: ${line}`).toHaveLength(width);
          rows++;
        }
      }
    }
    expect(rows).toBeGreaterThan(10_000);
  });

  it('pads cells to equal widths, left-aligns text with :--- and right-aligns relevancy with ---:', () => {
    for (const doc of docs) {
      for (const block of tableBlocks(doc.text)) {
        expect(new Set(block.map((line) => [...line].length)).size, doc.id).toBe(1);
        const header = splitRow(block[0]!);
        splitRow(block[1]!).forEach((cell, column) => {
          if (header[column] === 'relevancy') expect(cell).toMatch(/^-+:$/);
          else expect(cell).toMatch(/^:-+$/);
        });
      }
    }
  });

  it('writes integer relevancy 1–5, the document’s own hash as src, and no stray pipes', () => {
    let srcRows = 0;
    for (const doc of docs) {
      for (const section of splitDocument(doc.text).sections) {
        for (const table of section.tables) {
          const relevancy = table.header.indexOf('relevancy');
          const src = table.header.indexOf('src');
          for (const row of table.rows) {
            if (relevancy >= 0) expect(row[relevancy]).toMatch(/^[1-5]$/);
            if (src >= 0) {
              expect(row[src]).toBe(doc.id);
              srcRows++;
            }
            for (const cell of row) expect(cell).not.toContain('|');
          }
        }
      }
    }
    expect(srcRows).toBeGreaterThan(0);
  });

  it('uses the header variants of the format', () => {
    const headers = new Set<string>();
    for (const doc of docs) {
      for (const section of splitDocument(doc.text).sections) {
        for (const table of section.tables) headers.add(`${section.name}: ${table.header.join(', ')}`);
      }
    }
    expect([...headers].sort()).toEqual([
      'Behaviors: name, description',
      'Behaviors: name, description, relevancy',
      'Concerns: name, description',
      'Concerns: name, description, relevancy',
      'Issues: name, description',
      'Issues: name, description, relevancy',
      'Signals: Signal, Change, 10y horizon, Driving force',
      'Signals: name, description, change, 10-year, driving-force, relevancy',
      'Technologies: description, relevancy, src',
      'Technologies: name, description',
      'Technologies: name, description, relevancy',
    ]);
  });
});

import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { maskTables, plainTables, restoreTables } from './plain-tables.js';

/**
 * GFM tables and nothing else of GFM. remark-gfm would also turn on autolink literals,
 * strikethrough, footnotes and task lists, which digests do not use and which made parsing 1.6×
 * slower (bench/ingest.ts); without them `~~x~~` and `[^1]:` stay as the document wrote them.
 * These are the same two packages remark-gfm wires up for tables.
 */
function remarkGfmTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/** Built once: creating and freezing a processor per document would cost more than some parses. */
const processor = unified().use(remarkParse).use(remarkGfmTables).freeze();

export type MarkdownParser = (text: string) => Root;

/** Markdown → mdast with positions, by remark alone: the parser of record. */
export function parseMarkdownWithRemark(text: string): Root {
  return processor.parse(text);
}

/**
 * The same tree as `parseMarkdownWithRemark`, with the plain tables read by splitting their lines
 * (plain-tables.ts) and everything else, and every table that is not plain, by remark.
 */
export function parseMarkdown(text: string): Root {
  const tables = plainTables(text);
  if (tables.length === 0) return processor.parse(text);
  const root = processor.parse(maskTables(text, tables));
  return restoreTables(root, tables) ? root : processor.parse(text);
}

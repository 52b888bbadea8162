import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

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

/** Markdown → mdast with positions. Only the parse runs: there is no transform to apply. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

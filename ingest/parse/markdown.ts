import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Built once: creating and freezing a processor per document would cost more than some parses. */
const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Markdown → mdast with positions. Only the parse runs; remark-gfm has no transform to apply. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

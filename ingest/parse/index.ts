import { createHash } from 'node:crypto';
import { ArticleRecordSchema, type ArticleRecord } from '../../model/index.js';
import { createContext, diagnostic, DocumentError, type ParseContext } from './context.js';
import { decodeDocument } from './decode.js';
import { emptyFacts, readSections, type SectionFacts } from './document.js';
import { defined } from './fact-tables.js';
import { detectLanguage } from './language.js';
import { detectLayout } from './layout.js';
import { parseMarkdown, type MarkdownParser } from './markdown.js';
import { splitSections } from './sections.js';
import { externalLink, titleFields, type TitleFields } from './title.js';
import type { ParseInput, ParseResult } from './types.js';

export { MAX_DOCUMENT_BYTES } from './decode.js';
export type { ParseInput, ParseResult } from './types.js';

/**
 * One document's bytes → its article record, or the reason it has none. Pure: bytes in, data out.
 * text → mdast (once) → sections by name → typed record → ArticleRecordSchema. Problems that lose
 * nothing are warnings; a problem that would make the record wrong is the `error`, naming file and line.
 */
export function parseDocument(input: ParseInput, markdown: MarkdownParser = parseMarkdown): ParseResult {
  const decoded = decodeDocument(input.file, input.bytes);
  if ('error' in decoded) return { article: null, layout: null, warnings: [], error: decoded.error };

  const context = createContext(input.file, input.id, decoded.text);
  let layout: ParseResult['layout'] = null;
  try {
    const parts = splitSections(context, markdown(decoded.text));
    layout = detectLayout(parts.sections);
    const head = titleFields(context, parts.title);
    const url = externalLink(context, parts.preamble);
    const facts = emptyFacts();
    readSections(context, parts.sections, facts);
    const candidate = assemble(context, input, head, url, facts, layout);
    const checked = ArticleRecordSchema.safeParse(candidate);
    if (checked.success) return { article: checked.data, layout, warnings: context.warnings, error: null };
    const problems = checked.error.issues.map(
      (issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`,
    );
    const message = `${input.file}: the parsed article is not valid (${problems.join('; ')})`;
    return {
      article: null,
      layout,
      warnings: context.warnings,
      error: diagnostic(input.file, undefined, 'invalid-record', message),
    };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    return { article: null, layout, warnings: context.warnings, error: error.diagnostic };
  }
}

function assemble(
  context: ParseContext,
  input: ParseInput,
  head: TitleFields,
  url: string | undefined,
  facts: SectionFacts,
  layout: ArticleRecord['layout'],
): ArticleRecord {
  const summary = facts.summary.filter((paragraph) => paragraph !== '').join('\n\n');
  const language = detectLanguage(`${head.title}\n${summary}\n${facts.keywords.join('\n')}`);
  return defined<ArticleRecord>({
    id: input.id,
    file: input.file,
    title: head.title,
    url,
    page: head.page,
    pageUrl: head.pageUrl,
    date: head.date,
    category: facts.category,
    type: facts.type,
    summary: summary === '' ? undefined : summary,
    language,
    layout,
    keywords: facts.keywords,
    themes: facts.themes,
    signals: facts.signals,
    concerns: facts.concerns,
    behaviors: facts.behaviors,
    technologies: facts.technologies,
    issues: facts.issues,
    closest: facts.closest,
    otherFields: facts.otherFields.length > 0 ? facts.otherFields : undefined,
    extraSections: context.extraSections.length > 0 ? context.extraSections : undefined,
    contentHash: createHash('sha256').update(input.bytes).digest('hex'),
  });
}

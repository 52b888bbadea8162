import type { Heading, Root, RootContent } from 'mdast';
import { fail, type ParseContext } from './context.js';
import { inlineText } from './inline-text.js';

export const SECTION_KINDS = [
  'keywords',
  'themes',
  'other',
  'summary',
  'signals',
  'concerns',
  'behaviors',
  'technologies',
  'issues',
  'closest',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

const KIND_BY_NAME = new Map<string, SectionKind>([
  ...SECTION_KINDS.map((kind) => [kind, kind] as const),
  ['behaviours', 'behaviors'],
]);

export interface Section {
  /** The heading's text as written. */
  name: string;
  /** null for a section the parser does not know. */
  kind: SectionKind | null;
  heading: Heading;
  line: number | undefined;
  nodes: RootContent[];
}

export interface DocumentParts {
  title: Heading;
  /** Between the title and the first section: the external link, normally nothing else. */
  preamble: RootContent[];
  sections: Section[];
}

/**
 * The tree's top level cut at headings of depth 1 and 2. The first node must be the title heading;
 * deeper headings stay inside their section as content.
 */
export function splitSections(context: ParseContext, root: Root): DocumentParts {
  const [first, ...rest] = root.children;
  if (first?.type !== 'heading' || first.depth !== 1) {
    const line = first ? lineOf(first) : 1;
    fail(
      context,
      line,
      'no-title',
      'no title line: a document starts with `# __Title__, (from page [PAGE](URL).)`',
    );
  }
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const node of rest) {
    if (node.type === 'heading' && node.depth <= 2) {
      const name = inlineText(node.children).trim();
      const kind = node.depth === 2 ? kindOf(name) : null;
      current = { name, kind, heading: node, line: lineOf(node), nodes: [] };
      sections.push(current);
    } else if (current) current.nodes.push(node);
    else preamble.push(node);
  }
  return { title: first, preamble, sections };
}

function kindOf(name: string): SectionKind | null {
  return KIND_BY_NAME.get(name.toLowerCase().replace(/:$/, '').trim()) ?? null;
}

export function lineOf(node: { position?: { start: { line: number } } | undefined }): number | undefined {
  return node.position?.start.line;
}

/** The source markdown from the start of `first` to the end of `last`, without re-serialising. */
export function rawMarkdown(source: string, first: RootContent, last: RootContent = first): string {
  const start = first.position?.start.offset;
  const end = last.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end).trimEnd();
}

/**
 * Keeps content the parser could not place (a paragraph in a table section, say) as raw markdown under
 * its section's heading, and says so: nothing is dropped silently.
 */
export function keepUnexpected(
  context: ParseContext,
  section: Section | null,
  node: RootContent,
  code = 'unexpected-content',
  message = `unexpected ${node.type} in ${section ? `the ${section.name} section` : 'the document head'}; kept in extraSections`,
): void {
  const raw = rawMarkdown(context.source, node);
  // A paragraph of only Unicode spaces (a no-break space line) holds nothing to keep.
  if (raw === '') return;
  context.warn(lineOf(node), code, message);
  context.extraSections.push(section ? `${rawMarkdown(context.source, section.heading)}\n\n${raw}` : raw);
}

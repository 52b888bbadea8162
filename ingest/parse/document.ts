import type { RootContent } from 'mdast';
import type { ClosestLink, FactRow, SignalRow, TechnologyRow } from '../../model/index.js';
import { closestLinks } from './closest.js';
import type { ParseContext } from './context.js';
import { factRows, type TableKind } from './fact-tables.js';
import { inlineText } from './inline-text.js';
import { listItems } from './list-items.js';
import { otherFields, type OtherFields } from './other-fields.js';
import { keepUnexpected, rawMarkdown, type Section } from './sections.js';
import { readTable } from './tables.js';

/** The facts of the sections, before the head and the checks are added. */
export interface SectionFacts extends OtherFields {
  summary: string[];
  keywords: string[];
  themes: string[];
  signals: SignalRow[];
  concerns: FactRow[];
  behaviors: FactRow[];
  technologies: TechnologyRow[];
  issues: FactRow[];
  closest: ClosestLink[];
}

export function emptyFacts(): SectionFacts {
  return {
    summary: [],
    keywords: [],
    themes: [],
    signals: [],
    concerns: [],
    behaviors: [],
    technologies: [],
    issues: [],
    closest: [],
    otherFields: [],
  };
}

/**
 * Each section by its name, once, in document order: one pass over the top-level nodes. An unknown
 * section is warned about and kept whole as raw markdown; unexpected content in a known one likewise.
 */
export function readSections(context: ParseContext, sections: readonly Section[], facts: SectionFacts): void {
  const seen = new Set<string>();
  for (const section of sections) {
    if (section.kind === null) {
      context.warn(
        section.line,
        'unknown-section',
        `unknown section "${section.name}"; kept in extraSections`,
      );
      const last = section.nodes.at(-1) ?? section.heading;
      context.extraSections.push(rawMarkdown(context.source, section.heading, last));
      continue;
    }
    if (seen.has(section.kind)) {
      context.warn(
        section.line,
        'duplicate-section',
        `second "${section.name}" section; its content is added to the first`,
      );
    }
    seen.add(section.kind);
    for (const node of section.nodes) readNode(context, section, node, facts);
  }
}

function readNode(context: ParseContext, section: Section, node: RootContent, facts: SectionFacts): void {
  const kind = section.kind;
  switch (kind) {
    case 'keywords':
    case 'themes':
      if (node.type !== 'list') break;
      facts[kind].push(...listItems(context, section.name, node));
      return;
    case 'other':
      if (node.type !== 'list') break;
      otherFields(context, node, facts);
      return;
    case 'summary':
      if (node.type !== 'paragraph') break;
      facts.summary.push(inlineText(node.children).trim());
      return;
    case 'closest':
      if (node.type !== 'list') break;
      closestLinks(context, section, node, facts.closest);
      return;
    case 'signals':
    case 'concerns':
    case 'behaviors':
    case 'technologies':
    case 'issues':
      if (node.type !== 'table') break;
      if (readFactTable(context, section, kind, node, facts)) return;
      keepUnexpected(
        context,
        section,
        node,
        'no-name-column',
        `${section.name} table has no name or description column; kept in extraSections`,
      );
      return;
    case null:
      break;
  }
  if (looksLikeBrokenTable(context, node)) {
    const message = `${section.name}: lines starting with "|" do not form a table (is the delimiter row right?); kept in extraSections`;
    keepUnexpected(context, section, node, 'malformed-table', message);
  } else keepUnexpected(context, section, node);
}

function readFactTable(
  context: ParseContext,
  section: Section,
  kind: TableKind,
  node: Extract<RootContent, { type: 'table' }>,
  facts: SectionFacts,
): boolean {
  const rows = factRows(context, section.name, kind, readTable(context, section.name, node));
  if (rows === null) return false;
  facts[kind].push(...rows);
  return true;
}

const PIPE = 0x7c;

/** A paragraph starting with `|`: table lines whose delimiter row does not match the header. */
function looksLikeBrokenTable(context: ParseContext, node: RootContent): boolean {
  const start = node.position?.start.offset;
  return node.type === 'paragraph' && start !== undefined && context.source.charCodeAt(start) === PIPE;
}

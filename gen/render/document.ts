import type { GeneratedLayout, TableSection } from '../profile.js';
import { renderTable, type TableSpec } from './table.js';

/** Everything one generated document says, before it is written out. */
export interface DocumentModel {
  id: string;
  layout: GeneratedLayout;
  titleStyle: 'old' | 'new';
  title: string;
  /** Link text of the title, possibly with a stray space as in one corpus document. */
  page: string;
  url: string;
  keywords: readonly string[];
  themes: readonly string[];
  /** Keywords and Themes split one character per bullet, commas followed by a space or not. */
  split: 'none' | 'tight' | 'spaced';
  category: string;
  type: string;
  summary: string;
  tables: Partial<Record<TableSection, TableSpec>>;
  /** Closest entries; null is an empty bullet. */
  closest: ReadonlyArray<{ title: string; id: string } | null>;
  trailingNewline: boolean;
}

const ORDER: Record<GeneratedLayout, readonly string[]> = {
  new: [
    'Keywords',
    'Themes',
    'Other',
    'Summary',
    'Signals',
    'Concerns',
    'Behaviors',
    'Technologies',
    'Issues',
  ],
  old: ['Summary', 'Keywords', 'Themes', 'Signals', 'Closest'],
  short: ['Keywords', 'Themes', 'Other', 'Summary', 'Signals'],
};

const PAGE_URL = 'https://kghosh.substack.com/p/';

function list(items: readonly string[], split: DocumentModel['split']): string {
  if (split === 'none') return items.map((item) => `* ${item}`).join('\n');
  const joined = items.join(split === 'spaced' ? ', ' : ',');
  return [...joined].map((char) => `* ${char}`).join('\n');
}

function body(model: DocumentModel, section: string): string {
  switch (section) {
    case 'Keywords':
      return list(model.keywords, model.split);
    case 'Themes':
      return list(model.themes, model.split);
    case 'Other':
      return `* Category: ${model.category}\n* Type: ${model.type}`;
    case 'Summary':
      return model.summary;
    case 'Closest':
      return model.closest.map((link) => (link ? `* [${link.title}](${link.id})` : '* ')).join('\n');
    default: {
      const table = model.tables[section as TableSection];
      if (!table) throw new Error(`${model.id}: no ${section} table planned`);
      return renderTable(table);
    }
  }
}

export function renderDocument(model: DocumentModel): string {
  const link = `[${model.page}](${PAGE_URL}${model.page})`;
  const title =
    model.titleStyle === 'old'
      ? `# __${model.title}__, from (${link}.)`
      : `# __${model.title}__, (from page ${link}.)`;
  const sections = ORDER[model.layout].map((section) => `## ${section}\n\n${body(model, section)}`);
  const text = `${title}\n\n__[External link](${model.url})__\n\n\n\n${sections.join('\n\n')}`;
  return model.trailingNewline ? text + '\n' : text;
}

export { ORDER as SECTION_ORDER };

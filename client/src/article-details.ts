import {
  nodeId,
  type ArticleDetails,
  type ArticleRecord,
  type FactRow,
  type SignalRow,
  type TechnologyRow,
} from '../../model/index.js';
import { dataTable, type Column } from './data-table.js';
import { externalLink, h, safeHttpUrl, type Child } from './dom.js';
import { formatDateTime, plural } from './format.js';

/**
 * Every fact of one article's document, rebuilt from the graph: header fields, summary, lists,
 * each fact table and the Closest list. All of it is text; links only for http(s) URLs.
 */
export function renderArticle(details: ArticleDetails, openNode: (id: string) => void): HTMLElement {
  const record = details.record;
  if (!record) {
    return h(
      'div',
      { class: 'article' },
      h('p', {
        class: 'notice',
        text: 'Known only from another article’s Closest list: its own document has not been ingested.',
      }),
      h('p', { class: 'muted', text: `Id: ${details.id}` }),
    );
  }
  const source = safeHttpUrl(record.url);
  const pageLink = safeHttpUrl(record.pageUrl);
  return h(
    'div',
    { class: 'article' },
    h(
      'div',
      { class: 'article-links' },
      source
        ? externalLink(source, 'Open source ↗', 'button button-primary')
        : h('span', {
            class: 'muted',
            text: record.url ? `Source (not a web link): ${record.url}` : 'No source link',
          }),
    ),
    fieldList([
      ['Page', record.page ? (pageLink ? externalLink(pageLink, record.page) : record.page) : null],
      ['Date', record.date ?? null],
      ['Category', record.category ?? null],
      ['Type', record.type ?? null],
      ['Language', record.language ?? null],
      ['File', record.file],
      ['Layout', record.layout],
      ['Ingested', formatDateTime(details.ingestedAt)],
    ]),
    record.summary ? section('Summary', h('p', { class: 'summary', text: record.summary })) : null,
    listSection('Keywords', record.keywords),
    listSection('Themes', record.themes),
    signalSection(record.signals),
    factSection('Concerns', record.concerns, factColumns()),
    factSection('Behaviors', record.behaviors, factColumns()),
    factSection('Technologies', record.technologies, technologyColumns),
    factSection('Issues', record.issues, factColumns()),
    closestSection(record, openNode),
    listSection('Other fields', record.otherFields ?? []),
    record.extraSections && record.extraSections.length > 0
      ? section(
          'Sections not recognised',
          ...record.extraSections.map((text) => h('pre', { class: 'raw-section', text })),
        )
      : null,
  );
}

function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'detail-section' }, h('h4', { text: title }), ...children);
}

function fieldList(fields: [string, Child][]): HTMLElement {
  const present = fields.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return h(
    'dl',
    { class: 'property-list' },
    ...present.flatMap(([name, value]) => [h('dt', { text: name }), h('dd', {}, value)]),
  );
}

function listSection(title: string, items: readonly string[]): HTMLElement | null {
  if (items.length === 0) return null;
  return section(
    `${title} (${items.length})`,
    h('ul', { class: 'chip-list' }, ...items.map((item) => h('li', { class: 'chip', text: item }))),
  );
}

const relevancyCell = (row: FactRow): Child =>
  row.relevancy === undefined
    ? null
    : h('span', {
        class: `relevancy r${row.relevancy}`,
        title: `Relevancy ${row.relevancy} of 5`,
        text: String(row.relevancy),
      });

function factColumns<Row extends FactRow>(): Column<Row>[] {
  return [
    { title: 'Name', cell: (row) => row.name, className: 'cell-name' },
    { title: 'Description', cell: (row) => row.description ?? null },
    { title: 'Rel.', cell: relevancyCell, numeric: true },
    {
      title: 'Other columns',
      cell: (row) => (row.extra && row.extra.length > 0 ? row.extra.join('; ') : null),
      className: 'cell-extra',
    },
  ];
}

/**
 * Signals have six columns of sentences: as a table in the details panel each column got a
 * few letters' width and words broke inside ("voluntar y"). One card per signal, the fields
 * under their names, keeps every word whole at any panel width.
 */
function signalSection(rows: readonly SignalRow[]): HTMLElement | null {
  if (rows.length === 0) return null;
  const fields: [string, (row: SignalRow) => string | undefined][] = [
    ['Change', (row) => row.change],
    ['10-year', (row) => row.tenYear],
    ['Driving force', (row) => row.drivingForce],
  ];
  return section(
    `Signals (${rows.length})`,
    h(
      'ol',
      { class: 'fact-cards' },
      ...rows.map((row) =>
        h(
          'li',
          { class: 'fact-card' },
          h(
            'p',
            { class: 'fact-card-head' },
            h('span', { class: 'cell-name', text: row.name }),
            relevancyCell(row),
          ),
          row.description ? h('p', { class: 'fact-card-text', text: row.description }) : null,
          fieldList(fields.map(([name, value]) => [name, value(row) ?? null])),
          row.extra && row.extra.length > 0 ? h('p', { class: 'muted', text: row.extra.join('; ') }) : null,
        ),
      ),
    ),
  );
}

const technologyColumns: Column<TechnologyRow>[] = [
  ...factColumns<TechnologyRow>().slice(0, 3),
  { title: 'Src', cell: (row) => row.src ?? null },
];

function factSection<Row extends FactRow>(
  title: string,
  rows: readonly Row[],
  columns: Column<Row>[],
): HTMLElement | null {
  if (rows.length === 0) return null;
  // Only columns that have a value somewhere: short tables stay narrow.
  const used = columns.filter((column) => rows.some((row, i) => column.cell(row, i) !== null));
  return section(`${title} (${rows.length})`, h('div', { class: 'table-scroll' }, dataTable(used, rows)));
}

function closestSection(record: ArticleRecord, openNode: (id: string) => void): HTMLElement | null {
  if (record.closest.length === 0) return null;
  return section(
    `Closest articles (${plural(record.closest.length, 'link')})`,
    h(
      'ol',
      { class: 'link-list' },
      ...record.closest.map((link) =>
        h(
          'li',
          {},
          h('button', {
            class: 'link-button',
            type: 'button',
            text: link.title ?? link.id,
            title: `Show article ${link.id}`,
            on: { click: () => openNode(nodeId('Article', link.id)) },
          }),
        ),
      ),
    ),
  );
}

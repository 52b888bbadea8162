import type { CypherResponse } from '../../model/index.js';
import { h, nextFrame, type Child } from './dom.js';
import { formatValue } from './format.js';
import { labelIcon } from './legend.js';

interface NodeJson {
  id: string | null;
  label: string | null;
  labels: string[];
  properties: Record<string, unknown>;
}

interface RelationshipJson {
  id: string | null;
  type: string;
  source: string | null;
  target: string | null;
  properties: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isNodeJson(value: unknown): value is NodeJson {
  return isObject(value) && Array.isArray(value.labels) && isObject(value.properties) && 'id' in value;
}

function isRelationshipJson(value: unknown): value is RelationshipJson {
  return isObject(value) && typeof value.type === 'string' && 'source' in value && isObject(value.properties);
}

function isPathJson(value: unknown): value is { nodes: unknown[]; relationships: unknown[] } {
  return isObject(value) && Array.isArray(value.nodes) && Array.isArray(value.relationships);
}

const MAX_TEXT = 400;

/** One cell of a Cypher result: nodes as clickable chips, relationships by type, the rest as text. */
export function cellContent(value: unknown, openNode: (id: string) => void): Child {
  if (isNodeJson(value)) {
    const name =
      value.properties.name ?? value.properties.title ?? value.properties.key ?? value.properties.id;
    const label = value.label ?? value.labels[0] ?? '?';
    const text = `${label}: ${formatValue(name)}`;
    if (!value.id) return text;
    const id = value.id;
    return h(
      'button',
      { class: 'node-chip', type: 'button', title: `Show ${id}`, on: { click: () => openNode(id) } },
      labelIcon(label, 12),
      formatValue(name),
    );
  }
  if (isRelationshipJson(value)) return h('code', { class: 'rel-chip', text: `:${value.type}` });
  if (isPathJson(value))
    return h('span', { class: 'muted', text: `path of ${value.relationships.length} hops` });
  if (Array.isArray(value) && value.every((item) => !isObject(item))) {
    return clip(value.map(formatValue).join(', '));
  }
  if (isObject(value) || Array.isArray(value))
    return h('code', { class: 'json-cell', text: clip(JSON.stringify(value)) });
  return clip(formatValue(value));
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

const ROWS_PER_FRAME = 150;

/**
 * The rows of a result as a table. Rows go in by chunks between frames, so a 1,000-row answer
 * never holds the page up; the header and the first rows show at once.
 */
export function resultsTable(result: CypherResponse, openNode: (id: string) => void): HTMLElement {
  const numeric = result.columns.map((_, index) =>
    result.rows.every((row) => typeof row[index] === 'number' || row[index] === null),
  );
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      ...result.columns.map((column, index) =>
        h('th', { text: column, class: numeric[index] ? 'num' : undefined, attrs: { scope: 'col' } }),
      ),
    ),
  );
  const body = h('tbody');
  const table = h('table', { class: 'data-table results-table' }, head, body);
  const addRows = (start: number): void => {
    const fragment = document.createDocumentFragment();
    for (const row of result.rows.slice(start, start + ROWS_PER_FRAME)) {
      fragment.appendChild(
        h(
          'tr',
          {},
          ...result.columns.map((_, index) =>
            h('td', { class: numeric[index] ? 'num' : undefined }, cellContent(row[index], openNode) ?? '—'),
          ),
        ),
      );
    }
    body.appendChild(fragment);
    if (start + ROWS_PER_FRAME < result.rows.length)
      void nextFrame().then(() => addRows(start + ROWS_PER_FRAME));
  };
  addRows(0);
  return h('div', { class: 'table-scroll' }, table);
}

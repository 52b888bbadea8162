import { h, svg } from './dom.js';
import { LABEL_ORDER, labelStyle, shapePoints } from './palette.js';

/** A small SVG of a label's shape in its colour: the same cue the canvas uses. */
export function labelIcon(label: string, size = 14, color?: string): SVGSVGElement {
  const style = { ...labelStyle(label), ...(color ? { color } : {}) };
  const points = shapePoints(style.shape);
  const paint = { fill: style.color, stroke: '#ffffff', 'stroke-width': 1 };
  let shape: SVGElement;
  if (points) shape = svg('polygon', { points, ...paint });
  else if (style.shape === 'ellipse') shape = svg('circle', { cx: 10, cy: 10, r: 8.5, ...paint });
  else if (style.shape === 'barrel')
    shape = svg('rect', { x: 1.5, y: 3, width: 17, height: 14, rx: 5, ...paint });
  else if (style.shape === 'round-rectangle')
    shape = svg('rect', { x: 1.5, y: 3, width: 17, height: 14, rx: 3.5, ...paint });
  else shape = svg('rect', { x: 1.5, y: 3, width: 17, height: 14, ...paint });
  return svg(
    'svg',
    { class: 'label-icon', width: size, height: size, viewBox: '0 0 20 20', 'aria-hidden': 'true' },
    shape,
  );
}

/** A label chip: icon and name, for lists and results. */
export function labelChip(label: string): HTMLElement {
  return h('span', { class: 'label-chip' }, labelIcon(label, 12), label);
}

export interface LegendItem {
  swatch: Element;
  name: string;
  count?: number;
  title?: string;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
}

/** Node labels on a canvas, in the model's order, with their counts. */
export function labelItems(counts: ReadonlyMap<string, number>): LegendItem[] {
  return LABEL_ORDER.filter((label) => counts.has(label)).map((label) => ({
    swatch: labelIcon(label),
    name: label,
    count: counts.get(label),
    title: labelStyle(label).description,
  }));
}

/** A short line, as edges are drawn (arrowed unless `undirected`). */
export function edgeSwatch(undirected = false, width = 2, color = '#98a2b3'): SVGSVGElement {
  return svg(
    'svg',
    { class: 'label-icon', width: 18, height: 14, viewBox: '0 0 18 14', 'aria-hidden': 'true' },
    svg('line', { x1: 1, y1: 7, x2: undirected ? 17 : 12, y2: 7, stroke: color, 'stroke-width': width }),
    ...(undirected ? [] : [svg('polygon', { points: '11,3.5 17,7 11,10.5', fill: color })]),
  );
}

/** Relationship types on a canvas with their counts. */
export function edgeTypeItems(counts: ReadonlyMap<string, number>, undirected = false): LegendItem[] {
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, count]) => ({ swatch: edgeSwatch(undirected), name: type, count }));
}

/** The sections of a legend: what each shape, colour and line means, with counts. */
export function legendSections(sections: readonly LegendSection[]): HTMLElement[] {
  return sections
    .filter((section) => section.items.length > 0)
    .map((section) =>
      h(
        'section',
        { class: 'legend-section' },
        h('h4', { class: 'legend-title', text: section.title }),
        h(
          'ul',
          { class: 'legend', attrs: { 'aria-label': section.title } },
          ...section.items.map((item) =>
            h(
              'li',
              { title: item.title },
              item.swatch,
              h('span', { class: 'legend-name', text: item.name, title: item.title ?? item.name }),
              item.count === undefined
                ? null
                : h('span', { class: 'legend-count', text: item.count.toLocaleString('en') }),
            ),
          ),
        ),
      ),
    );
}

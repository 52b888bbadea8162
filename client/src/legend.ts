import type { NodeLabel } from '../../model/index.js';
import { h, svg } from './dom.js';
import { LABEL_ORDER, labelStyle, shapePoints } from './palette.js';

/** A small SVG of a label's shape in its colour: the same cue the canvas uses. */
export function labelIcon(label: string, size = 14): SVGSVGElement {
  const style = labelStyle(label);
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

export interface LegendOptions {
  /** Only these labels (e.g. those present on the canvas); all when absent. */
  labels?: readonly string[];
  counts?: ReadonlyMap<string, number>;
}

export function renderLegend(target: HTMLElement, options: LegendOptions = {}): void {
  const labels = options.labels
    ? LABEL_ORDER.filter((label) => options.labels!.includes(label))
    : (LABEL_ORDER as readonly NodeLabel[]);
  const items = labels.map((label) =>
    h(
      'li',
      { title: labelStyle(label).description },
      labelIcon(label),
      h('span', { class: 'legend-name', text: label }),
      options.counts
        ? h('span', { class: 'legend-count', text: String(options.counts.get(label) ?? 0) })
        : null,
    ),
  );
  target.replaceChildren(
    h('h3', { class: 'panel-heading', text: 'Legend' }),
    items.length > 0
      ? h('ul', { class: 'legend', attrs: { 'aria-label': 'Node labels' } }, ...items)
      : h('p', { class: 'muted', text: 'Nothing on the canvas yet.' }),
  );
}

import type { StylesheetJson } from 'cytoscape';

/** Node label size in graph units (rendered at this size at zoom 1). */
export const LABEL_FONT = 11;
/** Rendered size (px) below which a small graph's labels are not drawn, unless picked (far-labels.ts). */
export const MIN_LABEL_PX = 8;
/** Rendered size of an edge's label; drawn once zoomed in past EDGE_LABEL_ZOOM, or on hover. */
export const EDGE_LABEL_PX = 10;
const EDGE_LABEL_ZOOM = 1.2;

/**
 * The canvas stylesheet. Sizes and short labels are computed once per element (`_size`, `_label`,
 * `_w`) rather than by mappers, which Cytoscape would re-evaluate on every style pass. Big graphs
 * get haystack edges without arrows or label backgrounds: the cheapest things to draw.
 */
export function graphStyle(big: boolean): StylesheetJson {
  const INK = '#1f2933';
  const EDGE = '#b8c1cc';
  return [
    {
      selector: 'node',
      style: {
        width: 'data(_size)',
        height: 'data(_size)',
        // Colour and shape come with the data (set once per node from palette.ts): one mapper
        // instead of a selector per label for Cytoscape to match on every style pass.
        'background-color': 'data(_color)',
        shape: 'data(_shape)' as never,
        'border-width': 1.5,
        'border-color': '#ffffff',
        // Big graphs draw no labels until zoomed in (GraphCanvas labels the nodes in view):
        // measuring and caching 2,000 labels is most of the cost of drawing them.
        label: big ? '' : 'data(_label)',
        'font-family': 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
        'font-size': LABEL_FONT,
        color: INK,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '160px',
        'min-zoomed-font-size': big ? 9 : MIN_LABEL_PX,
        ...(big
          ? {}
          : {
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.75,
              'text-background-padding': '1px',
              'text-background-shape': 'roundrectangle',
            }),
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(_w)',
        // Big graphs: a lighter colour at full opacity rather than translucency, one less state
        // change per edge for the canvas.
        'line-color': big ? '#d3d8de' : EDGE,
        opacity: big ? 1 : 0.9,
        'curve-style': big ? 'haystack' : 'bezier',
        ...(big
          ? { 'haystack-radius': 0 }
          : {
              'target-arrow-shape': 'triangle',
              'target-arrow-color': EDGE,
              'arrow-scale': 0.65,
              // The relationship's type (or the view's edge label) once zoomed in enough to read it.
              label: 'data(_edgeLabel)',
              'font-size': EDGE_LABEL_PX / EDGE_LABEL_ZOOM,
              'min-zoomed-font-size': EDGE_LABEL_PX,
              color: '#5b6775',
              'text-rotation': 'autorotate',
              'text-background-color': '#fbfbfc',
              'text-background-opacity': 0.85,
              'text-background-padding': '1px',
            }),
      },
    },
    {
      // Hovered or selected: readable at any zoom (the size is set for the zoom of the moment).
      selector: 'edge.hovered, edge:selected',
      style: {
        label: 'data(_edgeLabel)',
        'font-size': 'data(_labelFont)' as never,
        'min-zoomed-font-size': 0,
        color: '#3b5bdb',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'z-index': 20,
      },
    },
    { selector: 'edge[?_undirected]', style: { 'target-arrow-shape': 'none' } },
    { selector: 'node.labelled, node:selected', style: { label: 'data(_label)' } },
    {
      // The most important labels of a small graph zoomed out: drawn at a readable size anyway.
      selector: 'node.far-label',
      style: {
        'font-size': 'data(_farFont)',
        'text-max-width': 'data(_farWidth)',
        'text-margin-y': 'data(_farMargin)' as never,
        'min-zoomed-font-size': 0,
        'z-index': 15,
      },
    },
    { selector: 'node.no-label', style: { 'text-opacity': 0 } },
    {
      // A centrality the view rings nodes by (the themes map: bridging themes).
      selector: 'node[_ring > 0]',
      style: { 'border-width': 'data(_ring)', 'border-color': INK },
    },
    {
      selector: 'node.busy',
      style: { 'border-style': 'dashed', 'border-color': '#3b5bdb', 'border-width': 3 },
    },
    {
      selector: 'node.expanded',
      style: { 'border-color': INK, 'border-width': 2 },
    },
    {
      selector: 'node:selected',
      style: {
        'border-color': '#111827',
        'border-width': 3,
        'underlay-color': '#3b5bdb',
        'underlay-opacity': 0.25,
        'underlay-padding': 6,
        'z-index': 20,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': '#3b5bdb', 'target-arrow-color': '#3b5bdb', opacity: 1 },
    },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: 'edge.faded', style: { opacity: 0.06 } },
    {
      selector: 'node.path-node',
      style: { 'border-color': '#111827', 'border-width': 2.5 },
    },
    {
      selector: 'edge.path-edge',
      style: { 'line-color': '#3b5bdb', 'target-arrow-color': '#3b5bdb', width: 3, opacity: 1 },
    },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}

import type { StylesheetJson } from 'cytoscape';

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
        'font-size': 11,
        color: INK,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '160px',
        'min-zoomed-font-size': big ? 9 : 6,
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
          : { 'target-arrow-shape': 'triangle', 'target-arrow-color': EDGE, 'arrow-scale': 0.65 }),
      },
    },
    { selector: 'edge[?_undirected]', style: { 'target-arrow-shape': 'none' } },
    { selector: 'node.labelled, node:selected', style: { label: 'data(_label)' } },
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
      style: {
        'line-color': '#3b5bdb',
        'target-arrow-color': '#3b5bdb',
        opacity: 1,
        label: 'data(_edgeLabel)',
        'font-size': 10,
        color: '#3b5bdb',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-rotation': 'autorotate',
        'z-index': 20,
      },
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

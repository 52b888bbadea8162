/// <reference lib="webworker" />
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { spreadDraft } from './draft-spread.js';
import type { LayoutRequest, LayoutResponse, Positions } from './layout-protocol.js';

/**
 * Layouts run here, on a headless Cytoscape over plain positions, so a 2,000-node fCoSE never
 * blocks the page: the canvas only applies the positions this worker sends back.
 */
cytoscape.use(fcose);

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  const started = performance.now();
  let reply: LayoutResponse;
  try {
    reply = { seq: request.seq, positions: runLayout(request), ms: Math.round(performance.now() - started) };
  } catch (error) {
    reply = { seq: request.seq, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};

function runLayout(request: LayoutRequest): Positions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...request.nodes.map((node) => ({
        group: 'nodes' as const,
        data: { id: node.id, w: node.w, h: node.h },
        position: { x: node.x, y: node.y },
      })),
      ...request.edges.map((edge) => ({
        group: 'edges' as const,
        data: { id: edge.id, source: edge.source, target: edge.target },
      })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
  });
  const options = layoutOptions(request, cy);
  cy.layout(options).run();
  let positions: Positions = {};
  cy.nodes().forEach((node) => {
    positions[node.id()] = { ...node.position() };
  });
  cy.destroy();
  if (isDraft(options)) positions = spreadDraft(request.nodes, request.edges, positions);
  for (const position of Object.values(positions)) {
    position.x = Math.round(position.x * 10) / 10;
    position.y = Math.round(position.y * 10) / 10;
  }
  return positions;
}

/** fCoSE's spectral draft alone (big graphs): its leaves sit on their hubs until spread. */
function isDraft(options: LayoutOptions): boolean {
  return options.name === 'fcose' && (options as { quality?: string }).quality === 'draft';
}

function layoutOptions(request: LayoutRequest, cy: cytoscape.Core): LayoutOptions {
  const size = cy.nodes().length;
  const common = { animate: false, fit: false } as const;
  switch (request.name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        // The CoSE refinement of 'default' is quadratic per iteration: past a few hundred nodes
        // the spectral 'draft' alone is the one that finishes in seconds.
        quality: size > 400 ? 'draft' : 'default',
        randomize: request.randomize,
        nodeDimensionsIncludeLabels: false,
        packComponents: true,
        nodeRepulsion: () => 6_000,
        idealEdgeLength: () => (size > 500 ? 60 : 90),
        edgeElasticity: () => 0.45,
        nodeSeparation: 60,
        numIter: 2_500,
        tile: true,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        concentric: (node: cytoscape.NodeSingular) => node.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: size < 100 ? 45 : 12,
        avoidOverlap: size < 1_500,
      } as LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 1.1,
        avoidOverlap: size < 1_500,
        roots:
          request.roots.length > 0
            ? request.roots.reduce((c, id) => c.union(cy.getElementById(id)), cy.collection())
            : undefined,
      } as LayoutOptions;
    case 'grid':
      return {
        name: 'grid',
        ...common,
        avoidOverlap: true,
        condense: true,
        spacingFactor: 1.1,
      } as LayoutOptions;
  }
}

import type { CytoscapeOptions } from 'cytoscape';

/**
 * What changes once a canvas holds more than BIG_GRAPH elements, so that no main-thread task
 * adds or draws thousands of them for the first time at once (bench/ui.ts measures 7,000; run
 * bench/ui-profile.ts to see what a long task spends its time on).
 */
export const BIG_GRAPH = 1_200;

/** Elements added per frame while the view is parked (adding only: nothing is drawn). */
export const ADD_CHUNK = 300;

/** Edges drawn for the first time per frame when a laid-out graph is shown. */
export const REVEAL_EDGES_PER_STEP = 2_500;

/**
 * The parts a laid-out big graph is shown in, one frame each: the first drawing of an element
 * costs more than redrawing it (node textures, edge geometry), so no frame draws all of them
 * for the first time.
 */
export function revealSteps<T>(nodes: T[], edges: T[]): T[][] {
  const steps = [nodes];
  for (let start = 0; start < edges.length; start += REVEAL_EDGES_PER_STEP) {
    steps.push(edges.slice(start, start + REVEAL_EDGES_PER_STEP));
  }
  return steps;
}

/**
 * Renderer options fixed at creation. Big graphs: edges hidden while the view moves and pixel
 * ratio 1. No textureOnViewport: on a pixel ratio of 1 Cytoscape draws that texture at twice
 * the canvas size, which costs more than the frame it saves. No WebGL renderer either: it
 * picks with a synchronous readPixels on every mouse move, which stalls the page for seconds
 * without a GPU.
 */
export function renderOptions(big: boolean): Partial<CytoscapeOptions> {
  return {
    textureOnViewport: false,
    hideEdgesOnViewport: big,
    hideLabelsOnViewport: big,
    motionBlur: false,
    pixelRatio: big ? 1 : 'auto',
  };
}

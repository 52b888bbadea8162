import type { CytoscapeOptions } from 'cytoscape';
import type { Viewport } from './far-labels.js';

/**
 * What changes once a canvas holds more than BIG_GRAPH elements, so that no main-thread task
 * adds or draws thousands of them for the first time at once (bench/ui.ts measures 7,000; run
 * bench/ui-profile.ts to see what a long task spends its time on).
 */
export const BIG_GRAPH = 1_200;

/**
 * Elements added per task while the view is parked (nothing is drawn), the textures of their
 * nodes rendered in the same task.
 */
export const ADD_CHUNK = 150;

/**
 * The same for small graphs, which draw labels: a node's label texture costs about as much to
 * render as its body's, so half as many per task.
 */
export const LABELLED_ADD_CHUNK = ADD_CHUNK / 2;

/** Nodes drawn for the first time per frame when a laid-out graph is shown. */
export const REVEAL_NODES_PER_STEP = 250;

/** Edges drawn for the first time per frame when a laid-out graph is shown. */
export const REVEAL_EDGES_PER_STEP = 1_000;

/**
 * The parts a laid-out big graph is shown in, one frame each: the first drawing of an element
 * costs more than redrawing it (node textures, edge geometry), so no frame draws all of them
 * for the first time. The view is fitted to the whole graph before the first part (see
 * boxOfNodes): a zoom change with everything drawn re-renders every node's texture at once.
 */
export function revealSteps<T>(nodes: T[], edges: T[]): T[][] {
  const steps: T[][] = [];
  for (let start = 0; start < nodes.length; start += REVEAL_NODES_PER_STEP) {
    steps.push(nodes.slice(start, start + REVEAL_NODES_PER_STEP));
  }
  for (let start = 0; start < edges.length; start += REVEAL_EDGES_PER_STEP) {
    steps.push(edges.slice(start, start + REVEAL_EDGES_PER_STEP));
  }
  return steps;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * What a fit to these nodes would frame, from their positions and sizes alone, before any of
 * them is on the canvas; null for none.
 */
export function boxOfNodes(nodes: { position: { x: number; y: number }; size: number }[]): Box | null {
  if (nodes.length === 0) return null;
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { position, size } of nodes) {
    const half = size / 2 + NODE_BORDER;
    box.x1 = Math.min(box.x1, position.x - half);
    box.y1 = Math.min(box.y1, position.y - half);
    box.x2 = Math.max(box.x2, position.x + half);
    box.y2 = Math.max(box.y2, position.y + half);
  }
  return box;
}

/**
 * The zoom and pan that frame `box` in a `width` × `height` view with `padding` pixels around it,
 * the zoom held within `zoomRange`: the arithmetic of Cytoscape's fit.
 */
export function fitViewport(
  box: Box,
  view: { width: number; height: number; padding: number },
  zoomRange: { min: number; max: number },
): { zoom: number; pan: { x: number; y: number } } {
  const w = Math.max(box.x2 - box.x1, 1);
  const h = Math.max(box.y2 - box.y1, 1);
  const fitting = Math.min((view.width - 2 * view.padding) / w, (view.height - 2 * view.padding) / h);
  const zoom = Math.min(zoomRange.max, Math.max(zoomRange.min, fitting));
  return {
    zoom,
    pan: { x: (view.width - zoom * (box.x1 + box.x2)) / 2, y: (view.height - zoom * (box.y1 + box.y2)) / 2 },
  };
}

/** What lies over a canvas: a band along its top (the toolbar) and its bottom-right corner (the legend). */
export interface CanvasCover {
  top: number;
  corner: { width: number; height: number };
}

/** A part of the canvas, in rendered pixels from its top-left. */
export interface Room {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The parts of a canvas a fit may use: below the top band, and beside or above the covered corner
 * (the fit takes whichever frames the graph larger); below the band only when no corner is covered.
 */
export function roomsClearOf(view: { width: number; height: number }, cover: CanvasCover): Room[] {
  const below = { x: 0, y: cover.top, width: view.width, height: Math.max(view.height - cover.top, 0) };
  const { corner } = cover;
  if (corner.width <= 0 || corner.height <= 0) return [below];
  return [
    { ...below, width: Math.max(view.width - corner.width, 0) },
    { ...below, height: Math.max(below.height - corner.height, 0) },
  ];
}

/**
 * Whether a view is still the one a fit chose: the same but for an animation's rounding. A view
 * the user panned or zoomed since is theirs, and no later fit takes it from them by itself.
 */
export function sameView(view: Viewport, fitted: Viewport): boolean {
  return (
    Math.abs(view.zoom - fitted.zoom) <= 1e-6 * fitted.zoom &&
    Math.abs(view.pan.x - fitted.pan.x) < 0.5 &&
    Math.abs(view.pan.y - fitted.pan.y) < 0.5
  );
}

/** The widest node border of graph-style.ts (a selected node's). */
const NODE_BORDER = 3;

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

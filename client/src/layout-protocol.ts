/** Messages between the canvas and the layout worker: plain data only, no Cytoscape objects. */

export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export const LAYOUT_TITLES: Record<LayoutName, string> = {
  fcose: 'Force-directed (fCoSE)',
  concentric: 'Concentric by degree',
  breadthfirst: 'Breadth-first tree',
  grid: 'Grid',
};

export function isLayoutName(value: string | null | undefined): value is LayoutName {
  return (LAYOUT_NAMES as readonly string[]).includes(value ?? '');
}

export interface LayoutNode {
  id: string;
  w: number;
  h: number;
  x: number;
  y: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export interface LayoutRequest {
  seq: number;
  name: LayoutName;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Breadth-first roots (the selection or the first node). */
  roots: string[];
  /** Start from random positions (a fresh layout) or refine the current ones. */
  randomize: boolean;
}

export type Positions = Record<string, { x: number; y: number }>;

export type LayoutResponse =
  { seq: number; positions: Positions; ms: number } | { seq: number; error: string };

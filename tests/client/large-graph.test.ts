import { describe, expect, it } from 'vitest';
import {
  boxOfNodes,
  fitViewport,
  REVEAL_EDGES_PER_STEP,
  REVEAL_NODES_PER_STEP,
  revealSteps,
  roomsClearOf,
  sameView,
} from '../../client/src/large-graph.js';

const range = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('revealSteps', () => {
  it('shows 2,000 nodes and 5,000 edges in bounded parts, every node before any edge', () => {
    const nodes = range(2_000, 'n');
    const edges = range(5_000, 'e');
    const steps = revealSteps(nodes, edges);

    expect(steps.flat()).toEqual([...nodes, ...edges]);
    const nodeSteps = steps.filter((step) => step[0]!.startsWith('n'));
    const edgeSteps = steps.filter((step) => step[0]!.startsWith('e'));
    expect(nodeSteps.every((step) => step.every((id) => id.startsWith('n')))).toBe(true);
    expect(Math.max(...nodeSteps.map((step) => step.length))).toBe(REVEAL_NODES_PER_STEP);
    expect(Math.max(...edgeSteps.map((step) => step.length))).toBe(REVEAL_EDGES_PER_STEP);
    expect(nodeSteps).toHaveLength(Math.ceil(2_000 / REVEAL_NODES_PER_STEP));
    expect(edgeSteps).toHaveLength(Math.ceil(5_000 / REVEAL_EDGES_PER_STEP));
  });

  it('has no empty part, whatever is missing', () => {
    expect(revealSteps([], [])).toEqual([]);
    expect(revealSteps(['n0'], [])).toEqual([['n0']]);
    expect(revealSteps([], ['e0'])).toEqual([['e0']]);
  });
});

describe('boxOfNodes', () => {
  it('spans the nodes with their sizes and the widest border', () => {
    const box = boxOfNodes([
      { position: { x: 0, y: 0 }, size: 20 },
      { position: { x: 100, y: -50 }, size: 40 },
    ]);
    // Half a size plus a 3 px border either side.
    expect(box).toEqual({ x1: -13, y1: -73, x2: 123, y2: 13 });
  });

  it('is null for no nodes (nothing to frame)', () => {
    expect(boxOfNodes([])).toBeNull();
  });
});

describe('fitViewport', () => {
  const view = { width: 1000, height: 600, padding: 40 };
  const anyZoom = { min: 1e-50, max: 1e50 };

  it('centres the box at the zoom that fits its tighter side', () => {
    const box = { x1: 0, y1: 0, x2: 2_000, y2: 400 };
    const { zoom, pan } = fitViewport(box, view, anyZoom);
    expect(zoom).toBeCloseTo((1000 - 80) / 2000);
    // The box's centre lands on the view's centre.
    expect(pan.x + zoom * 1000).toBeCloseTo(500);
    expect(pan.y + zoom * 200).toBeCloseTo(300);
  });

  it('holds the zoom within the range it is given', () => {
    const tiny = { x1: 10, y1: 10, x2: 12, y2: 12 };
    expect(fitViewport(tiny, view, { min: 0.1, max: 1.3 }).zoom).toBe(1.3);
    const huge = { x1: 0, y1: 0, x2: 1e6, y2: 1e6 };
    expect(fitViewport(huge, view, { min: 0.1, max: 1.3 }).zoom).toBe(0.1);
  });

  it('keeps a single point in the centre rather than dividing by zero', () => {
    const { zoom, pan } = fitViewport({ x1: 5, y1: 5, x2: 5, y2: 5 }, view, { min: 0.1, max: 1.3 });
    expect(zoom).toBe(1.3);
    expect(pan).toEqual({ x: 500 - 1.3 * 5, y: 300 - 1.3 * 5 });
  });
});

describe('roomsClearOf', () => {
  const view = { width: 1000, height: 600 };
  const noCorner = { width: 0, height: 0 };

  it('offers the room beside and the room above a covered corner, both below the top band', () => {
    expect(roomsClearOf(view, { top: 30, corner: { width: 260, height: 350 } })).toEqual([
      { x: 0, y: 30, width: 740, height: 570 },
      { x: 0, y: 30, width: 1000, height: 220 },
    ]);
  });

  it('offers the whole canvas when nothing covers it (a closed or hidden legend measures 0)', () => {
    expect(roomsClearOf(view, { top: 0, corner: noCorner })).toEqual([{ x: 0, y: 0, ...view }]);
  });

  it('never offers a negative room when the cover is larger than the canvas', () => {
    const rooms = roomsClearOf(view, { top: 700, corner: { width: 1200, height: 700 } });
    expect(rooms.every((room) => room.width >= 0 && room.height >= 0)).toBe(true);
  });
});

describe('sameView', () => {
  const fitted = { zoom: 0.8, pan: { x: 120.25, y: -40.5 } };

  it('takes a view an animation ended on, off by rounding, for the fit it aimed at', () => {
    expect(sameView({ zoom: 0.8 + 1e-12, pan: { x: 120.25 + 1e-9, y: -40.5 - 1e-9 } }, fitted)).toBe(true);
  });

  it('tells a view the user panned or zoomed, even a little, from the fit', () => {
    expect(sameView({ ...fitted, pan: { x: 122, y: -40.5 } }, fitted)).toBe(false);
    expect(sameView({ ...fitted, pan: { x: 120.25, y: -38 } }, fitted)).toBe(false);
    expect(sameView({ ...fitted, zoom: 0.8 * 1.05 }, fitted)).toBe(false);
  });
});

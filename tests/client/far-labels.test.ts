import { describe, expect, it } from 'vitest';
import { frameWithLabels, pickFarLabels, type FramedNode } from '../../client/src/far-labels.js';
import { boxOfNodes, fitViewport } from '../../client/src/large-graph.js';

const VIEW = { width: 800, height: 500, padding: 40 };
const ZOOM = { min: 0.05, max: 1.3 };
const LABEL = { below: 18, readableZoom: 8 / 11 };

/** Each node's label box and shape, rendered, under a viewport. */
function rendered(nodes: FramedNode[], viewport: { zoom: number; pan: { x: number; y: number } }) {
  const { zoom, pan } = viewport;
  const scale = zoom >= LABEL.readableZoom ? zoom : 1;
  return nodes.map((node) => {
    const x = zoom * node.x + pan.x;
    const y = zoom * node.y + pan.y;
    const half = Math.max((zoom * node.size) / 2, (scale * node.labelWidth) / 2);
    return {
      x1: x - half,
      x2: x + half,
      y1: y - (zoom * node.size) / 2,
      y2: y + (zoom * node.size) / 2 + scale * LABEL.below,
    };
  });
}

function inside(boxes: ReturnType<typeof rendered>, margin: number): boolean {
  const eps = 1e-6;
  return boxes.every(
    (box) =>
      box.x1 >= margin - eps &&
      box.x2 <= VIEW.width - margin + eps &&
      box.y1 >= margin - eps &&
      box.y2 <= VIEW.height - margin + eps,
  );
}

describe('frameWithLabels', () => {
  // An ego graph of 31 nodes, its ring wider than high like the canvas, labels 150 px wide at zoom 1.
  const ring: FramedNode[] = Array.from({ length: 31 }, (_, i) => ({
    x: i === 0 ? 0 : 2400 * Math.cos((2 * Math.PI * i) / 30),
    y: i === 0 ? 0 : 600 * Math.sin((2 * Math.PI * i) / 30),
    size: 30,
    labelWidth: 150,
  }));

  it('keeps every label of a zoomed-out graph inside the view, where a fit to the shapes cuts those at the sides', () => {
    const shapes = fitViewport(boxOfNodes(ring.map((n) => ({ position: n, size: n.size })))!, VIEW, ZOOM);
    expect(shapes.zoom).toBeLessThan(LABEL.readableZoom);
    expect(inside(rendered(ring, shapes), 0)).toBe(false);

    const framed = frameWithLabels(ring, VIEW, ZOOM, LABEL)!;
    expect(inside(rendered(ring, framed), VIEW.padding)).toBe(true);
    // As close as it can be: a little closer and something sticks out.
    expect(inside(rendered(ring, { ...framed, zoom: framed.zoom * 1.02 }), VIEW.padding)).toBe(false);
  });

  it('frames labels at the zoom’s scale when the graph fits at a readable zoom, no closer than the maximum', () => {
    const small = ring.map((n) => ({ ...n, x: n.x / 10, y: n.y / 10 }));
    const framed = frameWithLabels(small, VIEW, ZOOM, LABEL)!;
    expect(framed.zoom).toBeGreaterThanOrEqual(LABEL.readableZoom);
    expect(framed.zoom).toBeLessThanOrEqual(ZOOM.max);
    expect(inside(rendered(small, framed), VIEW.padding)).toBe(true);
    const two = frameWithLabels([ring[0]!, { ...ring[0]!, x: 10 }], VIEW, ZOOM, LABEL)!;
    expect(two.zoom).toBe(ZOOM.max);
  });

  it('frames nothing when there is nothing', () => {
    expect(frameWithLabels([], VIEW, ZOOM, LABEL)).toBeNull();
  });
});

describe('pickFarLabels', () => {
  it('keeps only labels wholly in view, most important first, none overlapping', () => {
    const label = (id: string, x: number, y: number) => ({ id, x, y, width: 100, height: 15 });
    const picked = pickFarLabels(
      [
        label('cut at the left', 30, 100),
        label('first', 400, 100),
        label('overlaps first', 420, 105),
        label('cut at the bottom', 400, 495),
        label('second', 400, 300),
      ],
      { width: 800, height: 500 },
    );
    expect(picked).toEqual(['first', 'second']);
  });
});

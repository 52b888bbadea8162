/**
 * Which labels to draw when a small graph is zoomed out below the size labels can be read at (a
 * 31-node ego graph fits at zoom 0.3: every label 3 px high). The most important nodes keep a
 * label of readable size, as many as fit without overlapping, like sigma.js's label grid: the
 * picture stays readable at any zoom instead of turning into anonymous shapes.
 */

export interface LabelCandidate {
  id: string;
  /** Where the label would be drawn, in rendered pixels: its box's centre… */
  x: number;
  y: number;
  /** …and size. */
  width: number;
  height: number;
}

/** Labels kept at most, however much room there is: beyond this the picture is text, not a map. */
export const MAX_FAR_LABELS = 60;
/** Room kept free around each label (px). */
const GAP = 3;

/**
 * Greedily, in the order given (most important first), each label whose box lies wholly in the
 * view and overlaps none kept so far is kept.
 */
export function pickFarLabels(
  candidates: readonly LabelCandidate[],
  view: { width: number; height: number },
  max = MAX_FAR_LABELS,
): string[] {
  const kept: LabelCandidate[] = [];
  for (const candidate of candidates) {
    if (kept.length >= max) break;
    // Whole, or not at all: a label cut by the canvas's edge reads as another word.
    const inView =
      candidate.x - candidate.width / 2 >= 0 &&
      candidate.x + candidate.width / 2 <= view.width &&
      candidate.y - candidate.height / 2 >= 0 &&
      candidate.y + candidate.height / 2 <= view.height;
    if (!inView) continue;
    const overlaps = kept.some(
      (other) =>
        Math.abs(other.x - candidate.x) < (other.width + candidate.width) / 2 + GAP &&
        Math.abs(other.y - candidate.y) < (other.height + candidate.height) / 2 + GAP,
    );
    if (!overlaps) kept.push(candidate);
  }
  return kept.map((label) => label.id);
}

/** A label's rendered width at `fontPx`, estimated from its length (no text measuring per node). */
export function labelWidth(text: string, fontPx: number, maxWidthPx: number): number {
  return Math.min(maxWidthPx, text.length * fontPx * 0.58 + 4);
}

/** A node to frame: its position and size in graph units, and its label's width at zoom 1. */
export interface FramedNode {
  x: number;
  y: number;
  size: number;
  labelWidth: number;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/**
 * The zoom and pan that frame the nodes *with their labels* in the view, `padding` px around them.
 * Cytoscape's fit frames the shapes (or labels at the size of the zoom it had), so the labels of
 * the nodes at the sides, centred under them, hang off the canvas. A label is drawn under its
 * node, `label.below` px deep at zoom 1 (margin and line): from `label.readableZoom` up at the
 * zoom's scale, below it (far-labels, above) at its zoom-1 size whatever the zoom. The largest
 * zoom within `zoomRange` at which every node and label fits is taken; the picture is centred.
 */
export function frameWithLabels(
  nodes: readonly FramedNode[],
  view: { width: number; height: number; padding: number },
  zoomRange: { min: number; max: number },
  label: { below: number; readableZoom: number },
): Viewport | null {
  if (nodes.length === 0) return null;
  const room = { width: view.width - 2 * view.padding, height: view.height - 2 * view.padding };
  // Rendered extent at `zoom` with pan 0.
  const extent = (zoom: number) => {
    const scale = zoom >= label.readableZoom ? zoom : 1;
    const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    for (const node of nodes) {
      const half = Math.max((zoom * node.size) / 2, (scale * node.labelWidth) / 2);
      box.x1 = Math.min(box.x1, zoom * node.x - half);
      box.x2 = Math.max(box.x2, zoom * node.x + half);
      box.y1 = Math.min(box.y1, zoom * (node.y - node.size / 2));
      box.y2 = Math.max(
        box.y2,
        zoom * (node.y + node.size / 2) + (node.labelWidth > 0 ? scale * label.below : 0),
      );
    }
    return box;
  };
  const fits = (zoom: number) => {
    const box = extent(zoom);
    return box.x2 - box.x1 <= room.width && box.y2 - box.y1 <= room.height;
  };
  // With labels at the zoom's scale, every extent is zoom × its size at zoom 1: one division.
  const unit = extent(1);
  const scaled = Math.min(
    zoomRange.max,
    room.width / Math.max(unit.x2 - unit.x1, 1),
    room.height / Math.max(unit.y2 - unit.y1, 1),
  );
  let zoom: number;
  if (scaled >= label.readableZoom) zoom = scaled;
  else {
    // Below, labels keep their size: the extents grow with the zoom (never shrink), so the
    // largest zoom that fits is found by halving.
    let low = zoomRange.min;
    let high = Math.min(label.readableZoom, zoomRange.max);
    if (!fits(low)) zoom = low;
    else {
      for (let step = 0; step < 30; step++) {
        const middle = (low + high) / 2;
        if (fits(middle)) low = middle;
        else high = middle;
      }
      zoom = low;
    }
  }
  zoom = Math.max(zoomRange.min, zoom);
  const box = extent(zoom);
  return {
    zoom,
    pan: { x: (view.width - (box.x1 + box.x2)) / 2, y: (view.height - (box.y1 + box.y2)) / 2 },
  };
}

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
 * Greedily, in the order given (most important first), each label whose box lies in the view and
 * overlaps none kept so far is kept.
 */
export function pickFarLabels(
  candidates: readonly LabelCandidate[],
  view: { width: number; height: number },
  max = MAX_FAR_LABELS,
): string[] {
  const kept: LabelCandidate[] = [];
  for (const candidate of candidates) {
    if (kept.length >= max) break;
    const inView =
      candidate.x + candidate.width / 2 > 0 &&
      candidate.x - candidate.width / 2 < view.width &&
      candidate.y + candidate.height / 2 > 0 &&
      candidate.y - candidate.height / 2 < view.height;
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

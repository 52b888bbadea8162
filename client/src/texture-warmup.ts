import type { Core, NodeCollection } from 'cytoscape';

/**
 * Renders the cached textures of nodes before the frame that first draws them.
 *
 * Cytoscape's canvas renderer draws each node into a shared 1024-pixel-wide texture and copies it
 * onto the canvas straight away, node after node. Without a GPU, Chromium then copies the whole
 * texture again each time the next node is written into it (the copy drawn from it is still
 * held): 250 new nodes cost a 150-200 ms frame. Writing every texture first and copying after
 * costs a fraction of that (bench/ui-texture-copy.ts: 520 against 60 ms for 500 nodes).
 *
 * Labels are cached and copied the same way. There is no public API for any of it, so this
 * reaches the renderer's texture caches (`cy.renderer().data.eleTxrCache` and `lblTxrCache`,
 * Cytoscape 3.x). When the element cache is not there, nothing is warmed
 * and the nodes are drawn as before, only slower; the count returned says which happened
 * (tests/e2e/big-graph.test.ts fails on 0).
 */
interface ElementTextureCache {
  getElement(node: unknown, box: unknown, pixelRatio: number, level: number): unknown;
  getBoundingBox(node: unknown): unknown;
}

interface CanvasRenderer {
  data?: { eleTxrCache?: Partial<ElementTextureCache>; lblTxrCache?: Partial<ElementTextureCache> };
  getPixelRatio?: () => number;
}

const isCache = (cache: Partial<ElementTextureCache> | undefined): cache is ElementTextureCache =>
  typeof cache?.getElement === 'function' && typeof cache.getBoundingBox === 'function';

/** The node body cache, then the label cache (labels are copied from textures the same way). */
function textureCaches(cy: Core): { caches: ElementTextureCache[]; pixelRatio: number } | null {
  const renderer = (cy as unknown as { renderer?: () => CanvasRenderer | undefined }).renderer?.();
  const body = renderer?.data?.eleTxrCache;
  if (!isCache(body) || typeof renderer?.getPixelRatio !== 'function') return null;
  const label = renderer.data?.lblTxrCache;
  return { caches: isCache(label) ? [body, label] : [body], pixelRatio: renderer.getPixelRatio() };
}

/**
 * Textures of `nodes` (body and label) at the level Cytoscape will draw them with at `zoom` (its
 * own rule: the power of two at or above zoom × pixel ratio). `zoom` is the view's zoom once
 * restored, so this works while the view is parked elsewhere. Returns how many nodes were warmed.
 */
export function warmNodeTextures(cy: Core, nodes: NodeCollection, zoom: number): number {
  const found = textureCaches(cy);
  if (!found) return 0;
  const { caches, pixelRatio } = found;
  const level = Math.ceil(Math.log2(zoom * pixelRatio));
  let warmed = 0;
  nodes.forEach((node) => {
    for (const cache of caches) cache.getElement(node, cache.getBoundingBox(node), pixelRatio, level);
    warmed += 1;
  });
  return warmed;
}

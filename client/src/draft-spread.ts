import { forceCollide, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import type { LayoutEdge, LayoutNode, Positions } from './layout-protocol.js';

/**
 * Makes fCoSE's 'draft' layout readable. The draft is a spectral embedding: it places the hubs
 * well but puts every leaf (a node with one neighbour, most of an article's keywords, signals and
 * technologies) on top of its hub, so a 2,000-node answer drew as one overlapping blob. The
 * refinement that fCoSE and the force libraries offer does not finish in time at that size (on a
 * 2-core machine, 4,200 nodes: fCoSE 'default' not done after ten minutes, d3-force and
 * ForceAtlas2 8-13 s for 300 iterations and still overlapping), so this step works from the draft:
 *
 * 1. each node that is not a leaf becomes a disk big enough for it and its leaves;
 * 2. the draft's positions are scaled until the disks could fit, then d3-force's collision
 *    force pushes overlapping disks apart (hundreds of disks, not thousands of nodes);
 * 3. the leaves go around their hub in a sunflower (golden-angle) pattern, which packs any number
 *    of them evenly without overlapping.
 *
 * Deterministic: the same input gives the same positions.
 */

/** Room between two nodes' borders. */
const GAP = 6;
/** Sunflower pitch as a fraction of the leaf spacing: neighbours end up about one spacing apart. */
const SUNFLOWER = 0.56;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** How much of the draft's box the disks are scaled to cover before collisions settle the rest. */
const FILL = 0.7;
/**
 * Enough for the stars of this data: of 4,223 nodes, 3,055 touch another before the collisions, 18
 * after 50 ticks (0.3 s). A graph with few leaves clumps more in the draft and keeps some: bench/ui.ts's
 * synthetic 2,000 nodes go from 1,660 touching to 705 (0.8 s).
 */
const COLLISION_TICKS = 50;

interface Disk extends SimulationNodeDatum {
  node: LayoutNode;
  leaves: LayoutNode[];
  /** Sunflower pitch and the index its first leaf starts at (the inner ones are the hub's room). */
  pitch: number;
  firstIndex: number;
  r: number;
  x: number;
  y: number;
}

export function spreadDraft(nodes: LayoutNode[], edges: LayoutEdge[], draft: Positions): Positions {
  const neighbours = neighbourSets(nodes, edges);
  const leavesOf = new Map<string, LayoutNode[]>();
  const isLeaf = new Set<string>();
  for (const node of nodes) {
    const only = neighbours.get(node.id)!;
    if (only.size !== 1) continue;
    const hub = only.values().next().value!;
    // Two nodes linked only to each other: neither is the other's hub.
    if (neighbours.get(hub)!.size < 2) continue;
    isLeaf.add(node.id);
    const leaves = leavesOf.get(hub);
    if (leaves) leaves.push(node);
    else leavesOf.set(hub, [node]);
  }

  const disks = nodes
    .filter((node) => !isLeaf.has(node.id))
    .map((node) => diskOf(node, leavesOf.get(node.id) ?? [], draft[node.id] ?? { x: node.x, y: node.y }));
  scaleToFit(disks);
  separate(disks);

  const positions: Positions = {};
  for (const disk of disks) {
    positions[disk.node.id] = { x: disk.x, y: disk.y };
    disk.leaves.forEach((leaf, i) => {
      const index = disk.firstIndex + i;
      const radius = disk.pitch * Math.sqrt(index);
      positions[leaf.id] = {
        x: disk.x + radius * Math.cos(index * GOLDEN_ANGLE),
        y: disk.y + radius * Math.sin(index * GOLDEN_ANGLE),
      };
    });
  }
  return positions;
}

function neighbourSets(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, Set<string>> {
  const neighbours = new Map(nodes.map((node) => [node.id, new Set<string>()]));
  for (const { source, target } of edges) {
    if (source === target) continue;
    neighbours.get(source)?.add(target);
    neighbours.get(target)?.add(source);
  }
  return neighbours;
}

function diskOf(node: LayoutNode, leaves: LayoutNode[], at: { x: number; y: number }): Disk {
  const own = Math.max(node.w, node.h) / 2;
  if (leaves.length === 0) {
    return { node, leaves, pitch: 0, firstIndex: 0, r: own + GAP / 2, x: at.x, y: at.y };
  }
  const spacing = Math.max(...leaves.map((leaf) => Math.max(leaf.w, leaf.h))) + GAP;
  const pitch = spacing * SUNFLOWER;
  // The sunflower's first ring starts outside the hub.
  const firstIndex = Math.ceil(((own + spacing / 2) / pitch) ** 2);
  const r = pitch * Math.sqrt(firstIndex + leaves.length) + spacing / 2;
  return { node, leaves, pitch, firstIndex, r, x: at.x, y: at.y };
}

/** Spreads the draft about its centre until the disks' area is FILL of the box they span. */
function scaleToFit(disks: Disk[]): void {
  if (disks.length < 2) return;
  const xs = disks.map((disk) => disk.x);
  const ys = disks.map((disk) => disk.y);
  const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const area = disks.reduce((sum, disk) => sum + Math.PI * disk.r ** 2, 0);
  const box = Math.max(x2 - x1, 1) * Math.max(y2 - y1, 1);
  const scale = Math.max(1, Math.sqrt(area / (FILL * box)));
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  for (const disk of disks) {
    disk.x = cx + (disk.x - cx) * scale;
    disk.y = cy + (disk.y - cy) * scale;
  }
}

function separate(disks: Disk[]): void {
  let seed = 1;
  forceSimulation(disks)
    // A fixed seed instead of Math.random for the jiggle that splits coincident disks.
    .randomSource(() => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647)
    .force('collide', forceCollide<Disk>((disk) => disk.r).iterations(2))
    .stop()
    .tick(COLLISION_TICKS);
}

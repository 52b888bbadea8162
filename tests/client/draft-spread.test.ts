import { describe, expect, it } from 'vitest';
import { spreadDraft } from '../../client/src/draft-spread.js';
import type { LayoutEdge, LayoutNode, Positions } from '../../client/src/layout-protocol.js';

/** Hubs with leaves, every node of a star on one point, as fCoSE's spectral draft leaves them. */
function collapsedStars(hubs: number, leavesEach: number, shared = 0) {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const draft: Positions = {};
  const add = (id: string, w: number, at: { x: number; y: number }) => {
    nodes.push({ id, w, h: w, x: 0, y: 0 });
    draft[id] = { ...at };
  };
  for (let h = 0; h < hubs; h++) {
    const at = { x: (h % 3) * 10, y: Math.floor(h / 3) * 10 };
    add(`hub${h}`, 31, at);
    for (let l = 0; l < leavesEach; l++) {
      add(`leaf${h}-${l}`, 23 + (l % 3) * 8, at);
      edges.push({ id: `e${h}-${l}`, source: `hub${h}`, target: `leaf${h}-${l}` });
    }
  }
  // Nodes linked to two hubs: not leaves, they stay between them.
  for (let s = 0; s < shared; s++) {
    add(`shared${s}`, 27, { x: 5, y: 5 });
    edges.push({ id: `s${s}a`, source: `shared${s}`, target: `hub${s % hubs}` });
    edges.push({ id: `s${s}b`, source: `shared${s}`, target: `hub${(s + 1) % hubs}` });
  }
  return { nodes, edges, draft };
}

function overlappingPairs(nodes: LayoutNode[], positions: Positions): number {
  let pairs = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = positions[nodes[i]!.id]!;
      const b = positions[nodes[j]!.id]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < (nodes[i]!.w + nodes[j]!.w) / 2) pairs += 1;
    }
  }
  return pairs;
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('spreadDraft', () => {
  it('spreads stars collapsed on their hubs until no two nodes overlap', () => {
    const { nodes, edges, draft } = collapsedStars(9, 25, 6);
    expect(overlappingPairs(nodes, draft)).toBeGreaterThan(1_000);
    const spread = spreadDraft(nodes, edges, draft);
    expect(Object.keys(spread).sort()).toEqual(nodes.map((node) => node.id).sort());
    expect(overlappingPairs(nodes, spread)).toBe(0);
  });

  it('keeps every leaf nearer its own hub than any other hub', () => {
    const { nodes, edges, draft } = collapsedStars(6, 30);
    const spread = spreadDraft(nodes, edges, draft);
    const hubs = nodes.filter((node) => node.id.startsWith('hub'));
    for (const leaf of nodes.filter((node) => node.id.startsWith('leaf'))) {
      const own = `hub${leaf.id.slice(4).split('-')[0]}`;
      const nearest = hubs.reduce((best, hub) =>
        distance(spread[hub.id]!, spread[leaf.id]!) < distance(spread[best.id]!, spread[leaf.id]!)
          ? hub
          : best,
      );
      expect(nearest.id).toBe(own);
    }
  });

  it('gives the same positions for the same input', () => {
    const first = collapsedStars(5, 12, 3);
    const second = collapsedStars(5, 12, 3);
    expect(spreadDraft(first.nodes, first.edges, first.draft)).toEqual(
      spreadDraft(second.nodes, second.edges, second.draft),
    );
  });

  it('leaves a graph without overlaps where it is', () => {
    const nodes: LayoutNode[] = [
      { id: 'a', w: 20, h: 20, x: 0, y: 0 },
      { id: 'b', w: 20, h: 20, x: 0, y: 0 },
      { id: 'c', w: 20, h: 20, x: 0, y: 0 },
    ];
    const edges: LayoutEdge[] = [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'bc', source: 'b', target: 'c' },
      { id: 'ca', source: 'c', target: 'a' },
    ];
    const draft = { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 150, y: 260 } };
    expect(spreadDraft(nodes, edges, draft)).toEqual(draft);
  });
});

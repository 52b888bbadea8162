import {
  formatWindow,
  isNodeLabel,
  parseWindow,
  type NodeLabel,
  type TimeWindow,
} from '../../model/index.js';

/**
 * The Explore canvas as a list of operations, kept in the URL (`op=` repeated) so a link rebuilds
 * the same canvas. Node ids are `Label:urlencodedKey`, which never contain `|` or `,`. An
 * expansion keeps the time window it was made in, so a link rebuilds it the same after the window
 * moved.
 */
export type ExploreOp =
  | { kind: 'add'; id: string }
  | { kind: 'expand'; id: string; labels: NodeLabel[]; limit: number; window?: TimeWindow }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'hide'; ids: string[] }
  | { kind: 'show'; ids: string[] };

export function encodeOp(op: ExploreOp): string {
  switch (op.kind) {
    case 'add':
      return `a|${op.id}`;
    case 'expand': {
      const window = formatWindow(op.window);
      return `x|${op.id}|${op.labels.join(',')}|${op.limit}${window ? `|${window}` : ''}`;
    }
    case 'remove':
      return `r|${op.ids.join(',')}`;
    case 'hide':
      return `h|${op.ids.join(',')}`;
    case 'show':
      return `s|${op.ids.join(',')}`;
  }
}

export function decodeOp(text: string): ExploreOp | null {
  const [kind, first = '', labels = '', limit = '', window = ''] = text.split('|');
  const ids = first.split(',').filter(Boolean);
  if (ids.length === 0) return null;
  switch (kind) {
    case 'a':
      return { kind: 'add', id: ids[0]! };
    case 'x': {
      const n = Number.parseInt(limit, 10);
      const dated = parseWindow(window);
      return {
        kind: 'expand',
        id: ids[0]!,
        labels: labels.split(',').filter(isNodeLabel),
        limit: Number.isFinite(n) && n > 0 ? n : 25,
        ...(dated ? { window: dated } : {}),
      };
    }
    case 'r':
      return { kind: 'remove', ids };
    case 'h':
      return { kind: 'hide', ids };
    case 's':
      return { kind: 'show', ids };
    default:
      return null;
  }
}

export function sameOps(a: readonly ExploreOp[], b: readonly ExploreOp[]): boolean {
  return a.length === b.length && a.every((op, i) => encodeOp(op) === encodeOp(b[i]!));
}

export function isPrefix(prefix: readonly ExploreOp[], ops: readonly ExploreOp[]): boolean {
  return prefix.length <= ops.length && prefix.every((op, i) => encodeOp(op) === encodeOp(ops[i]!));
}

export function describeOp(op: ExploreOp): string {
  switch (op.kind) {
    case 'add':
      return 'add node';
    case 'expand':
      return 'expand';
    case 'remove':
      return op.ids.length === 1 ? 'remove node' : `remove ${op.ids.length} nodes`;
    case 'hide':
      return op.ids.length === 1 ? 'hide node' : `hide ${op.ids.length} nodes`;
    case 'show':
      return 'show hidden';
  }
}

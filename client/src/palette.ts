import { NODE_LABELS, type NodeLabel } from '../../model/index.js';

/**
 * One colour and one shape per label, used by the canvas and the legend alike. Colours are
 * mid-saturation so dark labels stay readable beside them and neighbouring labels differ in both
 * hue and shape (colour is never the only cue).
 */
export type Shape =
  | 'round-rectangle'
  | 'ellipse'
  | 'hexagon'
  | 'diamond'
  | 'triangle'
  | 'octagon'
  | 'pentagon'
  | 'barrel'
  | 'tag'
  | 'rectangle'
  | 'star';

export interface LabelStyle {
  color: string;
  shape: Shape;
  /** Base diameter in px before sizing by article count. */
  size: number;
  description: string;
}

export const LABEL_STYLES: Record<NodeLabel, LabelStyle> = {
  Article: { color: '#3b5bdb', shape: 'round-rectangle', size: 26, description: 'A digest document' },
  Keyword: { color: '#74808c', shape: 'ellipse', size: 18, description: 'A keyword of an article' },
  Theme: { color: '#0c9a6e', shape: 'hexagon', size: 26, description: 'A theme of an article' },
  Category: { color: '#e0a100', shape: 'diamond', size: 28, description: 'An article’s category' },
  Signal: { color: '#1c7ed6', shape: 'triangle', size: 24, description: 'A signal of change' },
  Concern: { color: '#d9383a', shape: 'octagon', size: 24, description: 'A concern raised' },
  Behavior: { color: '#9c36b5', shape: 'pentagon', size: 24, description: 'An observed behaviour' },
  Technology: { color: '#0b8ea3', shape: 'barrel', size: 24, description: 'A technology named' },
  Issue: { color: '#e8590c', shape: 'tag', size: 24, description: 'An issue raised' },
  Page: { color: '#495057', shape: 'rectangle', size: 24, description: 'A digest page' },
  IssueGroup: {
    color: '#c2255c',
    shape: 'star',
    size: 30,
    description: 'An issue concept: equivalent issues grouped',
  },
  ThemeGroup: {
    color: '#087f5b',
    shape: 'star',
    size: 30,
    description: 'A theme concept: equivalent themes grouped',
  },
  KeywordGroup: {
    color: '#5c6670',
    shape: 'star',
    size: 24,
    description: 'A keyword concept: equivalent keywords grouped',
  },
  SignalGroup: {
    color: '#1864ab',
    shape: 'star',
    size: 28,
    description: 'A signal concept: equivalent signals grouped',
  },
};

/**
 * Communities of the themes map, largest first: ten hues apart in both hue and lightness (Tableau
 * 10), then one grey for the small rest.
 */
const COMMUNITY_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#b07aa1',
  '#edc948',
  '#ff9da7',
  '#9c755f',
  '#86bcb6',
] as const;
export const COMMUNITY_REST_COLOR = '#c5ccd3';

export function communityColor(community: number | undefined): string {
  return community === undefined
    ? COMMUNITY_REST_COLOR
    : (COMMUNITY_COLORS[community] ?? COMMUNITY_REST_COLOR);
}

/** Communities beyond this many share the grey. */
export const COMMUNITY_HUES = COMMUNITY_COLORS.length;

export const LABEL_ORDER: readonly NodeLabel[] = NODE_LABELS;

export function labelStyle(label: string): LabelStyle {
  return (LABEL_STYLES as Record<string, LabelStyle | undefined>)[label] ?? LABEL_STYLES.Keyword;
}

/** SVG polygon points for each shape in a 20×20 box, for the legend and lists. */
export function shapePoints(shape: Shape): string | null {
  const regular = (sides: number, rotate: number): string =>
    Array.from({ length: sides }, (_, i) => {
      const angle = rotate + (i * 2 * Math.PI) / sides;
      return `${(10 + 9 * Math.cos(angle)).toFixed(2)},${(10 + 9 * Math.sin(angle)).toFixed(2)}`;
    }).join(' ');
  switch (shape) {
    case 'hexagon':
      return regular(6, 0);
    case 'diamond':
      return '10,1 19,10 10,19 1,10';
    case 'triangle':
      return '10,1.5 19,18 1,18';
    case 'octagon':
      return regular(8, Math.PI / 8);
    case 'pentagon':
      return regular(5, -Math.PI / 2);
    case 'tag':
      return '1,3 14,3 19,10 14,17 1,17';
    case 'star':
      return Array.from({ length: 10 }, (_, i) => {
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        const r = i % 2 === 0 ? 9.5 : 4;
        return `${(10 + r * Math.cos(angle)).toFixed(2)},${(10 + r * Math.sin(angle)).toFixed(2)}`;
      }).join(' ');
    default:
      return null;
  }
}

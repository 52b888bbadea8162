/** Node labels and relationship types of the graph: the one list ingest, server and client share. */

export const ENTITY_LABELS = [
  'Keyword',
  'Theme',
  'Category',
  'Signal',
  'Concern',
  'Behavior',
  'Technology',
  'Issue',
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Groups of near-equivalent issue names (see groups/README.md); computed after ingest. */
export const GROUP_LABEL = 'IssueGroup';

/**
 * Labels whose names are grouped into concepts by meaning (groups/README.md), each with its own
 * group label; every member hangs off its group by IN_GROUP {reason, similarity}.
 */
export const GROUPED_LABELS = ['Issue', 'Theme', 'Keyword', 'Signal'] as const;
export type GroupedLabel = (typeof GROUPED_LABELS)[number];
export const CONCEPT_LABELS = {
  Issue: GROUP_LABEL,
  Theme: 'ThemeGroup',
  Keyword: 'KeywordGroup',
  Signal: 'SignalGroup',
} as const satisfies Record<GroupedLabel, string>;
export type ConceptLabel = (typeof CONCEPT_LABELS)[GroupedLabel];

/**
 * What the concept recomputation keeps on a grouped name (groups/embeddings.ts, neighbours.ts): its vectors, the
 * hashes of the texts they were embedded from, and its nearest names. Derived from the name, never
 * shown by the API (384 numbers and 20 neighbours per node would swell every answer).
 */
export const CONCEPT_NODE_PROPERTIES = [
  'embedding',
  'embeddingHash',
  'neighbourKeys',
  'neighbourCosines',
  'neighboursHash',
  'headEmbedding',
  'headEmbeddingHash',
  'headNeighbourKeys',
  'headNeighbourCosines',
  'headNeighboursHash',
  'nearHeadKeys',
  'nearHeadCosines',
  'nearHeadsHash',
] as const;

export const NODE_LABELS = [
  'Article',
  ...ENTITY_LABELS,
  'Page',
  GROUP_LABEL,
  'ThemeGroup',
  'KeywordGroup',
  'SignalGroup',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const REL_TYPES = [
  'HAS_KEYWORD',
  'HAS_THEME',
  'IN_CATEGORY',
  'IN_PAGE',
  'HAS_SIGNAL',
  'HAS_CONCERN',
  'HAS_BEHAVIOR',
  'HAS_TECHNOLOGY',
  'HAS_ISSUE',
  'CLOSEST_TO',
  'IN_GROUP',
  /** Between issue groups: their co-occurrence, stored by the concept recomputation (groups/cooccurrence.ts). */
  'CO_OCCURS',
] as const;
export type RelType = (typeof REL_TYPES)[number];

/** How each entity label hangs off an article. */
export const ARTICLE_REL: Record<EntityLabel, RelType> = {
  Keyword: 'HAS_KEYWORD',
  Theme: 'HAS_THEME',
  Category: 'IN_CATEGORY',
  Signal: 'HAS_SIGNAL',
  Concern: 'HAS_CONCERN',
  Behavior: 'HAS_BEHAVIOR',
  Technology: 'HAS_TECHNOLOGY',
  Issue: 'HAS_ISSUE',
};

/** The labels each relationship type joins, (from, to), as the ingest and the grouping write them. */
export const REL_ENDS: Record<RelType, readonly (readonly [NodeLabel, NodeLabel])[]> = {
  ...(Object.fromEntries(ENTITY_LABELS.map((label) => [ARTICLE_REL[label], [['Article', label]]])) as Record<
    (typeof ARTICLE_REL)[EntityLabel],
    [['Article', EntityLabel]]
  >),
  IN_PAGE: [['Article', 'Page']],
  CLOSEST_TO: [['Article', 'Article']],
  IN_GROUP: GROUPED_LABELS.map((label) => [label, CONCEPT_LABELS[label]] as const),
  CO_OCCURS: [
    [GROUP_LABEL, GROUP_LABEL],
    ['ThemeGroup', 'ThemeGroup'],
  ],
};

/** The labels a node of `label` reaches through relationships of `type` (none for a type it has not). */
export function neighbourLabels(label: NodeLabel, type: string): NodeLabel[] {
  const ends = (REL_ENDS as Record<string, readonly (readonly [NodeLabel, NodeLabel])[] | undefined>)[type];
  const found = new Set<NodeLabel>();
  for (const [from, to] of ends ?? []) {
    if (from === label) found.add(to);
    if (to === label) found.add(from);
  }
  return [...found];
}

/** The property that identifies a node of each label (backed by a unique constraint). */
export function keyProperty(label: NodeLabel): 'id' | 'key' {
  return label === 'Article' || label === 'Page' ? 'id' : 'key';
}

/** Hubs: nodes that link almost everything and make paths meaningless unless asked for. */
export const HUB_LABELS: readonly NodeLabel[] = ['Category', 'Page'];

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isEntityLabel(value: string): value is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(value);
}

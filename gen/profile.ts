import type { Counts } from './histogram.js';
import type { NearEquivalence } from './measure/near-equivalence.js';
import type { Repetition } from './measure/repetition.js';

/** The fact tables of the format, in document order. */
export const TABLE_SECTIONS = ['Signals', 'Concerns', 'Behaviors', 'Technologies', 'Issues'] as const;
export type TableSection = (typeof TABLE_SECTIONS)[number];

export const GENERATED_LAYOUTS = ['new', 'old', 'short'] as const;
export type GeneratedLayout = (typeof GENERATED_LAYOUTS)[number];

/** What varies with the layout: in the corpus these go together (short ⇔ split lists ⇔ numbered pages). */
export interface LayoutProfile {
  docs: number;
  /** 'old' or 'new' title style. */
  titleStyle: Counts;
  /** 'date', 'date-letter', 'slug', 'number' or 'other'. */
  pageForm: Counts;
  /** Pages written with a space inside the brackets and URL. */
  pageSpace: number;
  /** yyyymmdd of every page that starts with a date. */
  pageDates: number[];
  /** Pages that are numbers (`2966.0`), as numbers. */
  pageNumbers: number[];
  /** Tracking query of the external link: 'none', 'utm', 'ref', 'mailchimp', 'token', 'hubspot', 'other'. */
  query: Counts;
  keywords: Counts;
  themes: Counts;
  /** Documents whose Keywords and Themes lists are split into single characters. */
  split: number;
  /** … of which the joined text has a space after each comma. */
  splitSpaced: number;
  french: number;
  /** Documents whose Concerns/Behaviors/Technologies/Issues tables carry a relevancy column. */
  relevancy: number;
  /** Documents whose Technologies table is `description, relevancy, src`. */
  nameless: number;
  /** 'new' (`name, description, …, relevancy`) or 'old' (`Signal, Change, …`) Signals headers. */
  signalsHeader: Counts;
  /** Rows per table, per section. */
  rows: Record<string, Counts>;
  /** Per Closest list: [entries, links to the document itself, repeated other links, empty bullets]. */
  closest: number[][];
  trailingNewline: number;
  /** Documents where one name appears in two of their tables. */
  sharedName: number;
  /** Documents whose table names are mostly in sentence case rather than Title Case. */
  sentenceCase: number;
}

/** A layout no document has been measured in yet. */
export function emptyLayoutProfile(): LayoutProfile {
  return {
    docs: 0,
    titleStyle: {},
    pageForm: {},
    pageSpace: 0,
    pageDates: [],
    pageNumbers: [],
    query: {},
    keywords: {},
    themes: {},
    split: 0,
    splitSpaced: 0,
    french: 0,
    relevancy: 0,
    nameless: 0,
    signalsHeader: {},
    rows: {},
    closest: [],
    trailingNewline: 0,
    sharedName: 0,
    sentenceCase: 0,
  };
}

export interface CorpusProfile {
  /** Where the figures come from. */
  source: string;
  docs: number;
  layouts: Counts;
  byLayout: Record<string, LayoutProfile>;
  category: Counts;
  type: Counts;
  titleWords: Counts;
  keywordWords: Counts;
  themeWords: Counts;
  /** Words per name, per table section ('Signals (old)' for the old header's Signal column). */
  nameWords: Record<string, Counts>;
  /** Characters per cell, in buckets of 10, per `Section.column`. */
  cellChars: Record<string, Counts>;
  /** Characters of the summary paragraph, in buckets of 50. */
  summaryChars: Counts;
  relevancyValues: Counts;
  /** Documents containing each marker: curly quotes, «», €, £, °, em dash, accents, `____`. */
  markers: Counts;
  tables: { all: number; padded: number };
  repetition: Record<string, Repetition>;
  /** Distinct keywords and themes after the first k documents. */
  growth: Record<string, Array<[number, number]>>;
  nearEquivalent: Record<string, NearEquivalence>;
}

import type { Topic } from './lexicon/index.js';
import type { GeneratedLayout } from './profile.js';
import type { Family } from './text/families.js';
import type { Voice } from './text/phrasing.js';

/** What is decided first about a document; enough to name it in another document's Closest list. */
export interface DocumentHead {
  index: number;
  id: string;
  layout: GeneratedLayout;
  french: boolean;
  category: string;
  topic: Topic;
  anchor: Family;
  voice: Voice;
  markers: ReadonlySet<string>;
  title: string;
}

/** The other documents of the corpus, as a Closest list sees them. */
export interface DocumentSource {
  /** How many documents the corpus has. */
  readonly docs: number;
  head(index: number): DocumentHead;
  /** The topic alone: cheap enough to try many documents. */
  topicOf(index: number): Topic;
}

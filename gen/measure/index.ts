export { ProfileBuilder, type ProfileOptions } from './profile-builder.js';
export { corpusFiles, measureCorpus } from './read-corpus.js';
export { RepetitionCounter, heapsExponent, type Repetition } from './repetition.js';
export { contentStems, nearEquivalence, type NearEquivalence } from './near-equivalence.js';
export {
  layoutOf,
  listItems,
  sectionOf,
  splitDocument,
  splitRow,
  type RawDocument,
  type RawSection,
  type RawTable,
} from './split-document.js';
export { isTitleCase, language, pageForm, queryKind, wordCount } from './classify.js';

/**
 * The synthetic corpus generator: deterministic digests in the format of ../shared/FORMAT.md, with
 * distributions fitted to a real corpus measured at start (gen/README.md describes the design).
 */
export { createGenerator, fittedVocabulary } from './create.js';
export {
  CorpusGenerator,
  type DocumentHead,
  type GeneratedDocument,
  type GeneratorOptions,
} from './generator.js';
export { documentId } from './doc-id.js';
export { corpusDir, loadProfile, type LoadedProfile } from './load-profile.js';
export { FITTED_DEFAULTS } from './fitted-defaults.js';
export { fitVocabulary, TAIL_LAWS, type VocabularyFit } from './fit/fit-vocabulary.js';
export {
  ProfileBuilder,
  RepetitionCounter,
  contentStems,
  heapsExponent,
  layoutOf,
  listItems,
  measureCorpus,
  nearEquivalence,
  sectionOf,
  splitDocument,
  splitRow,
  type NearEquivalence,
  type RawDocument,
  type RawTable,
  type Repetition,
} from './measure/index.js';
export {
  GENERATED_LAYOUTS,
  TABLE_SECTIONS,
  type CorpusProfile,
  type GeneratedLayout,
  type LayoutProfile,
} from './profile.js';
export { Rng, rngFor, seedKey } from './prng.js';
export { driftOf, type Drift } from './time-drift.js';
export { statsReport } from './stats-report.js';
export { writeCorpus, type WriteOptions, type WriteProgress, type WriteSummary } from './write-corpus.js';
export { main as runCli } from './cli.js';

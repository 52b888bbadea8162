import { fitVocabulary, type VocabularyFit } from './fit/fit-vocabulary.js';
import { CorpusGenerator } from './generator.js';
import type { CorpusProfile } from './profile.js';

const fits = new WeakMap<CorpusProfile, VocabularyFit>();

/** The vocabulary fitted to a profile, computed once per profile object. */
export function fittedVocabulary(profile: CorpusProfile): VocabularyFit {
  let fit = fits.get(profile);
  if (!fit) {
    fit = fitVocabulary(profile);
    fits.set(profile, fit);
  }
  return fit;
}

/** A generator fitted to `profile`: same seed, docs and profile → byte-identical documents. */
export function createGenerator(options: {
  seed: string;
  docs: number;
  profile: CorpusProfile;
}): CorpusGenerator {
  return new CorpusGenerator({ ...options, vocabulary: fittedVocabulary(options.profile) });
}

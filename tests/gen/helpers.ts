import {
  createGenerator,
  loadProfile,
  type CorpusGenerator,
  type GeneratedDocument,
} from '../../gen/index.js';

const { profile } = loadProfile();

export const PROFILE = profile;

export function generator(seed: string, docs: number): CorpusGenerator {
  return createGenerator({ seed, docs, profile: PROFILE });
}

export function generate(seed: string, docs: number): GeneratedDocument[] {
  const gen = generator(seed, docs);
  return Array.from({ length: docs }, (_, index) => gen.document(index));
}

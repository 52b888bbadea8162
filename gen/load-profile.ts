import path from 'node:path';
import { CORPUS_DIR, CORPUS_PRESENT } from '../bench/shared-material.js';
import { FITTED_DEFAULTS } from './fitted-defaults.js';
import { corpusFiles, measureCorpus } from './measure/index.js';
import type { CorpusProfile } from './profile.js';

/** The corpus the generator fits itself to: HORIZON_CORPUS, else ../shared/corpus/futures. */
export function corpusDir(): string {
  return CORPUS_DIR;
}

export interface LoadedProfile {
  profile: CorpusProfile;
  /** Measured now from `dir`, or the recorded figures of gen/fitted-defaults.ts. */
  origin: 'measured' | 'recorded';
  dir: string;
}

/**
 * Measures the corpus when it is there; otherwise (a clone without ../shared) the figures recorded
 * from it, which equal a fresh measurement, so the output is the same either way.
 */
export function loadProfile(): LoadedProfile {
  const dir = CORPUS_DIR;
  if (!CORPUS_PRESENT || corpusFiles(dir).length === 0)
    return { profile: FITTED_DEFAULTS, origin: 'recorded', dir };
  const label = `${path.basename(path.dirname(dir))}/${path.basename(dir)}`;
  return { profile: measureCorpus(dir, label), origin: 'measured', dir };
}

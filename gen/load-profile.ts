import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/config.js';
import { FITTED_DEFAULTS } from './fitted-defaults.js';
import { corpusFiles, measureCorpus } from './measure/index.js';
import type { CorpusProfile } from './profile.js';

/** The corpus the generator fits itself to: HORIZON_CORPUS, else ../shared/corpus/futures. */
export function corpusDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.HORIZON_CORPUS?.trim();
  return override ? path.resolve(override) : path.resolve(PROJECT_ROOT, '../shared/corpus/futures');
}

export interface LoadedProfile {
  profile: CorpusProfile;
  /** Measured now from `dir`, or the recorded figures of gen/fitted-defaults.ts. */
  origin: 'measured' | 'recorded';
  dir: string;
}

/** Measures the corpus when it is there; otherwise falls back to the figures recorded from it. */
export function loadProfile(env: NodeJS.ProcessEnv = process.env): LoadedProfile {
  const dir = corpusDir(env);
  const present = fs.existsSync(dir) && fs.statSync(dir).isDirectory() && corpusFiles(dir).length > 0;
  if (!present) return { profile: FITTED_DEFAULTS, origin: 'recorded', dir };
  const label = `${path.basename(path.dirname(dir))}/${path.basename(dir)}`;
  return { profile: measureCorpus(dir, label), origin: 'measured', dir };
}

import path from 'node:path';
import { PROJECT_ROOT } from '../../db/index.js';

/** The shared corpus lives beside the project (../shared), never inside it. */
export const CORPUS_DIR =
  process.env.HORIZON_CORPUS ?? path.resolve(PROJECT_ROOT, '../shared/corpus/futures');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

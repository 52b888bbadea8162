import path from 'node:path';
import { PROJECT_ROOT } from '../../db/index.js';
import { CORPUS_DIR, CORPUS_PRESENT, missingMaterialLine } from '../../bench/shared-material.js';

/** The real public corpus lives beside the project (../shared), never inside it: see bench/shared-material.ts. */
export { CORPUS_DIR, CORPUS_PRESENT };
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
/** Our own hand-written documents, one per format variant, beside the record each must parse into. */
export const PARSE_FIXTURES_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'parse');

/**
 * For a test (or suite) that needs the real corpus: true when it is absent, after saying so in the
 * one line `describe.skipIf(withoutCorpus('…'))` leaves in the output.
 */
export function withoutCorpus(what: string): boolean {
  if (!CORPUS_PRESENT) console.warn(missingMaterialLine(what, CORPUS_DIR));
  return !CORPUS_PRESENT;
}

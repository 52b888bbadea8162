import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/config.js';

/**
 * Material that lives beside the project (../shared), never inside it: the real public corpus and
 * the judged name pairs. Our machines and CI have it; a user's clone does not, so every test or
 * benchmark that reads it asks here first and, when it is absent, says in one line how to run it.
 */
export const SHARED_DIR = path.resolve(PROJECT_ROOT, process.env.HORIZON_SHARED ?? '../shared');

/** The real digests: HORIZON_CORPUS, else ../shared/corpus/futures. */
export const CORPUS_DIR = process.env.HORIZON_CORPUS?.trim()
  ? path.resolve(process.env.HORIZON_CORPUS.trim())
  : path.join(SHARED_DIR, 'corpus', 'futures');

/** Pairs of real names judged same / related / different by two readers. */
export function judgedPairsFile(kind: 'issues' | 'themes'): string {
  return path.join(SHARED_DIR, `judged-${kind}-pairs.tsv`);
}

export function isPresent(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.isDirectory() ? fs.readdirSync(file).length > 0 : stat.size > 0;
  } catch {
    return false;
  }
}

export const CORPUS_PRESENT = isPresent(CORPUS_DIR);

/** The one line a skipped test or benchmark prints. */
export function missingMaterialLine(what: string, where: string): string {
  return (
    `skipped: ${what} needs ${where}, which is not here ` +
    `(it lives in ../shared beside the project; set HORIZON_SHARED or HORIZON_CORPUS to run it)`
  );
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGenerator, FITTED_DEFAULTS, writeCorpus } from '../../gen/index.js';
import { CORPUS_DIR, CORPUS_PRESENT, PARSE_FIXTURES_DIR, SEEDS_DIR } from './paths.js';

/**
 * The documents the ingest and API tests run on. Always everything of ours: the seeds, the parse
 * fixtures (one per format variant) and generated digests (gen/, fitted to the real corpus, so
 * keyword, theme and table-name repeats look like it); plus the real corpus when it is beside the
 * project, as on our machines and in CI. A fresh clone thus runs the same tests on our material.
 */
export interface Material {
  dirs: string[];
  remove(): void;
}

/** As many as the real corpus has when it is absent; a few beside it (it makes the runs long enough). */
const GENERATED_DOCS = CORPUS_PRESENT ? 20 : 100;
const OURS = `the seeds, the parse fixtures and ${GENERATED_DOCS} generated digests`;

/** What the tests run on, for their titles. */
export const MATERIAL_LABEL = CORPUS_PRESENT ? `${OURS} and the real corpus` : OURS;

export async function prepareMaterial(): Promise<Material> {
  const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-material-'));
  const generator = createGenerator({
    seed: 'test-material',
    docs: GENERATED_DOCS,
    profile: FITTED_DEFAULTS,
  });
  await writeCorpus(generator, GENERATED_DOCS, { out: generated });
  return {
    dirs: [SEEDS_DIR, PARSE_FIXTURES_DIR, generated, ...(CORPUS_PRESENT ? [CORPUS_DIR] : [])],
    remove: () => fs.rmSync(generated, { recursive: true, force: true }),
  };
}

/** A folder `parent/name` holding copies of some parse fixtures (by name, without `.md`). */
export function fixtureFolder(parent: string, name: string, documents: string[]): string {
  const dir = path.join(parent, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const doc of documents) {
    fs.copyFileSync(path.join(PARSE_FIXTURES_DIR, `${doc}.md`), path.join(dir, `${doc}.md`));
  }
  return dir;
}

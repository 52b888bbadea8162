import fs from 'node:fs';
import path from 'node:path';
import { ProfileBuilder } from './profile-builder.js';
import type { CorpusProfile } from '../profile.js';

/** The `.md` and `.txt` files of a folder (not recursive), sorted by name so the result is stable. */
export function corpusFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|txt)$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Measures every document of a corpus folder; a document's id is its file name without extension. */
export function measureCorpus(dir: string, source = path.basename(dir)): CorpusProfile {
  const files = corpusFiles(dir);
  const checkpoints = [10, 25, 50, 100].filter((k) => k < files.length).concat(files.length);
  const builder = new ProfileBuilder({ source: `${source} (${files.length} documents)`, checkpoints });
  for (const file of files) {
    builder.add(file.replace(/\.(md|txt)$/, ''), fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return builder.result();
}

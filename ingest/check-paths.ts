import fs from 'node:fs/promises';
import { findPaths, UsageError, type FoundPath } from './files.js';
import { parseDocument } from './parse/index.js';

/**
 * The PATHs of a start or an ingest, checked before anything stored is touched; each problem a
 * user meets is one line (a UsageError, exit 2): a PATH missing or unreadable (findPaths), a
 * folder with nothing in it, a folder with no .md or .txt file, or a folder or glob whose .md/.txt
 * files are none of them a digest. A file named on its own is not checked here: the ingest reports
 * it with its line, as any failed file.
 */
export async function pathsWithDigests(paths: string[], cwd: string): Promise<FoundPath[]> {
  const found = await findPaths(paths, cwd);
  for (const entry of found) {
    if (entry.kind === 'file') continue;
    if (entry.sources.length === 0) {
      const entries = (await fs.readdir(entry.root)).filter((name) => !name.startsWith('.'));
      throw new UsageError(
        entries.length === 0
          ? `${entry.given} is empty: there is nothing to ingest`
          : `no digest found in ${entry.given}: it holds no .md or .txt file`,
      );
    }
    await requireOneDigest(entry);
  }
  return found;
}

/** Reads the documents until one parses (usually the first), so a folder of other notes is refused. */
async function requireOneDigest(entry: FoundPath): Promise<void> {
  let firstProblem = '';
  for (const source of entry.sources) {
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(source.absolutePath);
    } catch (error) {
      firstProblem ||= `${source.file}: ${(error as Error).message}`;
      continue;
    }
    const result = parseDocument({ file: source.file, id: source.id, bytes });
    if (result.article) return;
    firstProblem ||= result.error?.message ?? `${source.file}: not a digest`;
  }
  const count = entry.sources.length;
  throw new UsageError(
    `no digest found in ${entry.given}: ${count === 1 ? 'its one .md/.txt file is' : `none of its ${count} .md/.txt files is`} a digest (${firstProblem})`,
  );
}

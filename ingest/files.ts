import fs from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface SourceFile {
  /** Path relative to the ingest root, '/'-separated, with extension. */
  file: string;
  /** The article id: `file` without its extension. */
  id: string;
  absolutePath: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const DOCUMENT = /\.(md|txt)$/i;

/**
 * PATHs → the documents to ingest, sorted by file and without repeats. A PATH is a file (its root
 * is its folder), a folder read recursively for `.md`/`.txt` (the root is the folder), or a glob (the
 * root is its static base, `corpus/` for `corpus/**\/*.md`). Folders and globs select documents only
 * and skip hidden files and folders; a file named explicitly is taken whatever its extension.
 */
export async function discoverFiles(paths: string[], cwd: string): Promise<SourceFile[]> {
  const found = new Map<string, SourceFile>();
  for (const given of paths) {
    for (const source of await discoverPath(given, cwd)) {
      if (!found.has(source.absolutePath)) found.set(source.absolutePath, source);
    }
  }
  return [...found.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.absolutePath, b.absolutePath),
  );
}

async function discoverPath(given: string, cwd: string): Promise<SourceFile[]> {
  const absolute = path.resolve(cwd, given);
  const stats = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw new UsageError(`${given}: ${error.message}`);
  });
  if (stats?.isFile()) return [sourceFile(path.dirname(absolute), absolute)];
  if (stats?.isDirectory()) return documentsUnder(absolute, '**/*');
  if (stats) throw new UsageError(`${given} is neither a file nor a folder`);
  if (!isDynamicPattern(given)) throw new UsageError(`${given}: no such file or folder`);

  const segments = given.split('/');
  const firstDynamic = segments.findIndex((segment) => isDynamicPattern(segment));
  const base = path.resolve(cwd, segments.slice(0, firstDynamic).join('/') || '.');
  const sources = await documentsUnder(base, segments.slice(firstDynamic).join('/'));
  if (sources.length === 0) throw new UsageError(`${given} matches no .md or .txt file`);
  return sources;
}

async function documentsUnder(root: string, pattern: string): Promise<SourceFile[]> {
  const matches = await glob(pattern, {
    cwd: root,
    absolute: true,
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    followSymbolicLinks: true,
  });
  return matches
    .filter((match) => DOCUMENT.test(match))
    .map((match) => sourceFile(root, path.resolve(match)));
}

function sourceFile(root: string, absolutePath: string): SourceFile {
  const file = path.relative(root, absolutePath).split(path.sep).join('/');
  const extension = path.posix.extname(file);
  return { file, id: extension === '' ? file : file.slice(0, -extension.length), absolutePath };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

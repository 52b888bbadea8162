import fs from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { compareKeys } from '../model/compare-keys.js';

export interface SourceFile {
  /** Path relative to the ingest root, '/'-separated, with extension. */
  file: string;
  /** The article id: `file` without its extension. */
  id: string;
  absolutePath: string;
  /** The ingest root, absolute: the folder given, a file's folder, or a glob's static base. */
  root: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const DOCUMENT = /\.(md|txt)$/i;

/** One PATH as given and what it selects. */
export interface FoundPath {
  given: string;
  kind: 'file' | 'folder' | 'glob';
  /** Absolute: the folder, a file's folder, or a glob's static base. */
  root: string;
  sources: SourceFile[];
}

/**
 * PATHs → the documents to ingest, sorted by file and without repeats. A PATH is a file (its root
 * is its folder), a folder read recursively for `.md`/`.txt` (the root is the folder), or a glob (the
 * root is its static base, `corpus/` for `corpus/**\/*.md`). Folders and globs select documents only
 * and skip hidden files and folders; a file named explicitly is taken whatever its extension.
 */
export async function discoverFiles(paths: string[], cwd: string): Promise<SourceFile[]> {
  return mergeSources(await findPaths(paths, cwd));
}

/** Each PATH with its documents; a PATH that is missing or cannot be read throws a UsageError. */
export async function findPaths(paths: string[], cwd: string): Promise<FoundPath[]> {
  const found: FoundPath[] = [];
  for (const given of paths) found.push(await findPath(given, cwd));
  return found;
}

export function mergeSources(found: FoundPath[]): SourceFile[] {
  const byPath = new Map<string, SourceFile>();
  for (const { sources } of found) {
    for (const source of sources)
      if (!byPath.has(source.absolutePath)) byPath.set(source.absolutePath, source);
  }
  return [...byPath.values()].sort(
    (a, b) => compareKeys(a.file, b.file) || compareKeys(a.absolutePath, b.absolutePath),
  );
}

async function findPath(given: string, cwd: string): Promise<FoundPath> {
  const absolute = path.resolve(cwd, given);
  const stats = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw new UsageError(`${given}: ${readableError(error)}`);
  });
  if (stats?.isFile()) {
    const root = path.dirname(absolute);
    return { given, kind: 'file', root, sources: [sourceFile(root, absolute)] };
  }
  if (stats?.isDirectory()) {
    await fs.access(absolute, fs.constants.R_OK | fs.constants.X_OK).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`${given}: ${readableError(error)}`);
    });
    return { given, kind: 'folder', root: absolute, sources: await documentsUnder(absolute, '**/*') };
  }
  if (stats) throw new UsageError(`${given} is neither a file nor a folder`);
  if (!isDynamicPattern(given)) throw new UsageError(`${given}: no such file or folder`);

  const segments = given.split('/');
  const firstDynamic = segments.findIndex((segment) => isDynamicPattern(segment));
  const base = path.resolve(cwd, segments.slice(0, firstDynamic).join('/') || '.');
  const sources = await documentsUnder(base, segments.slice(firstDynamic).join('/'));
  if (sources.length === 0) throw new UsageError(`${given} matches no .md or .txt file`);
  return { given, kind: 'glob', root: base, sources };
}

function readableError(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied (it cannot be read)';
  return error.message;
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
  return { file, id: extension === '' ? file : file.slice(0, -extension.length), absolutePath, root };
}

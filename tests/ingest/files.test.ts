import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles, type SourceFile } from '../../ingest/files.js';
import { CORPUS_DIR, SEEDS_DIR, withoutCorpus } from '../support/paths.js';

let cwd: string;

beforeAll(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-files-'));
  const files = [
    'docs/a.md',
    'docs/b.txt',
    'docs/c.json',
    'docs/.hidden.md',
    'docs/.obsidian/notes.md',
    'docs/sub/d.md',
    'docs/sub/deeper/e.MD',
    'docs/sub/deeper/f.md',
    'other/a.md',
  ];
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    fs.writeFileSync(path.join(cwd, file), `# __${file}__\n`);
  }
});

afterAll(() => {
  fs.rmSync(cwd, { recursive: true, force: true });
});

const view = (sources: SourceFile[]): [string, string][] => sources.map((source) => [source.file, source.id]);

describe('discoverFiles', () => {
  it('reads a folder recursively for .md and .txt, skipping hidden entries, ids relative to the folder', async () => {
    const sources = await discoverFiles(['docs'], cwd);
    expect(view(sources)).toEqual([
      ['a.md', 'a'],
      ['b.txt', 'b'],
      ['sub/d.md', 'sub/d'],
      ['sub/deeper/e.MD', 'sub/deeper/e'],
      ['sub/deeper/f.md', 'sub/deeper/f'],
    ]);
    expect(sources[0]!.absolutePath).toBe(path.join(cwd, 'docs', 'a.md'));
  });

  it('takes a single file relative to its own folder, whatever its extension', async () => {
    expect(view(await discoverFiles(['docs/sub/deeper/f.md'], cwd))).toEqual([['f.md', 'f']]);
    expect(view(await discoverFiles([path.join(cwd, 'docs/c.json')], '/'))).toEqual([['c.json', 'c']]);
  });

  it('expands a glob relative to its static base, keeping documents only', async () => {
    expect(view(await discoverFiles(['docs/sub/**/*.md'], cwd))).toEqual([
      ['d.md', 'd'],
      ['deeper/f.md', 'deeper/f'],
    ]);
    expect(view(await discoverFiles(['docs/*'], cwd))).toEqual([
      ['a.md', 'a'],
      ['b.txt', 'b'],
    ]);
    expect(view(await discoverFiles([`${cwd}/*/a.md`], '/'))).toEqual([
      ['docs/a.md', 'docs/a'],
      ['other/a.md', 'other/a'],
    ]);
  });

  it('sorts across PATHs and lists a file reached twice once', async () => {
    const sources = await discoverFiles(['docs/sub', 'docs', 'docs/sub/d.md'], cwd);
    expect(sources).toHaveLength(5);
    expect(view(sources)).toEqual([
      ['a.md', 'a'],
      ['b.txt', 'b'],
      ['d.md', 'd'],
      ['deeper/e.MD', 'deeper/e'],
      ['deeper/f.md', 'deeper/f'],
    ]);
  });

  it('keeps two files with the same id from different roots (the ingest reports the clash)', async () => {
    const sources = await discoverFiles(['docs/a.md', 'other'], cwd);
    expect(view(sources)).toEqual([
      ['a.md', 'a'],
      ['a.md', 'a'],
    ]);
    expect(new Set(sources.map((source) => source.absolutePath)).size).toBe(2);
  });

  it('throws a UsageError naming a PATH that does not exist', async () => {
    await expect(discoverFiles(['docs', 'nowhere/at-all.md'], cwd)).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringContaining('nowhere/at-all.md'),
    });
  });

  it('throws a UsageError for a glob that matches no document', async () => {
    await expect(discoverFiles(['docs/**/*.csv'], cwd)).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringContaining('docs/**/*.csv'),
    });
  });

  const findsEvery = async (dir: string): Promise<void> => {
    const expected = fs.readdirSync(dir).filter((name) => /\.(md|txt)$/.test(name)).length;
    expect(expected).toBeGreaterThan(0);
    const sources = await discoverFiles([dir], cwd);
    expect(sources).toHaveLength(expected);
    expect(sources.every((source) => !source.id.includes('.') && !source.id.includes('/'))).toBe(true);
  };

  it('finds every document of the seeds', () => findsEvery(SEEDS_DIR));

  it.skipIf(withoutCorpus('finding every document of the real corpus'))(
    'finds every document of the real corpus',
    () => findsEvery(CORPUS_DIR),
  );
});

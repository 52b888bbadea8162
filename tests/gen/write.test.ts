import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { documentId, runCli, seedKey, writeCorpus } from '../../gen/index.js';
import { generator } from './helpers.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-write-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('writing a corpus', () => {
  it('writes N documents with distinct 32-hex names, sharded by their first two characters', async () => {
    const out = path.join(root, 'sharded');
    const summary = await writeCorpus(generator('write', 600), 600, { out, concurrency: 8 });
    const files = listFiles(out);
    expect(files).toHaveLength(600);
    expect(new Set(files.map((file) => path.basename(file))).size).toBe(600);
    for (const file of files) {
      const [shard, name] = file.split(path.sep);
      expect(name).toMatch(/^[0-9a-f]{32}\.md$/);
      expect(name!.slice(0, 2)).toBe(shard);
    }
    const bytes = files.reduce((sum, file) => sum + fs.statSync(path.join(out, file)).size, 0);
    expect(summary.bytes).toBe(bytes);
    expect(summary.docs).toBe(600);
  });

  it('reports a write that fails instead of dropping it', async () => {
    const out = path.join(root, 'failing');
    const third = generator('write', 5).document(2);
    fs.mkdirSync(path.join(out, third.file), { recursive: true });
    await expect(writeCorpus(generator('write', 5), 5, { out })).rejects.toThrow(/EISDIR/);
  });

  it('derives distinct ids for 100,000 indexes of one seed', () => {
    const key = seedKey('ids');
    const ids = new Set<string>();
    for (let index = 0; index < 100_000; index++) ids.add(documentId(key, index));
    expect(ids.size).toBe(100_000);
  });

  it('runs from the command line, reporting progress on stderr and statistics on stdout', async () => {
    const out = path.join(root, 'cli');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await runCli(['--docs', '120', '--seed', 'cli', '--out', out, '--stats']);
      expect(code).toBe(0);
      const printed = stdout.mock.calls.map(([chunk]) => String(chunk)).join('');
      expect(printed).toMatch(/layout new \/ old \/ short/);
      expect(printed).toMatch(/Keywords: names in 2\+ docs/);
      const said = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
      expect(said).toMatch(/120 docs written to .* MB in .* docs\/s\), peak RSS \d+ MB/);
      expect(await runCli(['--docs', 'many'])).toBe(2);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(listFiles(out)).toHaveLength(120);
  });
});

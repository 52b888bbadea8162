import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FITTED_DEFAULTS, loadProfile, measureCorpus, writeCorpus } from '../../gen/index.js';
import { CORPUS_DIR, CORPUS_PRESENT, withoutCorpus } from '../support/paths.js';
import { generate, generator, PROFILE } from './helpers.js';

function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      out.set(path.relative(dir, full), fs.readFileSync(full));
    }
  }
  return out;
}

describe('determinism', () => {
  it('writes byte-identical files for the same seed', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-determinism-'));
    try {
      await writeCorpus(generator('same', 150), 150, { out: path.join(root, 'a') });
      await writeCorpus(generator('same', 150), 150, { out: path.join(root, 'b'), concurrency: 3 });
      const a = filesOf(path.join(root, 'a'));
      const b = filesOf(path.join(root, 'b'));
      expect(a.size).toBe(150);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives other documents and other names for another seed', () => {
    const a = generate('one', 50);
    const b = generate('two', 50);
    const names = new Set(a.map((doc) => doc.id));
    expect(b.some((doc) => names.has(doc.id))).toBe(false);
    expect(b.filter((doc, index) => doc.text === a[index]!.text)).toHaveLength(0);
  });

  it('makes a document depend only on the seed and its index (not on what came before)', () => {
    const gen = generator('order', 400);
    const in_order = Array.from({ length: 400 }, (_, index) => gen.document(index).text);
    const alone = generator('order', 400);
    for (const index of [399, 7, 250, 0]) expect(alone.document(index).text).toBe(in_order[index]);
  });

  it('ships the recorded figures, and uses them when the corpus is not beside the project', () => {
    expect(loadProfile().origin).toBe(CORPUS_PRESENT ? 'measured' : 'recorded');
    expect(PROFILE).toEqual(FITTED_DEFAULTS);
  });

  it.skipIf(withoutCorpus('the comparison of the recorded figures with a fresh measurement'))(
    'records figures equal to what the corpus measures, so output does not depend on its presence',
    () => {
      expect(measureCorpus(CORPUS_DIR, 'corpus/futures')).toEqual(FITTED_DEFAULTS);
    },
  );
});

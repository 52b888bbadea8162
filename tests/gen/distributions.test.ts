import { beforeAll, describe, expect, it } from 'vitest';
import {
  listItems,
  ProfileBuilder,
  RepetitionCounter,
  sectionOf,
  splitDocument,
  type CorpusProfile,
  type GeneratedDocument,
} from '../../gen/index.js';
import { generate, PROFILE } from './helpers.js';

const DOCS = 2000;
let docs: GeneratedDocument[];
let measured: CorpusProfile;

beforeAll(() => {
  docs = generate('distributions', DOCS);
  const builder = new ProfileBuilder({ source: 'generated', nearDocs: 0, checkpoints: [1000, 2000] });
  for (const doc of docs) builder.add(doc.id, doc.text);
  measured = builder.result();
});

const share = (count: number, of: number): number => count / of;

/** Names found in 2+ documents, per block of as many documents as the corpus has, averaged. */
function repeatedPerBlock(list: 'Keywords' | 'Themes'): { repeated: number; topDocs: number } {
  const size = PROFILE.docs;
  let repeated = 0;
  let topDocs = 0;
  let blocks = 0;
  for (let start = 0; start + size <= docs.length; start += size, blocks++) {
    const counter = new RepetitionCounter();
    for (const doc of docs.slice(start, start + size))
      counter.add(listItems(sectionOf(splitDocument(doc.text), list)).items);
    const result = counter.result();
    repeated += result.repeated;
    topDocs += result.topDocs;
  }
  return { repeated: repeated / blocks, topDocs: topDocs / blocks };
}

describe('fitted distributions on 2,000 documents', () => {
  it('mixes the layouts like the corpus (new 67%, old 30%, short 3%)', () => {
    for (const layout of ['new', 'old', 'short']) {
      const target = share(PROFILE.layouts[layout] ?? 0, PROFILE.docs);
      expect(share(measured.layouts[layout] ?? 0, DOCS), layout).toBeCloseTo(target, 1);
      expect(Math.abs(share(measured.layouts[layout] ?? 0, DOCS) - target), layout).toBeLessThan(0.035);
    }
    expect(measured.layouts.other ?? 0).toBe(0);
  });

  it('repeats keywords and themes across documents as the corpus does at its size', () => {
    for (const list of ['Keywords', 'Themes'] as const) {
      const target = PROFILE.repetition[list]!;
      const generated = repeatedPerBlock(list);
      expect(generated.repeated, `${list} names in 2+ documents`).toBeGreaterThan(target.repeated * 0.75);
      expect(generated.repeated, `${list} names in 2+ documents`).toBeLessThan(target.repeated * 1.25);
      expect(generated.topDocs, `${list} top name`).toBeGreaterThan(target.topDocs * 0.5);
      expect(generated.topDocs, `${list} top name`).toBeLessThan(target.topDocs * 2);
    }
  });

  it('grows the vocabulary sub-linearly (Heaps’ law) while repetition rises with N', () => {
    for (const list of ['Keywords', 'Themes'] as const) {
      const [[, atHalf], [, atAll]] = measured.growth[list] as [[number, number], [number, number]];
      expect(atAll / atHalf, list).toBeGreaterThan(1.3);
      expect(atAll / atHalf, list).toBeLessThan(1.95);
      const share2000 = measured.repetition[list]!.repeated / measured.repetition[list]!.distinct;
      const share100 = PROFILE.repetition[list]!.repeated / PROFILE.repetition[list]!.distinct;
      expect(share2000, list).toBeGreaterThan(share100);
    }
  });

  it('draws every variant of the format at about its corpus rate', () => {
    const sum = (pick: (layout: CorpusProfile['byLayout'][string]) => number): number =>
      Object.values(measured.byLayout).reduce((total, layout) => total + pick(layout), 0);
    const titleStyles = docs.map((doc) => splitDocument(doc.text).titleStyle);
    expect(new Set(titleStyles)).toEqual(new Set(['old', 'new']));
    const forms = Object.assign({}, ...Object.values(measured.byLayout).map((layout) => layout.pageForm));
    expect(Object.keys(forms).sort()).toEqual(['date', 'date-letter', 'number', 'slug']);
    expect(sum((layout) => layout.pageSpace)).toBeGreaterThan(0);
    const newLayout = measured.byLayout.new!;
    expect(share(newLayout.relevancy, newLayout.docs)).toBeCloseTo(0.48, 1);
    expect(newLayout.nameless).toBeGreaterThan(0);
    expect(measured.byLayout.old!.signalsHeader).toEqual({ old: measured.byLayout.old!.docs });
    expect(
      share(
        sum((layout) => layout.split),
        DOCS,
      ),
    ).toBeGreaterThan(0.01);
    expect(
      share(
        sum((layout) => layout.split),
        DOCS,
      ),
    ).toBeLessThan(0.06);
    expect(
      share(
        sum((layout) => layout.french),
        DOCS,
      ),
    ).toBeGreaterThan(0.005);
    expect(
      share(
        sum((layout) => layout.french),
        DOCS,
      ),
    ).toBeLessThan(0.04);
    const noQuery = Object.values(measured.byLayout).reduce(
      (total, layout) => total + (layout.query.none ?? 0),
      0,
    );
    expect(share(DOCS - noQuery, DOCS)).toBeCloseTo(0.33, 1);
    for (const marker of [
      'curly apostrophe',
      'euro',
      'em dash',
      'guillemets',
      'accented letter',
      'underscores in a cell',
    ]) {
      expect(measured.markers[marker] ?? 0, marker).toBeGreaterThan(0);
    }
    expect(share(measured.markers['curly apostrophe'] ?? 0, DOCS)).toBeCloseTo(0.19, 1);
    const endings = new Set(docs.map((doc) => doc.text.endsWith('\n')));
    expect(endings).toEqual(new Set([true, false]));
    expect(measured.tables.padded).toBe(measured.tables.all);
  });

  it('writes Closest lists of 5 or 10 links to generated documents, with self-links, repeats and an empty bullet', () => {
    const ids = new Set(docs.map((doc) => doc.id));
    const lists = measured.byLayout.old!.closest;
    expect(new Set(lists.map(([entries]) => entries))).toEqual(new Set([1, 5, 10]));
    expect(lists.some(([, self]) => self! > 0)).toBe(true);
    expect(lists.some(([entries, self]) => entries === 10 && self! > 1)).toBe(true);
    expect(lists.some(([, , , empty]) => empty! > 0)).toBe(true);
    for (const doc of docs.filter((each) => each.layout === 'old')) {
      for (const bullet of sectionOf(splitDocument(doc.text), 'Closest')!.bullets) {
        const target = /\(([0-9a-f]{32})\)$/.exec(bullet)?.[1];
        if (target !== undefined) expect(ids.has(target)).toBe(true);
      }
    }
  });
});

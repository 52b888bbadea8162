import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_SIZE, DIMENSIONS, Embedder, cosine } from '../../embed/embedder.js';
import { ALL_NAMES } from '../groups/fixtures.js';

/**
 * The batched embedder (many texts per ONNX Runtime call, embed/jvm BatchedMiniLm) against
 * langchain4j's own AllMiniLmL6V2EmbeddingModel (one call per text, `reference`), on the real JVM:
 * stored vectors were made by the latter, and a name embedded again must land where it was.
 */

const LONG_TEXT = Array.from(
  { length: 60 },
  (_, i) => `the ${i}th consequence of electrification for regional labour markets`,
).join(', ');

const TEXTS = [
  ...ALL_NAMES,
  'ai',
  'artificial intelligence',
  'AI-Driven Job Losses in the U.S.',
  "Don't Look Up: climate denial's long tail",
  'CO₂ emissions from shipping',
  'Télétravail et santé mentale',
  'Ökonomie der Aufmerksamkeit',
  'Энергетический переход',
  '日本の高齢化と労働力不足',
  'التحول الرقمي',
  'AI 🤖 companions',
  '“Smart” cities',
  '',
  '   ',
  // Past the tokenizer's 128 tokens: both embed the first 126 word pieces.
  LONG_TEXT,
  `${LONG_TEXT} and then something else entirely about poetry`,
  // Sorted by length inside the JVM: a mix of lengths in one batch, then back in order.
  ...Array.from({ length: 40 }, (_, i) => `${'very '.repeat(i % 9)}emerging issue ${i}`),
];

let batched: Embedder;
let reference: Embedder;

beforeAll(async () => {
  batched = await Embedder.start();
  reference = await Embedder.start({ reference: true });
});

afterAll(async () => {
  await batched?.close();
  await reference?.close();
});

describe('the batched embedder', () => {
  it("gives langchain4j's vectors, in order, for short, long, blank and non-ASCII texts", async () => {
    const [mine, theirs] = await Promise.all([batched.embed(TEXTS), reference.embed(TEXTS)]);
    expect(mine).toHaveLength(TEXTS.length);
    mine.forEach((vector, index) => {
      expect(vector).toHaveLength(DIMENSIONS);
      expect(cosine(vector, theirs[index]!), TEXTS[index]).toBeGreaterThan(0.99999);
      const largest = Math.max(...vector.map((value, d) => Math.abs(value - theirs[index]![d]!)));
      expect(largest, TEXTS[index]).toBeLessThan(1e-4);
    });
  });

  it('embeds a long text by its first 126 word pieces, as langchain4j does', async () => {
    const [long, longer] = await batched.embed([LONG_TEXT, `${LONG_TEXT} and then something else entirely`]);
    expect(cosine(long!, longer!)).toBeCloseTo(1, 5);
  });

  it('embeds text with no word piece (blank, zero-width) as "-", where langchain4j refuses it', async () => {
    const [dash, empty, zeroWidth] = await batched.embed(['-', '', '\u200b\u200b']);
    expect(cosine(dash!, empty!)).toBeCloseTo(1, 5);
    expect(cosine(dash!, zeroWidth!)).toBeCloseTo(1, 5);
    await expect(reference.embed(['\u200b'])).rejects.toThrow(/refused a batch/);
  });

  it('answers batches bigger than one line and several lines in flight, in order', async () => {
    const texts = Array.from({ length: BATCH_SIZE * 2 + 3 }, (_, i) => `signal number ${i}`);
    const vectors = await batched.embed(texts);
    const again = await batched.embed([texts[BATCH_SIZE + 1]!, texts[0]!]);
    expect(cosine(vectors[BATCH_SIZE + 1]!, again[0]!)).toBeCloseTo(1, 5);
    expect(cosine(vectors[0]!, again[1]!)).toBeCloseTo(1, 5);
  });
});

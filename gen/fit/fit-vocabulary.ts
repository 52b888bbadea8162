import { CorpusGenerator, type DocumentHead } from '../generator.js';
import type { CorpusProfile } from '../profile.js';
import { Vocabulary, type ListKind, type VocabularyParams } from '../text/vocabulary.js';
import type { ZipfMandelbrot } from './zipf.js';

/**
 * The open-ended tails. The exponent sets how the vocabulary grows with many documents (distinct
 * names ∝ n^(1/exponent), Heaps' law), which 100 documents cannot measure; the scale keeps tail
 * names nearly unique at 100 documents, as in the corpus.
 */
export const TAIL_LAWS: Record<ListKind, ZipfMandelbrot> = {
  Keywords: { scale: 1500, exponent: 1.35 },
  Themes: { scale: 800, exponent: 1.45 },
};

const HEAD_EXPONENTS = [0.4, 0.6, 0.8, 1.0, 1.2];
const SIMULATIONS = 6;
const BISECTIONS = 9;

export type VocabularyFit = Record<
  ListKind,
  VocabularyParams & { simulated: { repeated: number; topDocs: number } }
>;

interface Simulation {
  generator: CorpusGenerator;
  heads: DocumentHead[];
  /** Tail texts do not depend on the head parameters, so each simulation computes them once. */
  memo: Record<ListKind, Map<number, string>>;
}

/**
 * Fits each list's head share and head exponent so that, over as many generated documents as the
 * corpus has, the names found in 2+ documents and the documents of the most frequent name match the
 * corpus. Simulations use fixed seeds, so the fit (and so the output) depends only on the profile.
 */
export function fitVocabulary(profile: CorpusProfile): VocabularyFit {
  const placeholder: VocabularyParams = { headShare: 0, headExponent: 1, tail: TAIL_LAWS.Keywords };
  const simulations: Simulation[] = [];
  for (let s = 0; s < SIMULATIONS; s++) {
    const generator = new CorpusGenerator({
      seed: `fit-${s}`,
      docs: profile.docs,
      profile,
      vocabulary: { Keywords: placeholder, Themes: placeholder },
    });
    const heads = Array.from({ length: profile.docs }, (_, index) => generator.head(index));
    simulations.push({ generator, heads, memo: { Keywords: new Map(), Themes: new Map() } });
  }
  return {
    Keywords: fitList(profile, simulations, 'Keywords'),
    Themes: fitList(profile, simulations, 'Themes'),
  };
}

function fitList(profile: CorpusProfile, simulations: Simulation[], kind: ListKind): VocabularyFit[ListKind] {
  const target = profile.repetition[kind] ?? { repeated: 0, topDocs: 1 };
  let best: VocabularyFit[ListKind] | undefined;
  let bestError = Number.POSITIVE_INFINITY;
  for (const headExponent of HEAD_EXPONENTS) {
    let low = 0;
    let high = 0.8;
    let params: VocabularyParams = { headShare: 0, headExponent, tail: TAIL_LAWS[kind] };
    let result = simulate(simulations, kind, params);
    for (let step = 0; step < BISECTIONS; step++) {
      params = { headShare: (low + high) / 2, headExponent, tail: TAIL_LAWS[kind] };
      result = simulate(simulations, kind, params);
      if (result.repeated < target.repeated) low = params.headShare;
      else high = params.headShare;
    }
    const error =
      Math.abs(result.repeated - target.repeated) / Math.max(1, target.repeated) +
      Math.abs(result.topDocs - target.topDocs) / Math.max(1, target.topDocs);
    if (error < bestError) {
      bestError = error;
      best = { ...params, simulated: result };
    }
  }
  return best!;
}

/** Mean names-in-2+-documents and top document count over the simulations. */
function simulate(
  simulations: Simulation[],
  kind: ListKind,
  params: VocabularyParams,
): { repeated: number; topDocs: number } {
  let repeated = 0;
  let topDocs = 0;
  for (const { generator, heads, memo } of simulations) {
    const vocabulary = new Vocabulary(kind, generator.vocabularies[kind].key, params, memo[kind]);
    const documents = new Map<string, number>();
    for (const head of heads) {
      const names = generator.list(head, kind, vocabulary);
      for (const name of new Set(names.map((item) => item.toLowerCase()))) {
        documents.set(name, (documents.get(name) ?? 0) + 1);
      }
    }
    let top = 0;
    for (const count of documents.values()) {
      if (count > 1) repeated++;
      top = Math.max(top, count);
    }
    topDocs += top;
  }
  return { repeated: repeated / simulations.length, topDocs: topDocs / simulations.length };
}

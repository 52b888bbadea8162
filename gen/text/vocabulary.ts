import { drawCumulative, drawRank, permute, zipfCumulative, type ZipfMandelbrot } from '../fit/zipf.js';
import {
  FIRST_NAMES,
  HEAD,
  LAST_NAMES,
  ORG_SUFFIXES,
  ORG_SYLLABLES,
  PLACES,
  TOPIC_LIST,
  type Topic,
} from '../lexicon/index.js';
import { GENERAL_MODIFIERS, GENERAL_NOUNS as EVERYDAY_NOUNS } from '../lexicon/general-words.js';
import { mix32, type Rng } from '../prng.js';

export type ListKind = 'Keywords' | 'Themes';

/**
 * Keywords and themes: with probability `headShare` a name from the short ranked head list
 * (Zipf with `headExponent`), otherwise a rank of the topic's open-ended tail (Zipf–Mandelbrot),
 * turned into text by an injective rank → words map. The head makes a few names recur in many
 * documents; the tail makes most names unique at 100 documents and grows sub-linearly after.
 */
export interface VocabularyParams {
  headShare: number;
  headExponent: number;
  tail: ZipfMandelbrot;
}

/** Everyday nouns that no topic lists, so that one word never comes from two patterns. */
const GENERAL_NOUNS = EVERYDAY_NOUNS.filter(
  (word) => !TOPIC_LIST.some((topic) => topic.nouns.includes(word)),
);

const SUFFIX_NOUNS = (
  'policy market research startups regulation costs standards networks rules projects labs data adoption users ' +
  'funding strategy industry sector ethics safety access infrastructure'
).split(' ');

const THEME_MODIFIERS = (
  'digital social economic ethical global urban public environmental technological cultural political ' +
  'sustainable'
).split(' ');

/** Weight of a head name in a topic it is not listed under, relative to its own topics. */
const OFF_TOPIC = 0.3;

type Pattern = (topic: Topic, index: number, key: number) => string;

function at<T>(items: readonly T[], index: number): T {
  return items[index % items.length]!;
}

/** Item `index` of first × second, as "first second". */
function pair(first: readonly string[], second: readonly string[], index: number, key: number): string {
  const combined = permute(index, first.length * second.length, key);
  return first[combined % first.length]! + ' ' + second[Math.floor(combined / first.length)]!;
}

const ORG_BASES = ORG_SYLLABLES.length ** 2 + ORG_SYLLABLES.length ** 3;

/** An organisation name of two or three syllables; `suffixed` adds a word such as Labs. */
export function orgName(index: number, key: number, suffixed = false): string {
  const syllables = ORG_SYLLABLES.length;
  const value = permute(index, suffixed ? ORG_BASES * ORG_SUFFIXES.length : ORG_BASES, key);
  let rest = value % ORG_BASES;
  const count = rest < syllables ** 2 ? 2 : 3;
  if (count === 3) rest -= syllables ** 2;
  let word = '';
  for (let i = 0; i < count; i++) {
    word += ORG_SYLLABLES[rest % syllables]!;
    rest = Math.floor(rest / syllables);
  }
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return suffixed ? `${name} ${ORG_SUFFIXES[Math.floor(value / ORG_BASES)]!}` : name;
}

/**
 * [pattern, share out of 100] in the order ranks are assigned. Short lists wrap around and so
 * repeat early; their shares are kept small so that, as in the corpus, nearly every tail name is
 * unique at 100 documents, while the long patterns (combinations, people, organisations) carry the
 * growth of the vocabulary.
 */
const KEYWORD_PATTERNS: ReadonlyArray<[Pattern, number]> = [
  [(topic, i, key) => at(topic.nouns, permute(i, topic.nouns.length, key)), 3],
  [(_topic, i, key) => at(GENERAL_NOUNS, permute(i, GENERAL_NOUNS.length, key)), 8],
  [(topic, i, key) => pair(topic.modifiers, topic.nouns, i, key), 9],
  [(topic, i, key) => pair(GENERAL_MODIFIERS, topic.nouns, i, key), 9],
  [(_topic, i, key) => pair(GENERAL_MODIFIERS, GENERAL_NOUNS, i, key), 15],
  [(topic, i, key) => pair(topic.nouns, SUFFIX_NOUNS, i, key), 8],
  [(_topic, i, key) => orgName(i, key, false), 28],
  [(_topic, i, key) => orgName(i, key, true), 3],
  [(_topic, i, key) => pair(FIRST_NAMES, LAST_NAMES, i, key), 11],
  [(_topic, i, key) => at(PLACES, permute(i, PLACES.length, key)), 1],
  [(topic, i, key) => at(topic.words, permute(i, topic.words.length, key)), 5],
];

const THEME_PATTERNS: ReadonlyArray<[Pattern, number]> = [
  [(topic, i, key) => at(topic.themes, permute(i, topic.themes.length, key)), 5],
  [(_topic, i, key) => at(GENERAL_NOUNS, permute(i, GENERAL_NOUNS.length, key)), 15],
  [(topic, i, key) => at(topic.nouns, permute(i, topic.nouns.length, key)), 8],
  [(topic, i, key) => pair(GENERAL_MODIFIERS, topic.nouns, i, key), 22],
  [(topic, i, key) => pair(topic.modifiers, topic.nouns, i, key), 18],
  [(topic, i, key) => pair(THEME_MODIFIERS, topic.themes, i, key), 14],
  [(topic, i, key) => pair(topic.modifiers, topic.themes, i, key), 10],
  [(topic, i, key) => at(topic.words, permute(i, topic.words.length, key)), 8],
];

/**
 * Residue r (0–99) of a rank → [pattern, its position among the pattern's residues], so that
 * index = ⌊rank / 100⌋ · share + position is a bijection between a pattern's ranks and its items.
 */
function residueTable(patterns: ReadonlyArray<[Pattern, number]>): Array<[number, number, number]> {
  const table: Array<[number, number, number]> = [];
  patterns.forEach(([, share], index) => {
    for (let k = 0; k < share; k++) table.push([index, k, share]);
  });
  if (table.length !== 100) throw new Error(`pattern shares add up to ${table.length}, not 100`);
  return table;
}

export class Vocabulary {
  private readonly heads: Array<{ names: string[]; cumulative: Float64Array }>;
  private readonly patterns: ReadonlyArray<[Pattern, number]>;
  private readonly residues: Array<[number, number, number]>;
  private readonly keys: number[][];

  constructor(
    readonly kind: ListKind,
    readonly key: number,
    readonly params: VocabularyParams,
    /** Tail texts by topic and rank, shared between vocabularies that differ only in their head (the fit). */
    private readonly memo?: Map<number, string>,
  ) {
    this.patterns = kind === 'Keywords' ? KEYWORD_PATTERNS : THEME_PATTERNS;
    this.residues = residueTable(this.patterns);
    // Weights follow the global rank, so a name keeps its weight in every topic it belongs to;
    // other topics draw it too, less often (the corpus files "technology" under anything).
    const weights = zipfCumulative(HEAD[kind].length, params.headExponent);
    this.heads = TOPIC_LIST.map((topic) => {
      const names: string[] = [];
      const cumulative: number[] = [];
      let sum = 0;
      HEAD[kind].forEach((term, rank) => {
        const fits = term.topics.length === 0 || term.topics.includes(topic.index);
        sum += (weights[rank]! - (rank === 0 ? 0 : weights[rank - 1]!)) * (fits ? 1 : OFF_TOPIC);
        names.push(term.name);
        cumulative.push(sum);
      });
      return { names, cumulative: Float64Array.from(cumulative) };
    });
    this.keys = TOPIC_LIST.map((topic) =>
      this.patterns.map((_, pattern) => mix32(key ^ mix32(topic.index * 131 + pattern))),
    );
  }

  draw(rng: Rng, topic: Topic): string {
    if (rng.float() < this.params.headShare) {
      const head = this.heads[topic.index]!;
      return head.names[drawCumulative(rng, head.cumulative)]!;
    }
    return this.tail(topic, drawRank(rng, this.params.tail));
  }

  /** The text of tail rank `rank` of a topic: distinct ranks give distinct text within a pattern's capacity. */
  tail(topic: Topic, rank: number): string {
    if (this.memo) {
      const key = rank * 32 + topic.index;
      let text = this.memo.get(key);
      if (text === undefined) this.memo.set(key, (text = this.text(topic, rank)));
      return text;
    }
    return this.text(topic, rank);
  }

  private text(topic: Topic, rank: number): string {
    const [pattern, position, share] = this.residues[rank % 100]!;
    const key = this.keys[topic.index]![pattern]!;
    return this.patterns[pattern]![0](topic, Math.floor(rank / 100) * share + position, key);
  }
}

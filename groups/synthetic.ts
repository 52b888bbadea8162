import { seededRandom } from '../model/index.js';

/**
 * Synthetic issue names for scale tests and benchmarks: subject words drawn from a Zipf
 * distribution (a few words in very many names, most in a handful, as in the real corpus where
 * "ai" is in 16% of names and most words in one), wrapped in the frame words real names use
 * ("Impact of …", "Rising …"), and about one name in five a rephrasing of an earlier one.
 */

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'nu',
  'pe',
  'ra',
  'so',
  'ti',
  'vu',
  'ze',
  'bo',
  'da',
  'fi',
  'gu',
  'ha',
  'je',
];
const FRAMES = [
  (s: string) => s,
  (s: string) => `Impact of ${s}`,
  (s: string) => `Rising ${s}`,
  (s: string) => `${s} Challenges`,
  (s: string) => `Growing ${s} Concerns`,
  (s: string) => `Role of ${s} in Society`,
];

/** A pronounceable word for a vocabulary index: 0 → "kaka", 1 → "kalo", … (never a real stem clash). */
export function syntheticWord(index: number): string {
  let word = '';
  let rest = index;
  for (let i = 0; i < 3 || rest > 0; i++) {
    word += SYLLABLES[rest % SYLLABLES.length]!;
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return `${word}x`;
}

export interface SyntheticOptions {
  seed?: number;
  /** Distinct subject words (default: count / 4, at least 1,000). */
  vocabulary?: number;
  /** Share of names that rephrase an earlier name (default 0.2). */
  rephrased?: number;
}

export function syntheticIssueNames(count: number, options: SyntheticOptions = {}): string[] {
  const random = seededRandom(options.seed ?? 42);
  const vocabulary = options.vocabulary ?? Math.max(1_000, Math.floor(count / 4));
  const rephrased = options.rephrased ?? 0.2;
  // Zipf(1) by inverse transform on the cumulative harmonic weights.
  const cumulative = new Float64Array(vocabulary);
  let sum = 0;
  for (let rank = 0; rank < vocabulary; rank++) cumulative[rank] = sum += 1 / (rank + 1);
  const draw = (): string => {
    const target = random() * sum;
    let lo = 0;
    let hi = vocabulary - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return syntheticWord(lo);
  };
  const subjects: string[][] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  while (names.length < count) {
    let subject: string[];
    const base =
      subjects.length > 0 && random() < rephrased
        ? subjects[Math.floor(random() * subjects.length)]
        : undefined;
    if (base) {
      subject = [...base];
      if (subject.length > 2 && random() < 0.5) subject.splice(Math.floor(random() * subject.length), 1);
      else subject.push(draw());
    } else {
      subject = Array.from({ length: 2 + Math.floor(random() * 3) }, draw);
    }
    const frame = FRAMES[Math.floor(random() * FRAMES.length)]!;
    const name = frame(subject.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' '));
    if (seen.has(name)) continue;
    seen.add(name);
    subjects.push(subject);
    names.push(name);
  }
  return names;
}

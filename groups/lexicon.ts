import { createRequire } from 'node:module';
import { FIXED_PHRASES } from './fixed-phrases.js';

/** The stopword package ships no types; its English list is a plain array of words. */
const { eng } = createRequire(import.meta.url)('stopword') as { eng: readonly string[] };

/**
 * The word lists of the grouping rule. Each list is data, so a caller can replace or extend it
 * (see makeLexicon) and tests can show exactly what it does.
 */

/**
 * Connecting words that the package's English list lacks, and French function words (two of the
 * 100 sampled documents are French). The full French list is not used: it holds "ai" (j'ai).
 */
const EXTRA_STOP_WORDS = [
  'vs',
  'versus',
  'toward',
  'towards',
  'within',
  'without',
  'amid',
  'among',
  'across',
  'against',
  'via',
  'per',
  'upon',
  'beyond',
  'back',
  'its',
  'etc',
  // how one thing relates to another in compound adjectives ("AI-driven", "heat-related"); matched
  // as words, because their stems are content words ("base", "led", "relat" as in "relations")
  'driven',
  'based',
  'related',
  'induced',
  'led',
  'oriented',
  'focused',
  'centric',
  'powered',
  'enabled',
  'due',
  'le',
  'la',
  'les',
  'de',
  'du',
  'des',
  'et',
  'au',
  'aux',
  'en',
  'sur',
  'pour',
  'par',
  'dans',
  'un',
  'une',
  'avec',
  'sans',
];

/**
 * Words that say how an issue is framed (its direction, size, modality or kind), not what it is
 * about. In the 438 issue names of the sample, "impact" alone starts 28, "integration" appears in
 * 14, "shift" in 10, "dynamics" in 9, "innovation(s)" in 11, "development" in 7, "challenges",
 * "risks" and "role" in 6 each, across unrelated subjects ("Impact of Remote Work", "Impact on
 * Local Communities"). Names are 3 to 5 words long, so one shared frame word moves a Jaccard score
 * by 0.15 to 0.3 even after IDF weighting: these words are removed instead of down-weighted.
 * Compared through the same folding and stemming as names, so "impacts" and "impacted" go too.
 */
export const GENERIC_WORDS: readonly string[] = [
  // what kind of thing the name is
  'issue',
  'concern',
  'problem',
  'challenge',
  'risk',
  'threat',
  'question',
  'debate',
  'concept',
  'aspect',
  'factor',
  'dimension',
  'dynamics',
  'landscape',
  'approach',
  'strategy',
  'solution',
  'initiative',
  'effort',
  'trend',
  'phenomenon',
  'crisis',
  'movement',
  'limitation',
  // how it acts on something
  'impact',
  'effect',
  'implication',
  'consequence',
  'influence',
  'role',
  'importance',
  'significance',
  'relevance',
  'need',
  'potential',
  'possible',
  'future',
  // which way it moves
  'rise',
  'rising',
  'growing',
  'growth',
  'increase',
  'increased',
  'increasing',
  'decline',
  'declining',
  'decrease',
  'shift',
  'change',
  'changing',
  'evolving',
  'evolution',
  'emerging',
  'emergence',
  'new',
  'ongoing',
  'current',
  'modern',
  'expansion',
  'revival',
  'resurgence',
  'redefining',
  'advancement',
  'advance',
  'innovation',
  'innovative',
  'development',
  'progress',
  'integration',
  'adoption',
  'use',
  'used',
  'using',
  'usage',
  'utilization',
];

/**
 * Phrases (matched on stems, so plurals and British spellings match too) and what they stand for.
 * A target word with "_" is ONE feature ("data_center"): its parts alone would match unrelated
 * names ("Data Privacy", "Community Center"). Kept small and general on purpose.
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  'artificial intelligence': 'ai',
  'intelligence artificielle': 'ai',
  ia: 'ai',
  'gen ai': 'generative ai',
  genai: 'generative ai',
  'machine learning': 'ml',
  'large language model': 'llm',
  'language model': 'llm',
  'data center': 'data_center',
  datacenter: 'data_center',
  'supply chain': 'supply_chain',
  'social media': 'social_media',
  'social network': 'social_media',
  'mental health': 'mental_health',
  'open source': 'open_source',
  'open access': 'open_access',
  'remote work': 'remote_work',
  'remote working': 'remote_work',
  'work from home': 'remote_work',
  'working from home': 'remote_work',
  telework: 'remote_work',
  teletravail: 'remote_work',
  teletravailleur: 'remote_work',
  'internet of things': 'iot',
  'virtual reality': 'vr',
  'augmented reality': 'ar',
  'extended reality': 'xr',
  'electric vehicle': 'ev',
  'e commerce': 'ecommerce',
  'global warming': 'climate',
  'climate crisis': 'climate',
  'cyber security': 'cybersecurity',
  'job loss': 'job displacement',
  'job cut': 'job displacement',
  layoff: 'job displacement',
  'worker displacement': 'job displacement',
  'workforce displacement': 'job displacement',
  electricity: 'energy',
  'electricity consumption': 'energy demand',
  'electricity use': 'energy demand',
  'electricity usage': 'energy demand',
  'electricity demand': 'energy demand',
  'energy consumption': 'energy demand',
  'energy use': 'energy demand',
  'energy usage': 'energy demand',
  'energy footprint': 'energy demand',
  'energy need': 'energy demand',
  'power consumption': 'energy demand',
  'power demand': 'energy demand',
  'power use': 'energy demand',
  'carbon footprint': 'carbon emission',
  'greenhouse gas': 'carbon emission',
  'co2 emission': 'carbon emission',
};

/**
 * Porter merges words these names keep apart ("community"/"communication" → "commun",
 * "generative"/"generation"/"general" → "gener", "international"/"internal" → "intern", "news" →
 * "new"), or a content word into a generic one ("influencer" → "influenc" like "influence",
 * "integrity" → "integr" like "integration"): a word listed here gets the stem given instead.
 */
export const STEM_OVERRIDES: Readonly<Record<string, string>> = {
  news: 'news',
  general: 'general',
  generally: 'general',
  generative: 'generat',
  generate: 'generat',
  generated: 'generat',
  generating: 'generat',
  generation: 'generation',
  generations: 'generation',
  generational: 'generation',
  communication: 'communic',
  communications: 'communic',
  communicate: 'communic',
  communicating: 'communic',
  experiment: 'experiment',
  experiments: 'experiment',
  experimental: 'experiment',
  experimentation: 'experiment',
  publication: 'publish',
  publications: 'publish',
  international: 'international',
  internationally: 'international',
  universal: 'universal',
  universally: 'universal',
  organization: 'organiz',
  organizations: 'organiz',
  organizational: 'organiz',
  organize: 'organiz',
  organized: 'organiz',
  organizing: 'organiz',
  organizer: 'organiz',
  organizers: 'organiz',
  organic: 'organic',
  age: 'age',
  ages: 'age',
  aged: 'age',
  aging: 'aging',
  importance: 'importanc',
  important: 'importanc',
  influencer: 'influencer',
  influencers: 'influencer',
  developer: 'developer',
  developers: 'developer',
  integrity: 'integrity',
  utility: 'utility',
  utilities: 'utility',
  progressive: 'progressiv',
  progressives: 'progressiv',
  emergency: 'emergency',
  emergencies: 'emergency',
  engine: 'engine',
  engines: 'engine',
  authority: 'authority',
  authorities: 'authority',
  animation: 'animat',
  animations: 'animat',
  economy: 'econom',
  economies: 'econom',
};

export interface Lexicon {
  /** Words dropped before anything else (compared after folding, before stemming). */
  stopWords: ReadonlySet<string>;
  /** Generic words, as written; the rule compares their stems. */
  genericWords: readonly string[];
  synonyms: Readonly<Record<string, string>>;
  stemOverrides: Readonly<Record<string, string>>;
  /**
   * Phrases whose generic word belongs to the phrase ("climate change"): kept whole where generic
   * words are dropped before embedding (signature.ts `withoutGenericWords`). Default FIXED_PHRASES,
   * WordNet's nouns that hold a generic word (fixed-phrases-from-wordnet.ts).
   */
  fixedPhrases: readonly string[];
}

export interface LexiconChanges {
  /** Replace the generic words (default GENERIC_WORDS). */
  genericWords?: readonly string[];
  extraGenericWords?: readonly string[];
  /** Replace the synonym table (default SYNONYMS). */
  synonyms?: Readonly<Record<string, string>>;
  extraSynonyms?: Readonly<Record<string, string>>;
  extraStopWords?: readonly string[];
  /** Replace the fixed phrases (default FIXED_PHRASES). */
  fixedPhrases?: readonly string[];
}

export function makeLexicon(changes: LexiconChanges = {}): Lexicon {
  return {
    stopWords: new Set([...eng, ...EXTRA_STOP_WORDS, ...(changes.extraStopWords ?? [])]),
    genericWords: [...(changes.genericWords ?? GENERIC_WORDS), ...(changes.extraGenericWords ?? [])],
    synonyms: { ...(changes.synonyms ?? SYNONYMS), ...(changes.extraSynonyms ?? {}) },
    stemOverrides: STEM_OVERRIDES,
    fixedPhrases: changes.fixedPhrases ?? FIXED_PHRASES,
  };
}

export const DEFAULT_LEXICON: Lexicon = makeLexicon();

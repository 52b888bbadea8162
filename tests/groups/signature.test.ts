import { describe, expect, it } from 'vitest';
import {
  americanSpelling,
  foldText,
  makeLexicon,
  signature,
  withoutGenericWords,
  words,
} from '../../groups/index.js';
import { FIXED_PHRASES } from '../../groups/fixed-phrases.js';

const features = (name: string): readonly string[] => signature(name).features;

describe('folding', () => {
  it('applies NFKC, lower case, ASCII quotes and strips accents and possessives', () => {
    expect(foldText('ＡＩ’s Rôle')).toBe('ai role');
    expect(words('Trompe l’œil in Fashion')).toEqual(['trompe', 'l', 'oeil', 'in', 'fashion']);
    expect(words('Surveillance des télétravailleurs')).toEqual(['surveillance', 'des', 'teletravailleurs']);
  });

  it('collapses dotted acronyms and keeps the US apart from "us"', () => {
    expect(words('Challenges in Regulating A.I. Use')).toContain('ai');
    expect(features('Trade Policy of the U.S.')).toContain('usa');
    expect(features('US Trade Policy')).toContain('usa');
    expect(features('Help us')).not.toContain('usa');
  });
});

describe('British and American spelling', () => {
  it.each([
    ['centre', 'center'],
    ['centres', 'centers'],
    ['kilometre', 'kilometer'],
    ['labour', 'labor'],
    ['behavioural', 'behavioral'],
    ['neighbourhood', 'neighborhood'],
    ['organisation', 'organization'],
    ['organisational', 'organizational'],
    ['normalised', 'normalized'],
    ['prioritising', 'prioritizing'],
    ['criticise', 'criticize'],
    ['radicalisation', 'radicalization'],
    ['analyse', 'analyze'],
    ['paralysed', 'paralyzed'],
    ['defence', 'defense'],
    ['ageing', 'aging'],
    ['programme', 'program'],
  ])('%s → %s', (british, american) => {
    expect(americanSpelling(british)).toBe(american);
  });

  it.each([
    'rise',
    'rising',
    'raise',
    'promise',
    'advertising',
    'enterprise',
    'surprise',
    'advise',
    'otherwise',
    'exercise',
    'expertise',
    'franchise',
    'hour',
    'tour',
    'acre',
    'genre',
    'noise',
    'crisis',
    'analysis',
  ])('leaves %s alone', (word) => {
    expect(americanSpelling(word)).toBe(word);
  });

  it('gives both spellings one signature', () => {
    expect(features('Data Centre Labour Organisation')).toEqual(features('Data Center Labor Organization'));
    expect(features('Misogynistic Content Normalisation')).toEqual(
      features('Misogynistic Content Normalization'),
    );
  });
});

describe('synonyms', () => {
  it('maps phrases, matched on stems, to one canonical form (features are stems)', () => {
    expect(features('Artificial Intelligence in Schools')).toEqual(features('AI in Schools'));
    expect(features('Data Centres')).toEqual(['data_center']);
    expect(features('Datacenter Cooling')).toEqual(features('Data Center Cooling'));
    expect(features('Automation-Driven Job Losses')).toEqual(features('Job Displacement by Automation'));
    expect(features('Working From Home')).toEqual(['remot_work']);
    expect(features('Electricity Use of Servers')).toEqual(features('Energy Demand of Servers'));
  });

  it('keeps a compound apart from its parts', () => {
    expect(features('Data Center Energy Use')).not.toContain('data');
    expect(features('Data Privacy Concerns')).toEqual(['data', 'privaci']);
  });

  it('reports what it rewrote', () => {
    expect(signature('Rising Electricity Demand from Data Centres').rewrites).toEqual([
      'electricity demand → energy demand',
      'data centres → data center',
    ]);
  });

  it('can be extended', () => {
    const lexicon = makeLexicon({ extraSynonyms: { 'job loss': 'unemployment' } });
    expect(signature('Job Losses', lexicon).features).toEqual(['unemploy']);
  });
});

describe('stop words and generic words', () => {
  it('drops framing words in any inflection and says which', () => {
    const found = signature('Growing Concerns over the Rising Impacts of Drought');
    expect(found.features).toEqual(['drought']);
    expect(found.dropped).toEqual(['growing', 'concerns', 'over', 'the', 'rising', 'impacts', 'of']);
  });

  it('drops compound-adjective connectors as words, keeping content words that share their stem', () => {
    expect(features('AI-Driven Browsers')).toEqual(['ai', 'browser']);
    expect(features('Heat-Related Illness')).toEqual(['heat', 'ill']);
    expect(features('International Relations')).toContain('relat');
    expect(features('LED Lighting')).toEqual(['light']);
  });

  it('keeps content words that Porter would merge into generic ones', () => {
    expect(features('Influencer Marketing')).toContain('influencer');
    expect(features('Research Integrity')).toContain('integrity');
    expect(features('Developer Burnout')).toContain('developer');
  });

  it('keeps apart words Porter merges', () => {
    expect(features('Community Gardens')).not.toEqual(features('Communication Gardens'));
    expect(features('Generative Art')).not.toEqual(features('Generational Art'));
    expect(features('International Markets')).not.toEqual(features('Internal Markets'));
    expect(features('Fake News')).toEqual(['fake', 'news']);
  });

  it('keeps French function words out, but never "ai"', () => {
    expect(features('Accord social sur les outils de surveillance')).toEqual([
      'accord',
      'outil',
      'social',
      'surveil',
    ]);
    expect(features("L'IA et l'éducation")).toEqual(['ai', 'educ']);
    expect(features('Intelligence artificielle et emploi')).toEqual(features('IA et emploi'));
  });

  it('can leave a name with nothing to compare', () => {
    expect(signature('The Impact of Change').features).toEqual([]);
  });

  it('writes a name without its generic words, as the themes are embedded, and never as nothing', () => {
    expect(withoutGenericWords('technology impact')).toBe('technology');
    expect(withoutGenericWords('Advances in medical imaging')).toBe('medical imaging');
    expect(withoutGenericWords('Impact of Remote Work on Housing Patterns')).toBe(
      'Remote Work on Housing Patterns',
    );
    expect(withoutGenericWords('employee well-being')).toBe('employee well-being');
    expect(withoutGenericWords('The Impact of Change')).toBe('The Impact of Change');
  });

  it('keeps a fixed phrase whole when it holds a generic word, and says so from the lexicon alone', () => {
    expect(withoutGenericWords('climate change')).toBe('climate change');
    expect(withoutGenericWords('Climate change adaptation')).toBe('Climate change adaptation');
    expect(withoutGenericWords('The Impact of Climate Change')).toBe('Climate Change');
    expect(withoutGenericWords('product development')).toBe('product development');
    expect(withoutGenericWords('gender roles')).toBe('gender roles');
    expect(withoutGenericWords('game development')).toBe('game');
    const noPhrases = makeLexicon({ fixedPhrases: [] });
    expect(withoutGenericWords('climate change', noPhrases)).toBe('climate');
    expect(withoutGenericWords('The Impact of Climate Change', noPhrases)).toBe('Climate');
  });

  it('lists as fixed phrases only phrases that hold a generic word beside a content word', () => {
    const generic = (word: string): boolean => signature(word).dropped.includes(word);
    for (const phrase of FIXED_PHRASES) {
      const found = words(phrase);
      expect(found.some(generic), phrase).toBe(true);
      expect(signature(phrase).features.length, phrase).toBeGreaterThan(0);
    }
  });
});

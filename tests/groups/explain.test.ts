import { describe, expect, it } from 'vitest';
import { explainPair } from '../../groups/index.js';
import { ALL_NAMES } from './fixtures.js';

const corpus = ALL_NAMES;

describe('explainPair', () => {
  it('explains a match: shared words, weights, synonyms, the verdict', () => {
    const result = explainPair(
      'Energy Demand of AI Data Centers',
      'Rising Electricity Demand from Data Centres',
      {
        corpus,
      },
    );
    expect(result.similar).toBe(true);
    expect(result.similarity).toBeGreaterThan(0.8);
    expect(result.shared.map((word) => word.word).sort()).toEqual(['data center', 'demand', 'energy']);
    expect(result.onlyA.map((word) => word.word)).toEqual(['ai']);
    expect(result.onlyB).toEqual([]);
    expect(result.b.dropped).toEqual(['rising', 'from']);
    expect(result.b.rewrites).toEqual(['electricity demand → energy demand', 'data centres → data center']);
    expect(result.sameGroup).toBe(true);
    expect(result.text).toMatch(
      /^"Energy Demand of AI Data Centers" and "Rising Electricity Demand from Data Centres" are near-equivalent: similarity 0\.\d\d ≥ threshold 0\.45\./,
    );
  });

  it('explains a refusal', () => {
    const result = explainPair('Data Privacy Concerns', 'Data Center Energy Use', { corpus });
    expect(result.similar).toBe(false);
    expect(result.similarity).toBe(0);
    expect(result.shared).toEqual([]);
    expect(result.sameGroup).toBe(false);
    expect(result.text).toContain('are not near-equivalent: similarity 0.00 < threshold 0.45');
  });

  it('weighs a shared common word lightly', () => {
    const result = explainPair('AI in Education', 'AI Regulation Gaps', { corpus });
    expect(result.similar).toBe(false);
    const ai = result.shared.find((word) => word.word === 'ai')!;
    expect(ai.weight).toBeLessThan(result.onlyA[0]!.weight);
  });

  it('works without a corpus, and with another threshold', () => {
    const result = explainPair('Job Displacement by Automation', 'Automation-Driven Job Losses');
    expect(result.similarity).toBe(1);
    expect(result.sameGroup).toBeNull();
    expect(
      explainPair('Remote Work Isolation', 'Impact of Remote Work', { corpus, threshold: 0.9 }).similar,
    ).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Embedder } from '../../embed/embedder.js';
import { countryOf } from '../../groups/countries.js';
import { CONCEPT_RULES, clusterConcepts, embeddedText, exactNeighbours } from '../../groups/index.js';
import { normaliseKey } from '../../model/index.js';
import { neighbourLists } from './neighbour-lists.js';

/** Two different countries are never one concept, however close their names' embeddings are. */

describe('country names', () => {
  it('name one ISO 3166 country by any of its English names, and nothing else', () => {
    expect(countryOf('Russia')).toBe('RU');
    expect(countryOf('russian federation')).toBe('RU');
    expect(countryOf('USA')).toBe(countryOf('United States'));
    expect(countryOf(' China ')).toBe('CN');
    expect(countryOf('Taiwan')).toBe('TW');
    expect(countryOf('Chinese manufacturing')).toBeUndefined();
    expect(countryOf('technology')).toBeUndefined();
  });

  it('keep two countries apart even at a cosine far above the threshold, and group names of one country', () => {
    const neighbours = neighbourLists([
      ['russia', 'china', 0.95],
      ['usa', 'united states', 0.9],
      ['china', 'chinese economy', 0.9],
    ]);
    const names = ['russia', 'china', 'USA', 'United States', 'Chinese economy'];
    const { groups } = clusterConcepts(
      names.map((name) => ({ key: normaliseKey(name), name })),
      { names: neighbours },
      { threshold: 0.75, lexicalWeight: 0 },
    );
    const together = groups.map((group) => group.members.map((member) => member.key).sort());
    expect(together).toContainEqual(['russia']);
    expect(together).toContainEqual(['united states', 'usa']);
    expect(together).toContainEqual(['china', 'chinese economy']);
  });
});

describe('country names under the theme rule, with real embeddings', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await Embedder.start();
  });
  afterAll(async () => {
    await embedder?.close();
  });

  it('leaves each country its own theme (their names meet at cosine 0.70–0.75 otherwise)', async () => {
    const themes = [
      'russia',
      'China',
      'Japan',
      'Taiwan',
      'USA',
      'United States',
      'artificial intelligence',
      'AI',
    ];
    const vectors = await embedder.embed(themes.map((name) => embeddedText('Theme', name)));
    const { groups } = clusterConcepts(
      themes.map((name) => ({ key: normaliseKey(name), name })),
      { names: exactNeighbours(new Map(themes.map((name, i) => [normaliseKey(name), vectors[i]!])), 20) },
      CONCEPT_RULES.Theme,
    );
    const together = groups.map((group) => group.members.map((member) => member.key).sort());
    for (const alone of ['russia', 'china', 'japan', 'taiwan']) expect(together).toContainEqual([alone]);
    expect(together).toContainEqual(['ai', 'artificial intelligence']);
  });
});

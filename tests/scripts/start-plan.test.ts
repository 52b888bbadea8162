import { describe, expect, it } from 'vitest';
import type { HeldRoot } from '../../ingest/roots.js';
import { describeHeld, planStart, type StartRequest } from '../../scripts/start-plan.js';

const SEEDS = '/app/seeds';
const request = (overrides: Partial<StartRequest> = {}): StartRequest => ({
  roots: [],
  seedsRoot: SEEDS,
  reset: false,
  prune: false,
  watch: false,
  ...overrides,
});
const seeds: HeldRoot = { root: SEEDS, articles: 30 };
const mine: HeldRoot = { root: '/home/me/digests', articles: 120 };
const theirs: HeldRoot = { root: '/data/other', articles: 7 };
const unknown: HeldRoot = { root: null, articles: 3 };

describe('what npm start does with the database', () => {
  it('ingests the seeds without a PATH when the database is empty or holds only seeds', () => {
    for (const held of [[], [seeds]]) {
      expect(planStart(held, request())).toEqual({
        action: 'ingest',
        source: 'seeds',
        reset: false,
        prune: true,
        say: [],
      });
    }
  });

  it('serves a graph of other folders as it is without a PATH, saying how to bring it up to date', () => {
    const plan = planStart([mine], request());
    expect(plan).toEqual({
      action: 'serve',
      say: [
        'Serving the graph as last ingested: 120 articles from /home/me/digests (npm start -- /home/me/digests brings it up to date)',
      ],
    });
    expect(planStart([seeds, mine], request()).action).toBe('serve');
    expect(planStart([unknown], request()).action).toBe('serve');
  });

  it('refuses --watch without a PATH when there is no folder of seeds to follow', () => {
    const plan = planStart([mine], request({ watch: true }));
    expect(plan.action).toBe('refuse');
    expect(plan.action === 'refuse' && plan.say).toContain('npm start -- /home/me/digests --watch');
    expect(planStart([seeds], request({ watch: true })).action).toBe('ingest');
  });

  it('builds the graph from the PATHs into an empty database, or in place of the seeds', () => {
    expect(planStart([], request({ roots: [mine.root!] }))).toMatchObject({
      action: 'ingest',
      source: 'paths',
      prune: true,
      say: [],
    });
    expect(planStart([seeds], request({ roots: [mine.root!] }))).toMatchObject({
      action: 'ingest',
      prune: true,
      say: ['Replacing the 30 example seeds'],
    });
  });

  it('brings the same folders up to date, files deleted meanwhile included', () => {
    expect(planStart([mine], request({ roots: [mine.root!] }))).toMatchObject({
      action: 'ingest',
      prune: true,
      say: [],
    });
    expect(planStart([mine, seeds], request({ roots: [mine.root!, theirs.root!] }))).toMatchObject({
      action: 'ingest',
      prune: true,
      say: ['Replacing the 30 example seeds'],
    });
  });

  it('refuses to mix another folder in silently, saying what the database holds and what to do', () => {
    const plan = planStart([mine], request({ roots: [theirs.root!] }));
    expect(plan).toEqual({
      action: 'refuse',
      say:
        'The database holds 120 articles from /home/me/digests; starting on /data/other would mix them in. ' +
        'Add --prune to keep only the new documents, --reset to empty the database first, ' +
        'or name every folder (npm start -- /home/me/digests /data/other) to serve them together.',
    });
    expect(planStart([unknown], request({ roots: [mine.root!] })).action).toBe('refuse');
  });

  it('drops the other folders with --prune, and empties the database first with --reset', () => {
    expect(planStart([mine, seeds], request({ roots: [theirs.root!], prune: true }))).toEqual({
      action: 'ingest',
      source: 'paths',
      reset: false,
      prune: true,
      say: ['Replacing 120 articles from /home/me/digests and the 30 example seeds'],
    });
    expect(planStart([mine], request({ roots: [theirs.root!], reset: true }))).toEqual({
      action: 'ingest',
      source: 'paths',
      reset: true,
      prune: false,
      say: ['Emptying the database first (it held 120 articles from /home/me/digests)'],
    });
    expect(planStart([mine], request({ reset: true }))).toMatchObject({ action: 'ingest', source: 'seeds' });
  });

  it('names what the database holds', () => {
    expect(describeHeld([], { seedsRoot: SEEDS })).toBe('nothing');
    expect(describeHeld([seeds, { root: '/x', articles: 1 }, unknown], { seedsRoot: SEEDS })).toBe(
      'the 30 example seeds, 1 article from /x and 3 articles ingested before folders were recorded',
    );
  });
});

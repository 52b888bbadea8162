import { describe, expect, it } from 'vitest';
import { decodeOp, encodeOp, type ExploreOp } from '../../client/src/explore-ops.js';

describe('Explore operations in the URL', () => {
  it('keeps the time window an expansion was made in, and reads links made before windows existed', () => {
    const windowed: ExploreOp = {
      kind: 'expand',
      id: 'Theme:heat%20pumps',
      labels: ['Article'],
      limit: 25,
      window: { from: '2027-01-01' },
    };
    expect(encodeOp(windowed)).toBe('x|Theme:heat%20pumps|Article|25|2027-01-01..');
    expect(decodeOp(encodeOp(windowed))).toEqual(windowed);
    expect(decodeOp('x|Theme:energy||25')).toEqual({
      kind: 'expand',
      id: 'Theme:energy',
      labels: [],
      limit: 25,
    });
    // A window that is not one (a hand-edited link) is dropped, not half-applied.
    expect(decodeOp('x|Theme:energy||25|2025-06-01..2025-01-01')).toEqual({
      kind: 'expand',
      id: 'Theme:energy',
      labels: [],
      limit: 25,
    });
  });
});

import { describe, expect, it } from 'vitest';
import * as parse from '../../ingest/parse/index.js';

describe('the parser’s front door', () => {
  it('exports exactly parseDocument and MAX_DOCUMENT_BYTES', () => {
    expect(Object.keys(parse).sort()).toEqual(['MAX_DOCUMENT_BYTES', 'parseDocument']);
    expect(parse.MAX_DOCUMENT_BYTES).toBe(5 * 1024 * 1024);
  });
});

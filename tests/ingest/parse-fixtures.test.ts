import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../db/index.js';
import { parseDocument, type ParseResult } from '../../ingest/parse/index.js';

/**
 * One hand-written document per variant of FORMAT.md, beside the ParseResult it must give.
 * `UPDATE=1 npx vitest run tests/ingest/parse-fixtures.test.ts` rewrites the expected files; review
 * the diff before keeping it.
 */
const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'parse');
const update = process.env.UPDATE === '1';

const documents = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort();

function parseFixture(name: string): ParseResult {
  return parseDocument({
    file: name,
    id: name.replace(/\.md$/, ''),
    bytes: fs.readFileSync(path.join(FIXTURES, name)),
  });
}

describe('parser fixtures', () => {
  it('has fixtures', () => {
    expect(documents.length).toBeGreaterThan(10);
  });

  it.each(documents)('%s', async (name) => {
    const result = parseFixture(name);
    const expectedFile = path.join(FIXTURES, name.replace(/\.md$/, '.json'));
    if (update || !fs.existsSync(expectedFile)) {
      const options = await prettier.resolveConfig(expectedFile);
      const json = await prettier.format(JSON.stringify(result), { ...options, filepath: expectedFile });
      fs.writeFileSync(expectedFile, json);
    }
    expect(result).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  });
});

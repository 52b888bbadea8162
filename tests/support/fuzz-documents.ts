import fc from 'fast-check';

/**
 * Documents for property tests of the parser: real or fixture documents broken in the ways files
 * break (lines lost, doubled or moved, markup spliced in, bytes cut or corrupted, line endings
 * changed), and random markdown built from the digest's own vocabulary.
 */

/** Markup the parser reads, in pieces, and the pathological shapes markdown parsers are known to choke on. */
const FRAGMENTS = [
  '|',
  '| a |',
  '| a | b | c |',
  '|:--|--:|',
  '|---|---|---|---|',
  '# ',
  '# __',
  '## Keywords',
  '## Signals',
  '## Concerns',
  '## Closest',
  '## Other',
  '## ',
  '### deeper',
  '* ',
  '- item',
  '1. item',
  '> quote',
  '```',
  '~~~',
  '    indented code',
  '__',
  '**',
  '`',
  '[x](y)',
  '[',
  '](',
  '<script>alert(1)</script>',
  '<!--',
  '&amp;',
  '\\',
  '\t',
  '\u00a0',
  '\u200b',
  '\ud83d\ude00',
  '*'.repeat(2_000),
  '['.repeat(2_000),
  '> '.repeat(300),
  '| '.repeat(1_000),
  '`'.repeat(500),
  'x'.repeat(20_000),
  '_a'.repeat(1_000),
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);

type Mutation =
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'move-line'; from: number; to: number }
  | { kind: 'insert-line'; at: number; text: string }
  | { kind: 'splice'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'line-endings'; ending: '\r\n' | '\r' };

const position = fc.nat({ max: 1_000_000 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-lines'), at: position, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate-line'), at: position }),
  fc.record({ kind: fc.constant('move-line'), from: position, to: position }),
  fc.record({ kind: fc.constant('insert-line'), at: position, text: fragment }),
  fc.record({ kind: fc.constant('splice'), at: position, text: fragment }),
  fc.record({ kind: fc.constant('truncate'), at: position }),
  fc.record({
    kind: fc.constant('byte'),
    at: position,
    value: fc.constantFrom(0x00, 0x80, 0xc3, 0xe9, 0xed, 0xff, 0x0d, 0x7c),
  }),
  fc.record({ kind: fc.constant('line-endings'), ending: fc.constantFrom('\r\n' as const, '\r' as const) }),
) as fc.Arbitrary<Mutation>;

const encoder = new TextEncoder();

/** Applies one mutation; positions are taken modulo the document's size, so every mutation applies. */
export function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  switch (change.kind) {
    case 'truncate':
      return bytes.slice(0, change.at % (bytes.length + 1));
    case 'byte': {
      const at = change.at % (bytes.length + 1);
      return concat(bytes.slice(0, at), Uint8Array.of(change.value), bytes.slice(at));
    }
    case 'splice': {
      const at = change.at % (bytes.length + 1);
      return concat(bytes.slice(0, at), encoder.encode(change.text), bytes.slice(at));
    }
    default:
      return mutateLines(bytes, change);
  }
}

function mutateLines(bytes: Uint8Array, change: Mutation): Uint8Array {
  // Lines of raw bytes (latin1 keeps each byte as one char), so invalid UTF-8 survives the round trip.
  const lines = Buffer.from(bytes).toString('latin1').split('\n');
  const at = (n: number): number => n % lines.length;
  switch (change.kind) {
    case 'delete-lines':
      lines.splice(at(change.at), change.count);
      break;
    case 'duplicate-line':
      lines.splice(at(change.at), 0, lines[at(change.at)]!);
      break;
    case 'move-line': {
      const [line] = lines.splice(at(change.from), 1);
      lines.splice(at(change.to), 0, line!);
      break;
    }
    case 'insert-line':
      lines.splice(at(change.at), 0, Buffer.from(change.text, 'utf8').toString('latin1'));
      break;
    case 'line-endings':
      return Uint8Array.from(Buffer.from(lines.join(change.ending), 'latin1'));
  }
  return Uint8Array.from(Buffer.from(lines.join('\n'), 'latin1'));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

/** One of `sources`, with one to six mutations applied. */
export function mutatedDocument(sources: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      source: fc.nat({ max: sources.length - 1 }),
      changes: fc.array(mutation, { minLength: 1, maxLength: 6 }),
    })
    .map(({ source, changes }) => changes.reduce(mutate, sources[source]!));
}

const TITLE = '# __A Title__, from ([20250101](https://kghosh.substack.com/p/20250101).)';
const word = fc.constantFrom('energy', 'AI', 'climate', 'Grid', 'Cost', 'too high', '4', '5', '12', '');
const cells = fc.array(word, { minLength: 0, maxLength: 6 });
const SECTIONS = ['Summary', 'Keywords', 'Themes', 'Signals', 'Concerns', 'Closest', 'Other', 'Unknown'];

/** A header, its delimiter row and body rows of any width: the rows that do not fit are the parser's errors. */
const tableBlock = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.array(cells, { maxLength: 5 }))
  .map(([width, rows]) =>
    [
      `| ${['name', 'description', 'relevancy', 'change', 'extra'].slice(0, width).join(' | ')} |`,
      `|${'---|'.repeat(width)}`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n'),
  );

const markdownLine = fc.oneof(
  tableBlock,
  fc.constantFrom(
    TITLE,
    '# __A Title__, (from page [2724.0](https://kghosh.substack.com/p/2724.0).)',
    '__[External link](https://example.org/x)__',
    '| name | description | relevancy |',
    '| Signal | Change | 10y horizon | Driving force |',
    '|:-----|:------------|----------:|',
    '',
  ),
  fc.constantFrom(...SECTIONS).map((name) => `## ${name}`),
  cells.map((row) => `| ${row.join(' | ')} |`),
  word.map((text) => `* ${text}`),
  fc
    .tuple(word, fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 32 }))
    .map(([title, id]) => `* [${title}](${id})`),
  fragment,
);

/** Lines of digest-like markdown in any order, some of it nonsense; most start with a title line. */
export const randomMarkdown: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.boolean(), fc.boolean(), fc.array(markdownLine, { maxLength: 80 }))
  .map(([titled, alsoTitled, lines]) =>
    encoder.encode([...(titled || alsoTitled ? [TITLE, ''] : []), ...lines].join('\n')),
  );

/** How many lines the parser may count in these bytes: line feeds, CRLFs and lone CRs end a line. */
export function lineCount(bytes: Uint8Array): number {
  return (
    (Buffer.from(bytes)
      .toString('latin1')
      .match(/\r\n|\r|\n/g)?.length ?? 0) + 1
  );
}

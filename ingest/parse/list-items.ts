import type { List, ListItem } from 'mdast';
import type { ParseContext } from './context.js';
import { inlineText } from './inline-text.js';
import { lineOf, rawMarkdown } from './sections.js';

/**
 * The text of a bullet: its paragraph flattened to plain text; for anything else (`* -` is an
 * empty nested list, `* #` an empty heading) the source after the marker, so no character is lost.
 */
export function itemText(source: string, item: ListItem): string {
  const [first] = item.children;
  const last = item.children.at(-1);
  if (!first || !last) return '';
  if (item.children.length === 1 && first.type === 'paragraph') return inlineText(first.children).trim();
  return rawMarkdown(source, first, last).trim();
}

/** What follows the bullet marker and its one space, untrimmed: `*  ` gives ' '. */
function afterMarker(source: string, item: ListItem): string {
  const start = item.position?.start.offset;
  const end = item.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return source.slice(start, end).replace(/^(?:[*+-]|\d{1,9}[.)])[ \t]?/, '');
}

/**
 * Keywords and Themes: one item per bullet. Some documents were written one character per bullet
 * (`* s`, `* i`, …, `* ,`, `*  ` for a space); when every bullet holds a single character and the list
 * is long enough or holds a separator, the characters are joined and split on commas, with a warning.
 */
export function listItems(context: ParseContext, sectionName: string, list: List): string[] {
  const repaired = repairSplitList(context, sectionName, list);
  if (repaired) return repaired;
  const items: string[] = [];
  for (const item of list.children) {
    const text = itemText(context.source, item);
    if (text === '') context.warn(lineOf(item), 'empty-item', `empty bullet in ${sectionName} ignored`);
    else items.push(text);
  }
  return items;
}

const SEPARATOR = /^[,\s]?$/;
const MIN_SPLIT_ITEMS = 4;

function repairSplitList(context: ParseContext, sectionName: string, list: List): string[] | null {
  if (list.children.length < 3) return null;
  const chars: string[] = [];
  let separators = 0;
  for (const item of list.children) {
    const char = afterMarker(context.source, item);
    // Single code point; an empty bullet in such a list can only have been a space (trimmed by an editor).
    if (char.length > 2 || [...char].length > 1) return null;
    if (SEPARATOR.test(char)) separators++;
    chars.push(char === '' ? ' ' : char);
  }
  if (separators === 0 && chars.length < MIN_SPLIT_ITEMS) return null;
  const items = chars
    .join('')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  context.warn(
    lineOf(list),
    'split-list-repaired',
    `${sectionName} list was split into ${chars.length} single characters; joined and split on commas into ${items.length} items`,
  );
  return items;
}

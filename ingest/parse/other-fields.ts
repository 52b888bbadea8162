import type { List } from 'mdast';
import type { ParseContext } from './context.js';
import { itemText } from './list-items.js';
import { lineOf } from './sections.js';

export interface OtherFields {
  category?: string;
  type?: string;
  /** Items beyond Category and Type, as written (`Key: value`). */
  otherFields: string[];
}

const KNOWN_KEYS = new Set(['category', 'type']);

/** The Other list: `* Category: …` and `* Type: …`; any other item is kept in otherFields with a warning. */
export function otherFields(context: ParseContext, list: List, into: OtherFields): void {
  for (const item of list.children) {
    const text = itemText(context.source, item);
    const line = lineOf(item);
    if (text === '') {
      context.warn(line, 'empty-item', 'empty bullet in Other ignored');
      continue;
    }
    const colon = text.indexOf(':');
    const key = colon === -1 ? '' : text.slice(0, colon).trim().toLowerCase();
    const value = colon === -1 ? '' : text.slice(colon + 1).trim();
    if (KNOWN_KEYS.has(key) && value !== '' && into[key as 'category' | 'type'] === undefined) {
      into[key as 'category' | 'type'] = value;
      continue;
    }
    into.otherFields.push(text);
    const reason = KNOWN_KEYS.has(key)
      ? value === ''
        ? `"${text}" has no value`
        : `a second ${key} "${value}"`
      : colon === -1
        ? `"${text}" is not a \`Key: value\` item`
        : `unknown key "${text.slice(0, colon).trim()}"`;
    context.warn(line, 'unknown-other-field', `Other: ${reason}; kept in otherFields`);
  }
}

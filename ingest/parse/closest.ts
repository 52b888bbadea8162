import type { List } from 'mdast';
import type { ClosestLink } from '../../model/index.js';
import type { ParseContext } from './context.js';
import { inlineText } from './inline-text.js';
import { keepUnexpected, lineOf, type Section } from './sections.js';

/**
 * Closest (old layout): `* [Title](HASH)` naming other documents by id. Links to the document itself
 * and repeats carry nothing and are dropped, as DESIGN.md says; ranks count what is left, from 1.
 */
export function closestLinks(context: ParseContext, section: Section, list: List, into: ClosestLink[]): void {
  const self = new Set([context.id, context.id.slice(context.id.lastIndexOf('/') + 1)]);
  const seen = new Set(into.map((link) => link.id));
  for (const item of list.children) {
    const paragraph = item.children.length === 1 ? item.children[0] : undefined;
    const only =
      paragraph?.type === 'paragraph' && paragraph.children.length === 1 ? paragraph.children[0] : undefined;
    if (item.children.length === 0) {
      context.warn(lineOf(item), 'empty-item', 'empty bullet in Closest ignored');
      continue;
    }
    if (only?.type !== 'link' || targetId(only.url) === '') {
      const message = 'Closest item is not `[Title](id)`; kept in extraSections';
      keepUnexpected(context, section, item, 'closest-not-link', message);
      continue;
    }
    const id = targetId(only.url);
    if (self.has(id) || seen.has(id)) continue;
    seen.add(id);
    const title = inlineText(only.children).trim();
    into.push(title === '' ? { id, rank: into.length + 1 } : { id, title, rank: into.length + 1 });
  }
}

/** `HASH`, `./HASH.md` → `HASH`: links name documents by id, which has no extension. */
function targetId(url: string): string {
  return url
    .trim()
    .replace(/^\.\//, '')
    .replace(/\.(md|txt)$/i, '');
}

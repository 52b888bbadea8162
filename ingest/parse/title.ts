import type { Heading, Link, PhrasingContent, RootContent } from 'mdast';
import { fail, type ParseContext } from './context.js';
import { inlineText } from './inline-text.js';
import { pageDate } from './page-date.js';
import { keepUnexpected, lineOf } from './sections.js';

export interface TitleFields {
  title: string;
  page?: string;
  pageUrl?: string;
  date?: string;
}

/**
 * Both title styles, `# __Title__, from ([PAGE](URL).)` and `# __Title__, (from page [PAGE](URL).)`:
 * the title is the text inside `__…__`, the page is the heading's link (text trimmed, as one document
 * has `[20250504 ]`). A heading without `__…__` still gives a title, with a warning.
 */
export function titleFields(context: ParseContext, heading: Heading): TitleFields {
  const strong = heading.children.find((node) => node.type === 'strong');
  const link = heading.children.find((node): node is Link => node.type === 'link');
  let title: string;
  if (strong) title = inlineText(strong.children).trim();
  else {
    const before = link ? heading.children.slice(0, heading.children.indexOf(link)) : heading.children;
    title = stripFromPage(inlineText(before));
    context.warn(lineOf(heading), 'title-style', 'title is not inside `__…__`; took the heading text');
  }
  if (title === '') fail(context, lineOf(heading), 'no-title', 'the title line has no title text');

  const fields: TitleFields = { title };
  if (link) {
    const page = inlineText(link.children).trim();
    if (page !== '') fields.page = page;
    if (link.url !== '') fields.pageUrl = link.url;
    const date = page === '' ? undefined : pageDate(page);
    if (date) fields.date = date;
  }
  return fields;
}

/** `Title, from (` / `Title, (from page ` → `Title`; stray `__` or `**` markers go too. */
function stripFromPage(text: string): string {
  return text.replace(/[\s,]*\(?\s*(from(\s+page)?)?\s*\(?\s*$/i, '').replace(/^[\s_*]+|[\s_*]+$/g, '');
}

/**
 * The head between the title and the first section: `__[External link](URL)__` gives `url`; anything
 * else is kept raw with a warning.
 */
export function externalLink(context: ParseContext, preamble: readonly RootContent[]): string | undefined {
  let url: string | undefined;
  for (const node of preamble) {
    const link = url === undefined && node.type === 'paragraph' ? externalLinkIn(node.children) : null;
    if (link) url = link.url === '' ? undefined : link.url;
    else keepUnexpected(context, null, node);
  }
  return url;
}

function externalLinkIn(children: readonly PhrasingContent[]): Link | null {
  const only = children.length === 1 ? children[0] : undefined;
  const link = only?.type === 'strong' && only.children.length === 1 ? only.children[0] : only;
  return link?.type === 'link' && /^\s*external link\s*$/i.test(inlineText(link.children)) ? link : null;
}

import type { Nodes, PhrasingContent } from 'mdast';

/**
 * Phrasing content → plain text: emphasis, strong and code are flattened to their
 * text, escapes and entities are already decoded by the parser (so `\|` is `|`), and a link keeps
 * its address: `text (url)`, or just the text when the address is the text (autolinks).
 */
export function inlineText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) text += nodeText(node);
  return text.includes('\n') ? text.replace(/[ \t]*\n[ \t]*/g, ' ') : text;
}

function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value;
    case 'break':
      return '\n';
    case 'link':
      return withUrl(inlineText(node.children), node.url);
    case 'image':
      return withUrl(node.alt ?? '', node.url);
    case 'imageReference':
      return node.alt ?? '';
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    default:
      return 'children' in node ? inlineText(node.children as PhrasingContent[]) : '';
  }
}

function withUrl(text: string, url: string): string {
  if (url === '' || url === text || url === `mailto:${text}` || url === `http://${text}`) return text;
  return text === '' ? url : `${text} (${url})`;
}

import type { Layout } from '../../model/index.js';
import type { Section, SectionKind } from './sections.js';

/** The section orders of FORMAT.md; anything else (including any unknown section) is 'other'. */
const LAYOUTS: ReadonlyArray<[Layout, readonly SectionKind[]]> = [
  [
    'new',
    ['keywords', 'themes', 'other', 'summary', 'signals', 'concerns', 'behaviors', 'technologies', 'issues'],
  ],
  ['old', ['summary', 'keywords', 'themes', 'signals', 'closest']],
  ['short', ['keywords', 'themes', 'other', 'summary', 'signals']],
  ['seed', ['keywords', 'themes', 'other', 'summary', 'signals', 'behaviors', 'technologies', 'issues']],
];

export function detectLayout(sections: readonly Section[]): Layout {
  for (const [layout, kinds] of LAYOUTS) {
    if (kinds.length === sections.length && kinds.every((kind, index) => sections[index]!.kind === kind))
      return layout;
  }
  return 'other';
}

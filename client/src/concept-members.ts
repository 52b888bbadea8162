import type { IssueGroup } from '../../model/index.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';

/** "Why grouped": the members of a concept group, each with its score and the reason it joined. */
export function conceptMembers(members: IssueGroup['members'], onPick?: (id: string) => void): HTMLElement {
  return h(
    'details',
    { class: 'members', attrs: { open: members.length <= 6 } },
    h('summary', {
      text: `Why grouped: ${members.length} name${members.length === 1 ? '' : 's'} and their reasons`,
    }),
    h(
      'ul',
      { class: 'member-list' },
      ...members.map((member) =>
        h(
          'li',
          {},
          h(
            'div',
            { class: 'member-head' },
            onPick
              ? h('button', {
                  class: 'member-name link-button',
                  type: 'button',
                  text: member.name,
                  on: { click: () => onPick(member.id) },
                })
              : h('span', { class: 'member-name', text: member.name }),
            h('span', {
              class: 'similarity',
              title: 'Score with the group’s core',
              text: formatNumber(member.similarity, 2),
            }),
          ),
          h('p', { class: 'member-reason', text: member.reason }),
        ),
      ),
    ),
  );
}

import type { StructuralGap, ThemeCommunities } from '../../model/index.js';
import { h, svg } from './dom.js';
import { formatNumber, plural } from './format.js';
import { COMMUNITY_HUES, communityColor } from './palette.js';

/**
 * The themes map's reading, in the sidebar: its communities (a click shows one alone) and its
 * structural gaps, each with the themes that already bridge it and the pair that would.
 */

export interface CommunityActions {
  /** Shows these communities alone on the map (and these themes marked); none: everything again. */
  focus(communities: number[], themes: string[]): void;
  selectTheme(id: string): void;
}

export function communitySwatch(community: number | undefined, size = 12): SVGSVGElement {
  return svg(
    'svg',
    { class: 'label-icon', width: size, height: size, viewBox: '0 0 12 12', 'aria-hidden': 'true' },
    svg('circle', { cx: 6, cy: 6, r: 5.5, fill: communityColor(community) }),
  );
}

/** A theme ringed as the map rings a bridging theme. */
export function ringSwatch(): SVGSVGElement {
  return svg(
    'svg',
    { class: 'label-icon', width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true' },
    svg('circle', { cx: 7, cy: 7, r: 5, fill: '#c5ccd3', stroke: '#1f2933', 'stroke-width': 2.5 }),
  );
}

/** The communities, largest first: the ones with their own colour, the rest behind a button. */
export function communityList(result: ThemeCommunities, actions: CommunityActions): HTMLElement {
  if (result.communities.length === 0) return h('p', { class: 'muted', text: 'No communities: no links.' });
  const items = result.communities.map((community, rank) =>
    h(
      'li',
      { hidden: rank >= COMMUNITY_HUES },
      h(
        'button',
        {
          class: 'rank-button community-button',
          type: 'button',
          title: `Show this community alone: ${community.name}`,
          attrs: { 'aria-pressed': 'false', 'data-community': community.id },
          on: { click: (event) => toggle(event.currentTarget as HTMLElement, [community.id], [], actions) },
        },
        communitySwatch(community.id),
        h('span', { class: 'rank-name', text: community.name }),
        h('span', { class: 'rank-count', text: formatNumber(community.size) }),
      ),
    ),
  );
  const list = h(
    'ol',
    { class: 'community-list', attrs: { 'aria-label': 'Communities, largest first' } },
    ...items,
  );
  const hidden = items.filter((item) => item.hidden).length;
  if (hidden === 0) return list;
  const more: HTMLButtonElement = h('button', {
    class: 'link-button show-more',
    type: 'button',
    text: `Show ${plural(hidden, 'smaller community', 'smaller communities')}`,
    on: {
      click: () => {
        for (const item of items) item.hidden = false;
        more.remove();
      },
    },
  });
  return h('div', {}, list, more);
}

export function gapList(result: ThemeCommunities, actions: CommunityActions): HTMLElement {
  if (result.gaps.length === 0) {
    return h('p', {
      class: 'muted',
      text: 'No gaps: every pair of large communities is linked at least as much as their sizes predict.',
    });
  }
  return h(
    'ol',
    { class: 'gap-list', attrs: { 'aria-label': 'Structural gaps, most missing first' } },
    ...result.gaps.map((gap) => gapItem(result, gap, actions)),
  );
}

function gapItem(result: ThemeCommunities, gap: StructuralGap, actions: CommunityActions): HTMLElement {
  const name = (id: number) => result.communities[id]?.name ?? `community ${id + 1}`;
  const themeButton = (theme: { id: string; name: string }) =>
    h('button', {
      class: 'link-button',
      type: 'button',
      text: theme.name,
      title: 'Select this theme on the map',
      on: { click: () => actions.selectTheme(theme.id) },
    });
  const marked = [...gap.bridges.map((bridge) => bridge.id), ...gap.suggested.map((theme) => theme.id)];
  return h(
    'li',
    { class: 'gap-item' },
    h(
      'button',
      {
        class: 'gap-head',
        type: 'button',
        title: 'Show these two communities alone, their bridges marked',
        attrs: { 'aria-pressed': 'false' },
        on: { click: (event) => toggle(event.currentTarget as HTMLElement, [gap.a, gap.b], marked, actions) },
      },
      h('span', { class: 'gap-side' }, communitySwatch(gap.a), h('span', { text: name(gap.a) })),
      h(
        'span',
        { class: 'gap-side' },
        h('span', { class: 'gap-mark', text: '↔', attrs: { 'aria-label': 'and' } }),
        communitySwatch(gap.b),
        h('span', { text: name(gap.b) }),
      ),
    ),
    h(
      'p',
      { class: 'gap-measure' },
      gap.links === 0
        ? `No link between them, where links worth ${plural(Number(gap.expected.toFixed(1)), 'shared article')} would be expected from their sizes.`
        : `Links worth ${plural(gap.links, 'shared article')} between them, where ${formatNumber(gap.expected, 1)} would be expected from their sizes.`,
    ),
    gap.bridges.length > 0
      ? h(
          'p',
          { class: 'gap-bridges' },
          h('span', { class: 'muted', text: 'Bridged by ' }),
          ...gap.bridges.flatMap((bridge, i) => [i > 0 ? ', ' : '', themeButton(bridge)]),
        )
      : h('p', { class: 'gap-bridges muted', text: 'No theme is linked to both.' }),
    h(
      'p',
      { class: 'gap-suggested' },
      h('span', { class: 'muted', text: 'To bridge: ' }),
      themeButton(gap.suggested[0]),
      ' ↔ ',
      themeButton(gap.suggested[1]),
    ),
  );
}

/** One focus at a time across both lists: pressing a pressed button shows everything again. */
function toggle(
  button: HTMLElement,
  communities: number[],
  themes: string[],
  actions: CommunityActions,
): void {
  const pressed = button.getAttribute('aria-pressed') === 'true';
  const panel = button.closest('.view-side') ?? document;
  panel.querySelectorAll('.community-button, .gap-head').forEach((other) => {
    other.setAttribute('aria-pressed', 'false');
  });
  if (pressed) {
    actions.focus([], []);
    return;
  }
  button.setAttribute('aria-pressed', 'true');
  actions.focus(communities, themes);
}

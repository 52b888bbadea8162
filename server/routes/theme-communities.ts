import { ThemeCommunitiesSchema, type ThemeCommunities } from '../../model/index.js';
import { analyseNetwork } from '../analysis/communities.js';
import { MIN_SIZE } from '../analysis/structural-gaps.js';
import { defineRoute } from '../http/api-route.js';
import { WINDOW_EXPLAINED, windowOf } from '../http/inputs.js';
import type { ThemeNetwork } from '../queries/themes.js';
import { cachedThemeNetwork, ThemeNetworkQuery } from './themes.js';

/**
 * Kept with the network they were computed from: the cache hands out the same network object for
 * one parameters-and-window key as long as the database does not change, so each version's network
 * is analysed once, and a new version (or an evicted window) brings a new network to analyse.
 */
const analysed = new WeakMap<ThemeNetwork, ThemeCommunities>();

function communitiesOf(network: ThemeNetwork): ThemeCommunities {
  let found = analysed.get(network);
  if (!found) {
    found = analyseNetwork({
      nodes: network.elements.nodes.map(({ data }) => ({ id: data.id, name: data.name })),
      edges: network.elements.edges.map(({ data }) => ({
        source: data.source,
        target: data.target,
        weight: Number(data.count),
      })),
    });
    analysed.set(network, found);
  }
  return found;
}

export const themeCommunitiesRoute = defineRoute({
  method: 'get',
  path: '/api/themes/communities',
  tag: 'themes',
  summary: 'Communities, central themes and structural gaps of the themes map',
  description: [
    `Read from the same network as GET /api/themes/network with the same minCount, limit and time window (its nodes: theme concepts, or themes in no concept; its links weighted by shared articles), computed once per database version and window. Communities: Louvain on the link weights (modularity given), numbered largest first and named by their three themes most linked inside them. Per theme: its community, weighted degree (sum of its link weights) and betweenness centrality (0–1, a link's length being 1/weight): the bridging themes have the highest. Structural gaps: pairs of communities of at least ${MIN_SIZE} themes whose links to each other weigh less than their weighted degrees predict at random (W_A·W_B/2W), most weight missing first, each with the themes already linked to both and the most central theme of each side.`,
    WINDOW_EXPLAINED,
  ].join(' '),
  query: ThemeNetworkQuery,
  response: ThemeCommunitiesSchema,
  errors: { 400: 'Invalid parameter.', 503: 'Neo4j is unreachable.' },
  handle: async ({ query }, { reader }) =>
    communitiesOf(
      await cachedThemeNetwork(reader, {
        minCount: query.minCount,
        limit: query.limit,
        window: windowOf(query),
      }),
    ),
});

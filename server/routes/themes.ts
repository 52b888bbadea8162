import { NotFoundError, InvalidInputError } from '../errors.js';
import { defineRoute } from '../http/api-route.js';
import { isWindowSet, timeWindowSchema, type TimeWindow } from '../../model/index.js';
import { limitInput, minCountInput, nodeIdInput, WINDOW_EXPLAINED, windowOf } from '../http/inputs.js';
import { ThemeLinkResponseSchema, ThemeNetworkResponseSchema } from '../http/responses.js';
import type { GraphReader } from '../graph/graph-reader.js';
import {
  articlesWithThemes,
  readThemeLink,
  readThemeNetwork,
  type ThemeNetwork,
  type ThemeUnitLabel,
} from '../queries/themes.js';
import { windowEcho } from '../queries/time-window.js';
import { readWindowedThemeLink, readWindowedThemeNetwork } from '../queries/windowed-cooccurrence.js';

/** The themes map's parameters: its time window, and which links it draws. */
export const ThemeNetworkQuery = timeWindowSchema().safeExtend({
  minCount: minCountInput(2),
  limit: limitInput(200, 2_000),
});

/**
 * The themes network as the map draws it (theme concepts, their stored CO_OCCURS or the article
 * walk, or a window's walk), computed once per database version and window: its communities read
 * the same object.
 */
export function cachedThemeNetwork(
  reader: GraphReader,
  input: { minCount: number; limit: number; window: TimeWindow },
): Promise<ThemeNetwork> {
  return reader.cached(
    `themes/network ${input.minCount} ${input.limit}`,
    (tx) => (isWindowSet(input.window) ? readWindowedThemeNetwork(tx, input) : readThemeNetwork(tx, input)),
    { window: input.window },
  );
}

export const themeNetworkRoute = defineRoute({
  method: 'get',
  path: '/api/themes/network',
  tag: 'themes',
  summary: 'Themes linked by the articles they share, as Cytoscape elements',
  description: [
    "Themes are counted by concept: a ThemeGroup (themes that mean the same; its members and why: GET /api/concepts/{id}) stands for its member themes, a theme in no group for itself. The `limit` strongest links by shared-article count among pairs sharing at least `minCount` articles, and their themes. Node data carries `articleCount` (use it for size); each CO_OCCURS edge carries count, jaccard, lift and npmi over N = articles with a theme (`meta.articles`). A theme's articles: GET /api/nodes/{id}/neighbors?labels=Article.",
    WINDOW_EXPLAINED,
    "Node `articleCount` is then the theme's articles in the window, and `meta.window` says which.",
  ].join(' '),
  query: ThemeNetworkQuery,
  response: ThemeNetworkResponseSchema,
  errors: { 400: 'Invalid parameter.', 503: 'Neo4j is unreachable.' },
  handle: async ({ query }, { reader }) => {
    const window = windowOf(query);
    const network = await cachedThemeNetwork(reader, {
      minCount: query.minCount,
      limit: query.limit,
      window,
    });
    return {
      ...network.elements,
      meta: {
        articles: network.articles,
        minCount: query.minCount,
        limit: query.limit,
        ...(isWindowSet(window) ? { window: windowEcho(window) } : {}),
      },
    };
  },
});

export const themeLinkRoute = defineRoute({
  method: 'get',
  path: '/api/themes/link',
  tag: 'themes',
  summary: 'Why two themes are linked: their measures and the articles that have both',
  description: WINDOW_EXPLAINED,
  query: timeWindowSchema().safeExtend({
    a: nodeIdInput(['Theme', 'ThemeGroup']),
    b: nodeIdInput(['Theme', 'ThemeGroup']),
    limit: limitInput(20, 200).meta({ description: 'Evidence articles at most (1–200, default 20).' }),
  }),
  response: ThemeLinkResponseSchema,
  errors: { 400: 'Invalid parameter, or a = b.', 404: 'No such theme.', 503: 'Neo4j is unreachable.' },
  handle: async ({ query }, { reader }) => {
    if (query.a.id === query.b.id) {
      throw new InvalidInputError('Invalid query parameter "b": it names the same theme as "a".', {
        issues: [{ in: 'query parameter', field: 'b', code: 'custom', message: 'same theme as a' }],
      });
    }
    const window = windowOf(query);
    const windowed = isWindowSet(window);
    const articles = windowed ? 0 : await reader.cached('articles with themes', articlesWithThemes);
    const link = await reader.read((tx) =>
      windowed
        ? readWindowedThemeLink(tx, { a: query.a, b: query.b, limit: query.limit, window })
        : readThemeLink(tx, {
            a: { label: query.a.label as ThemeUnitLabel, key: query.a.key },
            b: { label: query.b.label as ThemeUnitLabel, key: query.b.key },
            limit: query.limit,
            articles,
          }),
    );
    if (!link)
      throw new NotFoundError(`No theme ${query.a.id} or no theme ${query.b.id}.`, {
        a: query.a.id,
        b: query.b.id,
      });
    return link;
  },
});

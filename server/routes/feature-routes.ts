import type { ApiRoute } from '../http/api-route.js';
import { articleRoute } from './articles.js';
import { conceptRoute, similarRoute } from './concepts.js';
import { cypherRoute } from './cypher.js';
import { graphVersionRoute } from './graph-version.js';
import { healthRoute } from './health.js';
import { cooccurringRoute, pairsRoute } from './issues.js';
import { neighborsRoute, nodeRoute } from './nodes.js';
import { pathsRoute } from './paths.js';
import { searchRoute } from './search.js';
import { statsRoute } from './stats.js';
import { themeCommunitiesRoute } from './theme-communities.js';
import { themeLinkRoute, themeNetworkRoute } from './themes.js';
import { emergingRoute, signalTimelineRoute, timelineRoute, trendsRoute } from './time.js';

export const FEATURE_ROUTES: readonly ApiRoute[] = [
  healthRoute,
  statsRoute,
  graphVersionRoute,
  searchRoute,
  similarRoute,
  conceptRoute,
  nodeRoute,
  neighborsRoute,
  articleRoute,
  themeNetworkRoute,
  themeLinkRoute,
  themeCommunitiesRoute,
  cooccurringRoute,
  pairsRoute,
  pathsRoute,
  timelineRoute,
  trendsRoute,
  emergingRoute,
  signalTimelineRoute,
  cypherRoute,
];

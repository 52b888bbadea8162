import type { ApiRoute } from '../http/api-route.js';
import { FEATURE_ROUTES } from './feature-routes.js';
import { openApiRoute } from './openapi.js';

export const API_ROUTES: readonly ApiRoute[] = [...FEATURE_ROUTES, openApiRoute];

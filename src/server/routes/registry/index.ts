import type { Registry } from '../../../registry/registry.js';
import type { Route } from '../../route.js';
import { auditRoutes } from './audit.js';
import { changeRequestRoutes } from './change-requests.js';
import { datasetRoutes } from './datasets.js';
import { policyRoutes } from './policies.js';
import { tokenRoutes } from './tokens.js';

/** The registry's endpoints, for createApp's extraRoutes. */
export const registryRoutes = (registry: Registry): Route[] => [
  ...policyRoutes(registry),
  ...changeRequestRoutes(registry),
  ...auditRoutes(registry),
  ...tokenRoutes(registry),
  ...datasetRoutes(registry),
];

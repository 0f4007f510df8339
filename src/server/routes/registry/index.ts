import type { Registry } from '../../../registry/registry.js';
import type { Route } from '../../route.js';
import { artifactRoutes } from './artifacts.js';
import { auditRoutes } from './audit.js';
import { changeRequestRoutes } from './change-requests.js';
import { datasetRoutes } from './datasets.js';
import { overrideRoutes } from './overrides.js';
import { policyRoutes } from './policies.js';
import { reviewRoutes } from './review.js';
import { tokenRoutes } from './tokens.js';

export interface RegistryRouteOptions {
  /** PEM files of the public keys whose signatures POST /v1/artifacts accepts; none: it accepts no artifact. */
  trustedKeys?: readonly string[];
}

/** The registry's endpoints, for createApp's extraRoutes. */
export const registryRoutes = (registry: Registry, options: RegistryRouteOptions = {}): Route[] => [
  ...policyRoutes(registry),
  ...changeRequestRoutes(registry),
  ...auditRoutes(registry),
  ...tokenRoutes(registry),
  ...datasetRoutes(registry),
  ...artifactRoutes(registry, options.trustedKeys ?? []),
  ...reviewRoutes(registry),
  ...overrideRoutes(registry),
];

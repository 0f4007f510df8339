import type { Registry } from '../registry/registry.js';
import type { ServerDeps } from './deps.js';

/** The server's needs met by the registry: what `tierwise serve` runs on. */
export function registryDeps(registry: Registry): ServerDeps {
  return {
    authenticate: (secret) => registry.authenticate(secret),
    resolvePolicy: (query) => registry.resolve(query),
    recordDecisions: (decisions, chunks) => registry.recordDecisions(decisions, chunks),
    getDecision: (id, actor) => registry.getDecision(actor, id),
    datasetPath: async (id, actor) => registry.datasetFile(actor, id),
    activeOverride: (key, at) => registry.activeOverride(key, at),
    checkPolicy: (text, fileName) => registry.validate(text, fileName ?? 'policy.tier.yaml'),
  };
}

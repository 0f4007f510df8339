import { readFileSync } from 'node:fs';
import { isRefusal } from '../../src/registry/outcome.js';
import { bundledSample } from '../helpers/sample-data.js';
import { type FixtureDeps, fixtureDeps } from './fixture-deps.js';

/**
 * The bundled customers and transactions as test/helpers/sample-data.ts samples them: every fifth
 * customer by default, all of them under TIERWISE_LONG_TESTS=1. For the endpoint tests that hold
 * an answer up against another path's over the same files (the CLI's, a stored version's): every
 * segment and tier of the bundled data is there, and each of their many runs over the whole
 * population reads a fifth as much.
 */
export const SAMPLE = bundledSample();

/** How many customers the sample has: what a count over all of a dataset's customers comes to. */
export const SAMPLE_CUSTOMERS = readFileSync(SAMPLE.customers, 'utf8').trimEnd().split('\n').length - 1;

/** fixtureDeps with its datasets ds-1 (customers) and ds-2 (transactions) on the sample's files. */
export async function sampledDeps(): Promise<FixtureDeps> {
  const deps = await fixtureDeps();
  const paths: Record<string, string> = { 'ds-1': SAMPLE.customers, 'ds-2': SAMPLE.transactions };
  return {
    ...deps,
    datasetPath: async (id, actor) => {
      const found = await deps.datasetPath(id, actor);
      const path = paths[id];
      return isRefusal(found) || path === undefined ? found : { ...found, path };
    },
  };
}

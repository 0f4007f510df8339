import type { Base } from './base.js';
import type { Case, Draft } from './case.js';
import { hostileArtifact, hostileKey } from './inputs/artifact.js';
import { hostileCsv, hostileJson, hostileMapping, hostileTransactions, hostileXlsx } from './inputs/data.js';
import { hostileOptions } from './inputs/options.js';
import { hostileExtends, mutatedPolicy, mutatedTest, yamlBomb } from './inputs/policy.js';
import { caseSeed, Rng } from './rng.js';

export interface Materials {
  base: Base;
  /** A signed artifact of a bundled policy, built once per run. */
  artifact: Uint8Array;
}

type Generator = (rng: Rng, m: Materials) => Draft;

/** The input classes and how often each is drawn. */
export const CLASSES: readonly { name: string; weight: number; make: Generator }[] = [
  { name: 'policy-mutation', weight: 4, make: (r, m) => mutatedPolicy(r, m.base) },
  { name: 'yaml-bomb', weight: 2, make: (r, m) => yamlBomb(r, m.base) },
  { name: 'extends', weight: 1, make: (r, m) => hostileExtends(r, m.base) },
  { name: 'test-file', weight: 1, make: (r, m) => mutatedTest(r, m.base) },
  { name: 'csv', weight: 4, make: (r, m) => hostileCsv(r, m.base) },
  { name: 'json', weight: 2, make: (r, m) => hostileJson(r, m.base) },
  { name: 'xlsx', weight: 2, make: (r, m) => hostileXlsx(r, m.base) },
  { name: 'transactions', weight: 2, make: (r, m) => hostileTransactions(r, m.base) },
  { name: 'mapping', weight: 1, make: (r, m) => hostileMapping(r, m.base) },
  { name: 'artifact', weight: 1, make: (r, m) => hostileArtifact(r, m.base, m.artifact) },
  { name: 'key', weight: 1, make: (r, m) => hostileKey(r, m.base) },
  { name: 'options', weight: 2, make: (r, m) => hostileOptions(r, m.base) },
];

const TOTAL = CLASSES.reduce((s, c) => s + c.weight, 0);

/** Case `index` of the run seeded `seed`: the same pair always gives the same input. */
export function makeCase(seed: number, index: number, materials: Materials): Case {
  const rng = new Rng(caseSeed(seed, index));
  // The first cases walk through the classes in turn, so even a short run meets each of them.
  let pick = index < CLASSES.length ? index : -1;
  if (pick < 0) {
    const roll = rng.next() * TOTAL;
    let sum = 0;
    pick = CLASSES.findIndex((c) => {
      sum += c.weight;
      return roll < sum;
    });
  }
  const chosen = CLASSES[pick < 0 ? CLASSES.length - 1 : pick]!;
  return { index, ...chosen.make(rng, materials) };
}

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { jsValue, sqlValue } from './transactions.js';

export const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
export const CUSTOMERS = at('examples/data/customers.csv');
export const TRANSACTIONS = at('examples/data/transactions.csv');

/** The bundled policies with facts from transactions, loaded. */
export async function bundled(): Promise<{ file: string; policy: Policy }[]> {
  const files = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));
  const loaded = await Promise.all(
    files.map(async (file) => ({ file, policy: (await loadPolicy(at(`policies/${file}`))).policy! })),
  );
  return loaded.filter(({ policy }) => Object.values(policy.facts ?? {}).some((f) => f.aggregate));
}

/**
 * Every aggregate fact of every bundled policy in one policy, named `<file>/<fact>`: the bundled
 * policies share the log's mapping and zone, so one load gives the JavaScript path's values for all.
 */
export function merged(policies: readonly { file: string; policy: Policy }[]): Policy {
  const base = policies[0]!.policy;
  const facts: Record<string, Fact> = {};
  for (const [id, fact] of Object.entries(base.facts ?? {})) if (fact.key) facts[id] = fact;
  for (const { file, policy } of policies) {
    expect(policy.metadata.timezone).toBe(base.metadata.timezone);
    expect(policy.sources?.transactions).toEqual(base.sources?.transactions);
    for (const [id, fact] of Object.entries(policy.facts ?? {}))
      if (fact.aggregate) facts[`${file.replace('.tier.yaml', '')}/${id}`] = fact;
  }
  const {
    tiers: _tiers,
    dimensions: _dimensions,
    classifiers: _classifiers,
    rerating: _rerating,
    ...rest
  } = base;
  return { ...rest, facts } as Policy;
}

/** Facts that differ, as [customer, fact, SQL, JavaScript]; compared as numbers, dates as instants. */
export function differences(
  customers: readonly { id: string; facts: Record<string, unknown> }[],
  got: ReadonlyMap<string, Record<string, unknown>>,
  ids: readonly string[],
): unknown[][] {
  const found: unknown[][] = [];
  for (const c of customers) {
    const row = got.get(c.id)!;
    for (const id of ids) {
      const want = jsValue(c.facts[id]);
      const have = sqlValue(row[id]);
      if (!(want === have || (Number.isNaN(want) && Number.isNaN(have)))) found.push([c.id, id, have, want]);
    }
  }
  return found;
}

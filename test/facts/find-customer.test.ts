import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/facts/customers.js';
import { findCustomer } from '../../src/facts/find-customer.js';
import { loadPolicy } from '../../src/policy/load.js';
import { ROOT } from '../e2e/cli.js';

const CUSTOMERS = join(ROOT, 'examples/data/customers.csv');
const TRANSACTIONS = join(ROOT, 'examples/data/transactions.csv');

async function policy(name: string) {
  const loaded = await loadPolicy(join(ROOT, 'policies', `${name}.tier.yaml`));
  if (!loaded.policy) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.policy;
}

describe('findCustomer: one customer’s facts without loading the population', () => {
  it('gives the facts loadCustomers gives that customer, the transaction aggregates included', async () => {
    const seed004 = await policy('seed004-scorecard');
    const options = { customers: CUSTOMERS, transactions: TRANSACTIONS, asOf: '2025-01-01' };
    const all = await loadCustomers(seed004, options);
    for (const id of ['C2012001', 'C2021035', all.customers.at(-1)!.id]) {
      const found = await findCustomer(seed004, id, options);
      if (!found.found) throw new Error(JSON.stringify(found.diagnostics));
      const expected = all.customers.find((c) => c.id === id)!;
      expect(found.customer).toEqual(expected);
      expect(found.asOf?.date).toBe('2025-01-01');
      expect(found.diagnostics.map((d) => d.code)).not.toContain('TW0609');
    }
  }, 60_000);

  it('reads precomputed columns when no log is given, and says when the customer is not there', async () => {
    const five = await policy('seed001-five-factor');
    const found = await findCustomer(five, 'C2012002', { customers: CUSTOMERS });
    expect(found).toMatchObject({ found: true, customer: { row: 3, facts: { spendScore: 92 } } });
    expect(await findCustomer(five, 'nobody', { customers: CUSTOMERS })).toMatchObject({
      found: false,
      failed: false,
    });
  });

  it('fails, rather than finding nobody, when the file cannot be read', async () => {
    const five = await policy('seed001-five-factor');
    const missing = await findCustomer(five, 'C1', { customers: join(ROOT, 'no-such.csv') });
    expect(missing).toMatchObject({ found: false, failed: true, diagnostics: [{ code: 'TW0601' }] });
  });
});

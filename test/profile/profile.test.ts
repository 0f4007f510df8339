import { describe, expect, it } from 'vitest';
import { profileData } from '../../src/profile/index.js';
import type { DataProfile } from '../../src/profile/types.js';
import { CUSTOMERS, POLICY, policyFrom, scratch, TRANSACTIONS } from './fixtures.js';

const file = scratch();
const paths = {
  policy: file('p.tier.yaml', POLICY),
  customers: file('customers.csv', CUSTOMERS),
  transactions: file('transactions.csv', TRANSACTIONS),
};

async function profile(extra: Record<string, unknown> = {}): Promise<DataProfile> {
  const policy = await policyFrom(paths.policy);
  const run = await profileData(policy, { customers: paths.customers, asOf: '2024-03-01', ...extra });
  expect(run.failed).toBe(false);
  return run.profile!;
}

describe('profileData on ten hand-worked rows', () => {
  it('counts rows: read, invalid, without a key, repeating a key, customers', async () => {
    const p = await profile();
    expect(p.rows).toEqual({
      read: 10,
      malformed: 0,
      withInvalid: 2,
      withoutKey: 1,
      duplicateKey: 1,
      customers: 8,
    });
    expect(p.duplicateKeys).toEqual([{ key: 'C01', row: 9, firstRow: 2 }]);
  });

  it('gives each mapped column its filled, empty and invalid cells', async () => {
    const p = await profile();
    const byColumn = Object.fromEntries(
      p.columns.map((c) => [c.column, [c.filled, c.empty, c.invalid, c.completeness]]),
    );
    expect(byColumn).toEqual({
      客户编号: [9, 1, 0, 0.9],
      客户名称: [10, 0, 0, 1],
      联系人: [10, 0, 0, 1],
      联系电话: [9, 1, 0, 0.9],
      消费金额: [8, 1, 1, 0.8],
      最近交易日期: [8, 1, 1, 0.8],
    });
  });

  it('shows invalid values with their row, and masks personal data', async () => {
    const p = await profile();
    const spend = p.columns.find((c) => c.fact === 'spend')!;
    expect(spend.examples).toMatchObject([
      { row: 5, value: 'abc', message: expect.stringContaining("got 'abc'") },
    ]);
    expect(spend.examples).toHaveLength(1);
    const date = p.columns.find((c) => c.fact === 'lastOrder')!;
    expect(date.examples.map((e) => [e.row, e.value])).toEqual([[8, '2023-13-01']]);
  });

  it('finds companies written two ways, and the same phone under two keys', async () => {
    const p = await profile();
    expect(p.names.fact).toBe('companyName');
    expect(p.names.groupCount).toBe(3);
    expect(p.names.customersInGroups).toBe(6);
    expect(p.names.groups.map((g) => [g.normalized, g.members.map((m) => m.key)])).toEqual([
      ['华东科技', ['C01', 'C02']],
      ['huadongtech', ['C03', 'C04']],
      ['上海东方电子', ['C06', 'C07']],
    ]);
    expect(p.names.groups[0]!.members[0]!.value).toBe('华东科技有限公司');
    expect(p.phones.fact).toBe('phone');
    expect(p.phones.groups).toEqual([
      {
        normalized: '138****0000',
        customers: 2,
        members: [
          { key: 'C01', row: 2, value: '861******0000' },
          { key: 'C02', row: 3, value: '138****0000' },
        ],
      },
    ]);
    expect(JSON.stringify(p)).not.toContain('13800000000');
    expect(JSON.stringify(p)).not.toContain('张三');
  });

  it('finds stale customers from a last-activity date fact: on or before as-of minus 3 months', async () => {
    const p = await profile();
    expect(p.asOf).toEqual({
      date: '2024-03-01',
      instant: '2024-03-01T23:59:59.999+08:00',
      timezone: 'Asia/Shanghai',
    });
    expect(p.stale).toMatchObject({
      source: 'date-fact',
      fact: 'lastOrder',
      months: 3,
      cutoff: '2023-12-01T23:59:59.999+08:00',
    });
    expect(p.stale.customers).toBe(8);
    expect(p.stale.examples).toEqual([
      { key: 'C02', row: 3, last: '2023-11-30' },
      { key: 'C03', row: 4, last: '2023-12-01' },
    ]);
    expect(p.stale.noActivity).toBe(2);
  });

  it('finds stale customers from the transaction log, ignoring transactions after the as-of', async () => {
    const p = await profile({ transactions: paths.transactions, staleMonths: 3 });
    expect(p.stale.source).toBe('transactions');
    // C02 (11-30), C04 (12-01) and C07 (06-30) are stale; C03 (12-02) just is not.
    expect(p.stale.examples.map((e) => e.key)).toEqual(['C02', 'C04', 'C07']);
    expect(p.stale.stale).toBe(3);
    expect(p.stale.noActivity).toBe(2);
    const shorter = await profile({ transactions: paths.transactions, staleMonths: 1 });
    expect(shorter.stale.stale).toBe(5);
  });

  it('counts what the policy reaches on this data, and lists what it never reaches', async () => {
    const p = await profile();
    const c = p.coverage!;
    expect(c.evaluated).toBe(8);
    expect(c.tiers.map((t) => [t.id, t.customers])).toEqual([
      ['gold', 1],
      ['silver', 3],
      ['bronze', 4],
    ]);
    expect(c.rules.map((r) => [r.kind, r.group, r.id, r.holds, r.decided])).toEqual([
      ['criteria', undefined, 'gold', 1, 1],
      ['criteria', undefined, 'silver', 4, 3],
      ['classifier', 'size', 'huge', 0, 0],
      ['classifier', 'size', 'small', 2, 2],
      ['otherwise', 'size', 'normal', 6, 6],
      ['trigger', undefined, 'gold-review', 1, 1],
    ]);
    // Bands are numbered from 1, as `test --coverage` numbers them.
    expect(c.bands.map((b) => [b.band, b.customers])).toEqual([
      ['1', 1],
      ['2', 3],
      ['3', 2],
      ['missing', 2],
    ]);
    expect(c.unused).toEqual([{ kind: 'classifier', id: 'size.huge' }]);
  });

  it('takes --name-fact and --phone-fact, and refuses a fact that cannot be one', async () => {
    const p = await profile({ nameFact: 'contact', phoneFact: 'companyName' });
    expect(p.names).toMatchObject({ fact: 'contact', chosenBy: 'option', groupCount: 0 });
    expect(p.phones).toMatchObject({ fact: 'companyName', chosenBy: 'option', groupCount: 0 });
    const policy = await policyFrom(paths.policy);
    const bad = await profileData(policy, {
      customers: paths.customers,
      nameFact: 'spend',
      phoneFact: 'nope',
    });
    expect(bad.failed).toBe(true);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['TW0850', 'TW0850']);
    expect(bad.diagnostics[0]!.message).toContain('nope');
  });

  it('says why it cannot read a file, as a diagnostic', async () => {
    const policy = await policyFrom(paths.policy);
    const run = await profileData(policy, { customers: `${paths.customers}.missing` });
    expect(run.failed).toBe(true);
    expect(run.diagnostics[0]!.code).toBe('TW0601');
  });

  it('reports progress through the callback', async () => {
    const policy = await policyFrom(paths.policy);
    const phases = new Set<string>();
    await profileData(policy, { customers: paths.customers, asOf: '2024-03-01' }, (p) => phases.add(p.phase));
    expect(phases.has('evaluate')).toBe(true);
  });
});

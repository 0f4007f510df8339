import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN } from '../../src/registry/tokens.js';
import { registryDeps } from '../../src/server/registry-deps.js';
import { registryRoutes } from '../../src/server/routes/registry/index.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { bundledSampleWith } from '../helpers/sample-data.js';
import { actor, freshRegistry, ok, policyText, publishText } from '../registry/fixture.js';
import { tierwiseInProcess } from './cli.js';

/**
 * Seed 004's review of an adjustment, end to end through the CLI against a server in this process
 * (its registry's clock moved by the test): an account manager proposes VIP for a key customer
 * with a reason and evidence, cannot approve it, a sales supervisor does; evaluate says the
 * override decided, online and offline (`eval --overrides`); after expiry the computed tier is
 * back; every step is in the audit.
 */
let server: RunningServer;
let context: Awaited<ReturnType<typeof freshRegistry>>;
const secrets: Record<string, string> = {};
const dir = mkdtempSync(join(tmpdir(), 'tierwise-override-e2e-'));
// C2012002 (深圳立新汽车配件): 88 points under seed004-scorecard as of 2026-11-30, key.
const CUSTOMER = 'C2012002';
// Every fifth bundled customer and C2012002 (all of them under TIERWISE_LONG_TESTS=1): its tier
// comes from its own rows, and what the test follows is the override, not the population.
const { customers: CUSTOMERS, transactions: TRANSACTIONS } = bundledSampleWith(CUSTOMER);

beforeAll(async () => {
  context = await freshRegistry('2026-12-01T00:00:00.000Z');
  const { registry, clock } = context;
  await publishText(
    registry,
    actor('hq', 'analyst', ['headquarters']),
    actor('boss', 'approver'),
    policyText('seed004-scorecard'),
  );
  for (const [path, kind] of [
    [CUSTOMERS, 'customers'],
    [TRANSACTIONS, 'transactions'],
  ] as const)
    ok(
      await registry.uploadDataset(LOCAL_ADMIN, {
        businessUnit: 'headquarters',
        name: path.split('/').at(-1)!,
        kind,
        bytes: readFileSync(path),
      }),
    );
  for (const [name, role] of [
    ['li.account-manager', 'analyst'],
    ['zhao.sales-supervisor', 'approver'],
  ] as const)
    secrets[name] = ok(
      await registry.createToken(LOCAL_ADMIN, { name, role, businessUnits: ['headquarters'] }),
    ).secret;
  server = await startServer({
    deps: registryDeps(registry),
    routes: registryRoutes(registry),
    port: 0,
    now: () => clock.now,
  });
});
afterAll(async () => {
  await server?.close();
  await context?.store.close();
});

const cli = (who: string, args: string[]) =>
  tierwiseInProcess(['override', ...args, '--server', server.url, '--token', secrets[who]!]);

async function evaluate() {
  const response = await fetch(`${server.url}/v1/evaluate`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secrets['li.account-manager']}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      businessUnit: 'headquarters',
      dataset: 'ds-1',
      transactionsDataset: 'ds-2',
      customer: CUSTOMER,
      asOf: '2026-11-30',
    }),
  });
  return (await response.json()) as Record<string, unknown> & { override?: Record<string, unknown> };
}

const offline = (overrides: string, extra: string[] = []) =>
  tierwiseInProcess([
    'eval',
    '--policy',
    'policies/seed004-scorecard.tier.yaml',
    '--data',
    CUSTOMERS,
    '--transactions',
    TRANSACTIONS,
    '--as-of',
    '2026-11-30',
    '--customer',
    CUSTOMER,
    '--format',
    'json',
    '--overrides',
    overrides,
    ...extra,
  ]);

describe('tierwise override: seed 004’s adjustment review', () => {
  it('is proposed, approved by another person, decides evaluate, expires, and is audited', async () => {
    expect((await evaluate()).tier).toBe('key');

    const proposed = await cli('li.account-manager', [
      'propose',
      '--business-unit',
      'headquarters',
      '--policy',
      'seed004-scorecard',
      '--customer',
      CUSTOMER,
      '--tier',
      'vip',
      '--reason',
      'strategic value: three-year framework contract',
      '--evidence',
      'https://crm.example.com/cases/4711',
      '联系人任艳 139-0000-0645 确认',
      '--expires',
      'P3M',
      '--format',
      'json',
    ]);
    expect(proposed.stderr).toBe('');
    expect(proposed.code).toBe(0);
    const id = JSON.parse(proposed.stdout).id as string;
    expect(JSON.parse(proposed.stdout)).toMatchObject({
      status: 'proposed',
      proposedBy: 'li.account-manager',
    });
    // A phone typed into the evidence is masked in every answer.
    expect(proposed.stdout).toContain('139****0645');
    expect(proposed.stdout).not.toContain('139-0000-0645');

    const own = await cli('li.account-manager', ['approve', id]);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('TW1302');

    const approved = await cli('zhao.sales-supervisor', [
      'approve',
      id,
      '--comment',
      'agreed',
      '--lang',
      'zh-CN',
    ]);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`${id}  已批准  ${CUSTOMER}`);
    expect(approved.stdout).toContain('批准人 zhao.sales-supervisor');
    expect(approved.stdout).toContain('2027-03-01T00:00:00.000Z');

    const decided = await evaluate();
    expect(decided).toMatchObject({
      tier: 'vip',
      decidedBy: { method: 'override', override: id },
      override: { id, tier: 'vip', computedTier: 'key', approvedBy: 'zhao.sales-supervisor' },
    });

    // Offline: the approved overrides exported, applied by `eval --overrides`.
    const listed = await cli('li.account-manager', ['list', '--status', 'approved', '--format', 'json']);
    expect(listed.code).toBe(0);
    const file = join(dir, 'overrides.json');
    writeFileSync(file, listed.stdout);
    const applied = await offline(file, ['--at', '2027-01-15T00:00:00+08:00']);
    expect(applied.code).toBe(0);
    const [result] = JSON.parse(applied.stdout).customers;
    expect(result).toMatchObject({ customer: CUSTOMER, tier: 'vip', override: { id, computedTier: 'key' } });
    expect(applied.stderr).toContain(
      `customer ${CUSTOMER}: override ${id} decided the tier (vip, computed key)`,
    );

    // After expiry: the computed tier, online and offline.
    context.clock.now = new Date('2027-03-01T00:00:01.000Z');
    const after = await evaluate();
    expect(after.tier).toBe('key');
    expect(after.override).toBeUndefined();
    const later = await offline(file, ['--at', '2027-03-02T00:00:00+08:00']);
    expect(JSON.parse(later.stdout).customers[0]).toMatchObject({ tier: 'key' });
    expect(JSON.parse(later.stdout).customers[0].override).toBeUndefined();
    // An --at that names no instant is refused before anything is evaluated, never taken as now.
    const badAt = await offline(file, ['--at', '2027-03-02']);
    expect(badAt.code).toBe(2);
    expect(badAt.stderr).toContain('TW1416');
    expect(badAt.stdout).toBe('');
    const shown = await cli('li.account-manager', ['show', id]);
    expect(shown.stdout).toContain(`${id}  expired`);

    const trail = await context.registry.listAudit({ subject: id });
    expect(trail.map((e) => `${e.action} ${e.actor}`)).toEqual([
      'override.propose li.account-manager',
      'override.approve zhao.sales-supervisor',
    ]);
    expect(
      (await context.registry.listAudit({ policy: 'seed004-scorecard' })).map((e) => e.subject),
    ).toContain(id);
  });

  it('exits 2 for an overrides file it cannot read, 1 for a refused step', async () => {
    const missing = await offline(join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('TW1419');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[{"id": "ov-9"}]');
    expect((await offline(broken)).stderr).toContain('TW1419');
    const none = await cli('zhao.sales-supervisor', ['approve', 'ov-999']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('TW1204');
  });
});

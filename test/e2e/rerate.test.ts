import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

/**
 * `tierwise rerate` end to end: a small policy whose moves can be followed by hand (a band, a
 * grace of a month, a spend-drop trigger), then the bundled seed-004 policies through the binary.
 */
const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: rr, version: 1.0.0, labels: { zh-CN: 重评, en: Rerate } }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  contact: { type: string, pii: true, column: 联系人 }
  spend: { type: number, unit: CNY, min: 0, column: 消费 }
  drop: { type: integer, min: 0, column: 下降月数 }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics: { spend: { weight: 100, score: { linear: { from: 0, to: 100 } } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, minScore: 90 }
    - { id: key, label: { zh-CN: 重点客户, en: Key }, minScore: 70 }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
rerating:
  every: { vip: P3M, default: P6M }
  anchor: calendar
  downgrade: { grace: P1M }
  hold: { vip: { minScore: 85 } }
  announce: [email]
  triggers:
    - id: spend-drop
      label: { zh-CN: 消费骤降, en: Spend drop }
      when: { fact: drop, operator: greaterThanInclusive, value: 2 }
      then: { rerate: true }
`;

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tw-rerate-e2e-'));
  writeFileSync(at('p.tier.yaml'), POLICY);
  // V1 stays in the band, V2 falls into grace, V3 falls at once on a trigger, K1 rises between
  // reviews, W1 is new, K2 is not due (rated this quarter).
  writeFileSync(
    at('customers.csv'),
    '客户编号,联系人,消费,下降月数\nV1,张三,86,0\nV2,李四,80,0\nV3,王五,10,2\nK1,赵六,95,0\nW1,13812345678,40,0\nK2,钱七,20,0\n',
  );
  writeFileSync(
    at('state.csv'),
    'customer,tier,ratedAt,manager\nV1,vip,2025-06-30,am-1\nV2,vip,2025-06-30,am-1\nV3,vip,2025-08-31,am-2\nK1,key,2025-06-30,am-2\nK2,key,2025-08-31,\n',
  );
});

const RUN = ['rerate', '--policy', 'p.tier.yaml', '--data', 'customers.csv', '--state', 'state.csv'];
const run = (args: string[]) =>
  inProcess(
    [...RUN, ...args].map((a) =>
      a.endsWith('.csv') || a.endsWith('.yaml') || a.endsWith('.ndjson') || a.endsWith('.json') ? at(a) : a,
    ),
  );

describe('tierwise rerate', () => {
  it('moves each customer by the rules and says why, as a table', async () => {
    const r = await run(['--as-of', '2025-09-30']);
    expect(r.stderr).toContain(
      '6 customers re-rated as of 2025-09-30 (Asia/Shanghai): 1 up, 0 down, 2 in grace, 0 flags raised',
    );
    expect(r.code).toBe(0);
    const line = (id: string) => r.stdout.split('\n').filter((l) => l.startsWith(id));
    expect(line('V1')).toEqual([
      expect.stringContaining('stays VIP: score 86 is within the band (at least 85)'),
    ]);
    expect(line('V2')).toEqual([
      expect.stringContaining('below VIP: keeps it in grace until 2025-10-30, then Key'),
    ]);
    expect(line('V3').join('\n')).toContain('re-rated at once: Spend drop');
    // The trigger re-rates at once; the policy's month of grace still applies to what it decides.
    expect(line('V3').join('\n')).toContain('below VIP: keeps it in grace until 2025-10-30, then Watch');
    expect(line('K1')).toEqual([expect.stringContaining('up from Key to VIP (score 95), at once')]);
    expect(line('W1')).toEqual([expect.stringContaining('first rating: Watch (score 40)')]);
    expect(line('K2')).toEqual([]);
    // Personal data of the customer file never reaches the output.
    expect(r.stdout).not.toMatch(/张三|13812345678/);
  });

  it('writes the next state, the events and the notices; the next run reads the state it wrote', async () => {
    const r = await run([
      '--as-of',
      '2025-09-30',
      '--out',
      'next.csv',
      '--events',
      'events.ndjson',
      '--notices',
      'notices.ndjson',
    ]);
    expect(r.code).toBe(0);
    const state = readFileSync(at('next.csv'), 'utf8');
    expect(
      state.startsWith(
        '\uFEFFcustomer,tier,ratedAt,nextReview,score,graceTier,graceUntil,flags,manager,timezone\r\n',
      ),
    ).toBe(true);
    expect(state).toContain('V2,vip,2025-09-30,2025-12-31,80,key,2025-10-30,,am-1,Asia/Shanghai\r\n');
    expect(state).toContain('K2,key,2025-08-31,2025-12-31,,,,,,Asia/Shanghai\r\n');
    const events = readFileSync(at('events.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // The events went to their file: stdout is left empty, the summary says where they are.
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${events.length} events to`);
    expect(events.find((e) => e.customer === 'V2')).toMatchObject({
      type: 'grace',
      from: 'vip',
      to: 'key',
      graceUntil: '2025-10-30',
      because: 'due',
    });
    const notices = readFileSync(at('notices.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(notices.map((n) => `${n.customer} ${n.event}`)).toEqual(['V2 grace', 'V3 grace', 'K1 upgrade']);
    expect(notices[2].subject).toEqual({ 'zh-CN': '欢迎成为VIP客户', en: 'Welcome to VIP' });
    expect(notices[2].channels).toEqual(['email']);

    // A month on: V2's grace has run out and it falls to Key; V1 is not due again until December.
    const next = await inProcess([
      'rerate',
      '--policy',
      at('p.tier.yaml'),
      '--data',
      at('customers.csv'),
      '--state',
      at('next.csv'),
      '--as-of',
      '2025-10-31',
      '--format',
      'csv',
    ]);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('V2,2025-10-31,downgrade,vip,key,80,grace');
    expect(next.stdout).toContain('V3,2025-10-31,downgrade,vip,watch,10,grace');
    expect(next.stdout).not.toContain('V1,');
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const r = await run(['--as-of', '2025-09-30', '--lang', 'zh-CN']);
    expect(r.stderr).toContain(
      '已按 2025-09-30（Asia/Shanghai）重评 6 位客户：升级 1，降级 0，宽限期 2，新标记 0',
    );
    expect(r.stdout).toContain('保持 VIP客户：得分 86 在保级区间内（不低于 85）');
    expect(r.stdout).toContain('低于 VIP客户：宽限期内保留至 2025-10-30，之后为 观察客户');
  });

  it('refuses a bad state at its row and column, and a rating after the as-of date, with exit 1', async () => {
    writeFileSync(at('bad.csv'), 'customer,tier,ratedAt\nV1,gold,2025-06-30\n');
    const bad = await inProcess([
      'rerate',
      '--policy',
      at('p.tier.yaml'),
      '--data',
      at('customers.csv'),
      '--state',
      at('bad.csv'),
      '--as-of',
      '2025-09-30',
      '--on-error',
      'fail',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.csv row 2, column tier');
    expect(bad.stderr).toContain('TW1420');
    expect(bad.stdout).toBe('');
    const early = await run(['--as-of', '2025-08-01']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('TW1423');
    expect((await run(['--as-of', '2025-02-30'])).code).toBe(2);
  });
});

describe('the bundled seed-004 policies through the binary', () => {
  it('rates the bundled customers and writes a state the next quarter reads back', () => {
    const out = mkdtempSync(join(tmpdir(), 'tw-rerate-bin-'));
    const data = [
      '--data',
      'examples/data/customers.csv',
      '--transactions',
      'examples/data/transactions.csv',
    ];
    const first = tierwise([
      'rerate',
      '--policy',
      'policies/seed004-scorecard.tier.yaml',
      ...data,
      '--as-of',
      '2025-12-31',
      '--out',
      join(out, 's.csv'),
      '--format',
      'ndjson',
    ]);
    expect(first.code, first.stderr).toBe(0);
    const rated = first.stdout
      .trim()
      .split('\n')
      .filter((l) => JSON.parse(l).type === 'rated');
    expect(rated).toHaveLength(3000);
    const second = tierwise([
      'rerate',
      '--policy',
      'policies/seed004-scorecard.tier.yaml',
      ...data,
      '--state',
      join(out, 's.csv'),
      '--as-of',
      '2026-03-31',
      '--format',
      'ndjson',
    ]);
    expect(second.code, second.stderr).toBe(0);
    const events = second.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Quarterly VIP reviews fall due on 2026-03-31 (three months after the first rating); the
    // half-yearly ones do not, so only VIPs are reviewed by the cadence (others only when a trigger asks).
    const reviewed = events.filter(
      (e) => (e.type === 'reviewed' || e.type === 'downgrade') && e.because === 'due',
    );
    expect(reviewed.length).toBeGreaterThan(0);
    for (const e of reviewed) expect(e.from).toBe('vip');
  });
});

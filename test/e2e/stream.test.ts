import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '../../src/format/number.js';
import { tierwiseInProcess as inProcess } from './cli.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const ROWS = 150_000;
let dir: string;
const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: stream, version: 1.0.0, labels: { zh-CN: 流式, en: Stream } }
facts:
  id: { type: string, key: true, column: 客户编号 }
  phone: { type: string, pii: true, column: 联系方式 }
  spend12m: { type: number, unit: CNY, min: 0, revenue: true, column: 近12个月消费金额 }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics: { spend12m: { weight: 100, score: { linear: { from: 0, to: 100000 } } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP, en: VIP }, minScore: 90 }
    - { id: key, label: { zh-CN: 重点, en: Key }, minScore: 50 }
    - { id: watch, label: { zh-CN: 观察, en: Watch } }
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-stream-'));
  writeFileSync(join(dir, 'p.tier.yaml'), POLICY);
  const out = createWriteStream(join(dir, 'big.csv'));
  out.write('客户编号,联系方式,近12个月消费金额\n');
  for (let i = 0; i < ROWS; i++)
    out.write(`C${i},1390000${String(i % 10000).padStart(4, '0')},${(i * 7919) % 100000}\n`);
  await new Promise((done) => out.end(done));
  writeFileSync(
    join(dir, 'small.csv'),
    readFileSync(join(dir, 'big.csv'), 'utf8').split('\n').slice(0, 2001).join('\n'),
  );
});

describe('streamed evaluation', () => {
  it('writes the same customers as the collected run', async () => {
    const args = ['eval', '--policy', join(dir, 'p.tier.yaml'), '--data', join(dir, 'small.csv')];
    const streamed = await inProcess([...args, '--format', 'ndjson']);
    expect(streamed.stderr).toContain('(streamed)');
    const collected = JSON.parse((await inProcess([...args, '--format', 'json'])).stdout) as {
      customers: unknown[];
    };
    expect(
      streamed.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(collected.customers);
    expect(streamed.stdout).not.toContain('13900000001');
  });

  it('evaluates a large file under a heap cap too small to hold it whole', async () => {
    const run = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=64',
        BIN,
        'eval',
        '--policy',
        join(dir, 'p.tier.yaml'),
        '--data',
        join(dir, 'big.csv'),
        '--format',
        'csv',
        '--out',
        join(dir, 'out.csv'),
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toContain(`evaluated ${formatCount(ROWS)} customers`);
    expect(run.status).toBe(0);
    const lines = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(ROWS + 1);
    // The collected path (which --on-error fail takes) handles the same file: reading it whole once
    // overflowed the call stack by spreading every customer into one push(...).
    const collected = await inProcess([
      'eval',
      '--policy',
      join(dir, 'p.tier.yaml'),
      '--data',
      join(dir, 'big.csv'),
      '--format',
      'csv',
      '--on-error',
      'fail',
      '--out',
      join(dir, 'collected.csv'),
    ]);
    expect(collected.stderr).not.toContain('internal error');
    expect(collected.code).toBe(0);
    expect(readFileSync(join(dir, 'collected.csv'), 'utf8')).toBe(readFileSync(join(dir, 'out.csv'), 'utf8'));
    const summary = await inProcess([
      'eval',
      '--policy',
      join(dir, 'p.tier.yaml'),
      '--data',
      join(dir, 'big.csv'),
      '--summary',
    ]);
    expect(summary.stdout).toMatch(new RegExp(`^total\\s+${ROWS.toLocaleString('en-US')}\\s+100\\.0%`, 'm'));
  });
});

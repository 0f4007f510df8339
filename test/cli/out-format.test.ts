import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tierwiseInProcess } from '../e2e/cli.js';
import { bundledSample, sampleRun } from '../helpers/sample-data.js';

const SAMPLE = bundledSample();
const RUN = sampleRun();
const dir = mkdtempSync(join(tmpdir(), 'tierwise-out-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(command: string, file: string, ...extra: string[]): Promise<Buffer> {
  const out = join(dir, file);
  const run = await tierwiseInProcess([command, ...RUN, '--out', out, ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(out);
}

describe('--out without --format: the format its extension names', () => {
  it('eval: .csv, .ndjson, .json and .parquet are what --format would write; another extension is the table', async () => {
    const csv = await written('eval', 'a.csv');
    expect(csv.equals(await written('eval', 'b.csv', '--format', 'csv'))).toBe(true);
    expect(csv.toString('utf8')).toMatch(/^\uFEFFcustomer,/);
    const ndjson = (await written('eval', 'a.ndjson')).toString('utf8').trimEnd().split('\n');
    expect(ndjson.map((line) => JSON.parse(line).customer)).toHaveLength(
      csv.toString().trimEnd().split('\n').length - 1,
    );
    expect(JSON.parse((await written('eval', 'A.JSON')).toString('utf8'))).toHaveProperty('customers');
    expect((await written('eval', 'a.parquet')).subarray(0, 4).toString('latin1')).toBe('PAR1');
    const table = (await written('eval', 'a.txt')).toString('utf8');
    expect(table).not.toMatch(/^\uFEFF/);
    expect(table.split('\n')[1]).toMatch(/^-+ +-+/);
  });

  it('an explicit --format wins over the extension', async () => {
    const table = (await written('eval', 'explicit.csv', '--format', 'table')).toString('utf8');
    expect(table).not.toMatch(/^\uFEFFcustomer,/);
    expect(table.split('\n')[1]).toMatch(/^-+ +-+/);
  });

  it('simulate: .html and .md, which its --format offers', async () => {
    expect((await written('simulate', 'r.html')).toString('utf8')).toMatch(/^<!doctype html>/i);
    expect((await written('simulate', 'r.md')).toString('utf8')).toMatch(/^# /);
  });

  it('diff of two policies over a population, whose --format has no default', async () => {
    const run = [
      'diff',
      '--from',
      'policies/seed004-scorecard.tier.yaml',
      '--to',
      'policies/seed004-quota.tier.yaml',
      ...RUN.slice(2),
    ];
    const out = join(dir, 'diff.json');
    const diff = await tierwiseInProcess([...run, '--out', out]);
    expect([0, 1], diff.stderr).toContain(diff.code);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('matrix');
  });

  it('replay and rerate: --out is the state for the next run, and --format still shapes the report', async () => {
    const out = join(dir, 'state.csv');
    const replay = ['replay', ...RUN.slice(0, 6), '--from', '2025-01', '--to', '2025-02', '--out', out];
    const run = await tierwiseInProcess(replay);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(/^-+ +-+|^[^,]*$/);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFF?[^\n]*,/);
  });

  it('says so in the help of --out, in both languages', async () => {
    for (const [lang, words] of [
      ['en', 'the format its extension names'],
      ['zh-CN', '按文件扩展名定格式'],
    ] as const) {
      const help = await tierwiseInProcess(['eval', '--help', '--lang', lang]);
      const line = help.stdout.split('\n').findIndex((l) => /^\s+--out\b/.test(l));
      expect(
        help.stdout
          .split('\n')
          .slice(line, line + 4)
          .join(' ')
          .replace(/\s+/g, ' '),
      ).toContain(words);
    }
  });
});

describe('--out is checked before the work that fills it', () => {
  it('a missing folder is exit 2 at once, nothing evaluated, nothing left behind', async () => {
    // A bad cell, which a run that read the file would report before writing.
    const lines = readFileSync(SAMPLE.customers, 'utf8').split('\n');
    const cells = lines[3]!.split(',');
    cells[6] = 'not-a-number';
    lines[3] = cells.join(',');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const args = RUN.map((a) => (a === SAMPLE.customers ? bad : a));
    for (const command of ['eval', 'simulate']) {
      const run = await tierwiseInProcess([command, ...args, '--out', join(dir, 'missing', 'r.json')]);
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toContain('no such file; nothing was written');
      expect(run.stderr, command).not.toMatch(/TW0\d{3}|evaluated|simulated/);
    }
    const kept = join(dir, 'kept');
    mkdirSync(kept);
    expect((await tierwiseInProcess(['eval', ...RUN, '--out', join(kept, 'r.csv')])).code).toBe(0);
    expect(readdirSync(kept)).toEqual(['r.csv']);
  });
});

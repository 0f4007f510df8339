import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, num, row, text } from '../data/xlsx-build.js';
import { tierwiseInProcess as inProcess, type Run, tierwise } from './cli.js';

/**
 * Issue 12, through the real command: hostile workbooks under 1 MiB get a coded diagnostic with
 * words and exit as a data error does, never a stack, a Node internal message or a hang.
 */
let dir: string;

const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: hx, version: 1.0.0, labels: { zh-CN: 测试, en: Test } }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  spend12m: { type: number, unit: CNY, min: 0, column: 近12个月消费金额 }
  firstContact: { type: date, column: 首次接触日期 }
dimensions:
  value:
    weight: 100
    label: { zh-CN: 价值, en: Value }
    metrics: { spend12m: { weight: 100, score: { linear: { from: 0, to: 1000000 } }, missing: { points: 0 } } }
tiers:
  method: thresholds
  levels:
    - { id: vip, label: { zh-CN: VIP客户, en: VIP }, minScore: 50 }
    - { id: watch, label: { zh-CN: 观察客户, en: Watch } }
`;

const header = row(1, text('A1', '客户编号'), text('B1', '近12个月消费金额'), text('C1', '首次接触日期'));
/** Style 1 is Excel's built-in date format 14. */
const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-hostile-xlsx-'));
  writeFileSync(join(dir, 'p.tier.yaml'), POLICY);
  const data =
    header +
    row(2, text('A2', 'C1'), num('B2', '1e309'), num('C2', '60', 1)) +
    row(3, text('A3', 'C2'), num('B3', '0x10'), num('C3', '45352', 1)) +
    row(4, text('A4', 'C3'), num('B4', '800000'), num('C4', '59', 1));
  writeFileSync(join(dir, 'values.xlsx'), book({ sheets: [{ name: '客户', data }], styles }));
  writeFileSync(
    join(dir, 'no-workbook.xlsx'),
    book({ sheets: [{ name: '客户', data }], without: ['xl/workbook.xml'] }),
  );
  // 24 million shared strings took 19.6 s and 750 MB: the same shape, 1.6 million, is refused unread.
  writeFileSync(
    join(dir, 'strings.xlsx'),
    book({ sheets: [{ name: '客户', data: header }], sharedStrings: '<si/>'.repeat(1_600_000) }),
  );
  writeFileSync(
    join(dir, 'far-column.xlsx'),
    book({ sheets: [{ name: '客户', data: row(1, text('A1', '客户编号'), num('XFE1', '1')) }] }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const evalArgs = (data: string, ...args: string[]) => [
  'eval',
  '--policy',
  join(dir, 'p.tier.yaml'),
  '--data',
  join(dir, data),
  ...args,
];
// The bomb goes through the built binary, where reading it whole would cost the process its memory;
// the other workbooks run in this process.
const evaluate = (data: string, ...args: string[]): Promise<Run> => inProcess(evalArgs(data, ...args));

/** What a crash would show: a stack frame, or a message of JavaScript's own. */
const INTERNAL =
  /\n\s+at |TypeError|RangeError|Cannot read properties|Invalid string length|Maximum call stack/;

describe('tierwise eval on hostile workbooks', () => {
  it('refuses a workbook without xl/workbook.xml with a code and words', async () => {
    const run = await evaluate('no-workbook.xlsx');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[TW0620]: the workbook has no part xl/workbook.xml');
    expect(run.stderr).not.toMatch(INTERNAL);
  });

  it('refuses a shared-strings bomb before reading it', () => {
    const run = tierwise(evalArgs('strings.xlsx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[TW0621]: the workbook part xl/sharedStrings.xml would inflate to');
    expect(run.stderr).not.toMatch(INTERNAL);
  });

  it('refuses a cell beyond column XFD', async () => {
    const run = await evaluate('far-column.xlsx');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error[TW0623]: the cell 'XFE1' is outside Excel's sheet");
    expect(run.stderr).not.toMatch(INTERNAL);
  });

  it('reports bad numbers and the serial of 1900-02-29 as row errors, and accepts serial 59 (1900-02-28)', async () => {
    const run = await evaluate('values.xlsx', '--allow-untiered', '3', '--format', 'json');
    expect(run.stderr).not.toMatch(INTERNAL);
    const report = JSON.parse(run.stdout) as {
      diagnostics: { code: string; row?: number; column?: string }[];
    };
    expect(report.diagnostics.map((d) => [d.code, d.row, d.column])).toEqual([
      ['TW0603', 2, '近12个月消费金额'],
      ['TW0604', 2, '首次接触日期'],
      ['TW0603', 3, '近12个月消费金额'],
    ]);
  });
});

describe('duplicate customer keys', () => {
  // 3.3 million rows of one key made diagnostics until "Invalid string length"; 1,250 show the cap.
  const ROWS = 1250;

  it.each(['xlsx', 'csv'])('are reported 1,000 times, then counted, in %s', async (format) => {
    const path = join(dir, `duplicates.${format}`);
    if (format === 'xlsx') {
      const rows = Array.from({ length: ROWS }, (_, i) =>
        row(i + 2, text(`A${i + 2}`, 'C1'), num(`B${i + 2}`, '5')),
      );
      writeFileSync(path, book({ sheets: [{ name: '客户', data: header + rows.join('') }] }));
    } else {
      writeFileSync(path, `客户编号,近12个月消费金额,首次接触日期\n${'C1,5,\n'.repeat(ROWS)}`);
    }
    const run = await inProcess([
      'eval',
      '--policy',
      join(dir, 'p.tier.yaml'),
      '--data',
      path,
      '--format',
      'json',
    ]);
    expect(run.stderr).not.toMatch(INTERNAL);
    const report = JSON.parse(run.stdout) as {
      diagnostics: { code: string; row?: number; message: string }[];
    };
    const duplicates = report.diagnostics.filter((d) => d.code === 'TW0607');
    expect(duplicates).toHaveLength(1001);
    expect(duplicates[999]!.row).toBe(1002);
    expect(duplicates[1000]).toMatchObject({
      message: 'and 249 more rows with a customer key an earlier row has; these rows are ignored',
    });
    expect(duplicates[1000]!.row).toBeUndefined();
  });
});

import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyArtifact } from '../../src/artifact/verify.js';
import { type ColumnSpec, mapRecord, openRecords, resolveColumns } from '../../src/data/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../src/diagnostics/render/index.js';
import { noTierDiagnostic } from '../../src/engine/decision.js';
import { compileAggregates } from '../../src/facts/aggregate.js';
import { parseAsOf } from '../../src/facts/asof.js';
import { duplicateKey, KeyRegister } from '../../src/facts/customer-source.js';
import type { Language } from '../../src/i18n/language.js';
import { msg, type Text } from '../../src/i18n/text.js';
import type { Fact } from '../../src/policy/schema/facts.js';
import { hashKey, KeyIndex } from '../../src/simulate/parallel-keys.js';
import { renderTestRun, runPolicyTests, testOutcome } from '../../src/testing/index.js';
import { untranslated } from '../helpers/untranslated.js';
import { tinyProject } from '../testing/fixtures.js';

/**
 * The findings of reading data, computing facts, running policy tests, verifying artifacts and
 * evaluating customers, produced by broken inputs and rendered in zh-CN with no English left
 * outside ids, codes, units and numbers — and in English as before.
 */

interface Case {
  name: string;
  diagnostics: Diagnostic[];
  /** Ids the inputs wrote (columns, facts, sheet names, case names), which may stay as written. */
  allowed?: string[];
}

const SECRET = 'secret-13912345678';

const WANTED: ColumnSpec[] = [
  { id: 'customerId', column: '客户编号', type: 'string', required: true },
  { id: 'spend12m', column: '近12个月消费金额', type: 'number', unit: 'CNY', required: true },
  { id: 'industry', column: '行业', type: 'enum', values: ['零售', '制造'] },
  { id: 'vip', column: '是否VIP', type: 'boolean' },
  { id: 'opened', column: '开户日期', type: 'date' },
  { id: 'orders', column: '订单数', type: 'integer' },
  { id: 'phone', column: '手机号', type: 'integer', pii: true },
  { id: 'signed', column: '签约日期', type: 'date', format: 'dd/MM/yyyy' },
  { id: 'share', column: '占比', type: 'number' },
];
const HEADER = WANTED.map((c) => c.column).join(',');

/** Every finding reading `path` for WANTED gives: opening, columns, then each row. */
async function read(
  path: string,
  options: { encoding?: 'utf-8'; sheet?: string } = {},
): Promise<Diagnostic[]> {
  const source = await openRecords(path, options);
  if ('code' in source) return [source];
  const out: Diagnostic[] = [];
  const { columns, diagnostics } = resolveColumns(await source.headers(), WANTED, path, source.headerRow);
  out.push(...diagnostics);
  for await (const record of source.records()) out.push(...mapRecord(record, columns, path).diagnostics);
  await source.close();
  return out;
}

let dir: string;
const cases: Case[] = [];

async function dataCases(): Promise<Case[]> {
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const rows = [
    HEADER,
    'C1,abc,零售,是,2024-01-01,3,,01/03/2024,1',
    'C2,$100,零食,也许,2024-02-30,1.5,,2024-03-01,85%',
    'C3,80万x,制造,否,1709308799,99999999999999999,,01/03/2024,1,23,4',
    `C4,,零售,是,2024-01-01,1,${SECRET},01/03/2024,1`,
    'C5,1,零售,是,2024-01-01,1,,01/03/2024,1,extra',
    'C6,1,零售,是,2024-01-01,1,,01/03/2024,"abc"def',
    'C7,(5)元,零售,是,2024-01-01,1,,01/03/2024,¥3',
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('客户').addRow(['客户编号']);
  const xlsx = join(dir, 'book.xlsx');
  await workbook.xlsx.writeFile(xlsx);
  return [
    { name: 'bad cells', diagnostics: await read(file('cells.csv', `${rows.join('\n')}\n`)) },
    {
      name: 'columns',
      diagnostics: await read(file('columns.csv', '客户编号 ,近12月消费金额,行业,行 业\nC1,1,零售,零售\n')),
    },
    { name: 'no column names', diagnostics: await read(file('blank.csv', ',,\n1,2,3\n')) },
    {
      name: 'unclosed quote',
      diagnostics: await read(file('quote.csv', `${HEADER}\nC1,"1,零售\nC2,2,零售\n`)),
    },
    {
      name: 'ndjson',
      diagnostics: await read(
        file('log.ndjson', '{"客户编号": "C1", "近12个月消费金额": 1}\nnot json\n[1, 2]\n"text"\nnull\n'),
      ),
    },
    { name: 'json not an array', diagnostics: await read(file('object.json', '42')) },
    { name: 'json broken', diagnostics: await read(file('broken.json', '[{"客户编号": ')) },
    { name: 'utf-16', diagnostics: await read(file('utf16.csv', new Uint8Array([0xff, 0xfe, 0x41, 0]))) },
    { name: 'nul', diagnostics: await read(file('nul.csv', new Uint8Array([0x41, 0, 0x42]))) },
    {
      name: 'not utf-8 or gbk',
      diagnostics: await read(file('bytes.csv', new Uint8Array([0x41, 0x0a, 0xff, 0xff, 0xff, 0x0a]))),
    },
    {
      name: 'bad byte later',
      diagnostics: await read(
        file('late.csv', new Uint8Array([...Buffer.from(`${HEADER}\nC1,1\n`), 0xc4, 0xe3, 0x0a])),
        { encoding: 'utf-8' },
      ),
    },
    {
      name: 'bom but gbk',
      diagnostics: await (async () => {
        const path = file('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0a]));
        const source = await openRecords(path, { encoding: 'gbk' });
        return 'code' in source ? [source] : [];
      })(),
    },
    { name: 'empty file', diagnostics: await read(file('empty.csv', '')) },
    { name: 'unknown format', diagnostics: await read(file('data.foo', 'a')) },
    {
      name: 'xls',
      diagnostics: await read(
        file('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      ),
    },
    { name: 'xlsx that is text', diagnostics: await read(file('text.xlsx', 'a,b\n1,2\n')) },
    {
      name: 'csv that is a zip',
      diagnostics: await read(file('zip.csv', new Uint8Array([0x50, 0x4b, 3, 4, 0]))),
    },
    { name: 'no such sheet', diagnostics: await read(xlsx, { sheet: '客 户' }), allowed: [] },
    { name: 'a directory', diagnostics: await read(dir) },
  ];
}

function factCases(): Case[] {
  const aggregate = (fact: Partial<Fact>) =>
    compileAggregates(
      { total: { type: 'number', aggregate: 'sum', of: 'amount', ...fact } as Fact },
      {
        asOf: '2024-03-01',
        timezone: 'Asia/Shanghai',
      },
    ) as Diagnostic[];
  const asOf = (input: string, timezone?: string) => parseAsOf(input, { timezone }) as Diagnostic[];
  const register = new KeyRegister('customers.csv', true);
  register.claim(SECRET, 2);
  // The parallel reader's register, which must mask alike.
  const index = new KeyIndex('customers.csv', true);
  index.claim(SECRET, hashKey(SECRET), 2);
  return [
    { name: 'as-of, no such day', diagnostics: asOf('2026-02-30') },
    { name: 'as-of, no such month', diagnostics: asOf('2026-13-01') },
    { name: 'as-of, no such time', diagnostics: asOf('2026-03-01T24:00:00+08:00') },
    { name: 'as-of, no such offset', diagnostics: asOf('2026-03-01T12:00:00+19:00') },
    { name: 'as-of, not a date', diagnostics: asOf('yesterday') },
    { name: 'as-of, no zone', diagnostics: asOf('2026-03-01', 'Asia/Beijing') },
    { name: 'window not a duration', diagnostics: aggregate({ window: '12 months' }) },
    { name: 'window zero', diagnostics: aggregate({ window: 'P0D' }) },
    { name: 'window fractional', diagnostics: aggregate({ window: 'P1.5M' }) },
    { name: 'calendar window in days', diagnostics: aggregate({ window: 'P10D', calendar: true }) },
    { name: 'calendar window without length', diagnostics: aggregate({ calendar: true }) },
    { name: 'aggregate without field', diagnostics: aggregate({ of: undefined }) },
    {
      name: 'duplicate key',
      diagnostics: [
        register.claim(SECRET, 7)!,
        index.claim(SECRET, hashKey(SECRET), 8)!,
        duplicateKey('customers.csv', 'C2024001', 2, 9),
      ],
    },
  ];
}

async function testingCases(): Promise<Case[]> {
  const broken = tinyProject(`policy: ./tiny.tier.yaml
cases:
  - name: broken
    facts: { customerId: T1 }
    expect: { tier: gold }
    bogus: 1
  - expect: { tier: 3 }
`);
  const wrong = tinyProject(`policy: ./tiny.tier.yaml
population:
  - { facts: { customerId: P1, spend: 10 } }
cases:
  - name: ninety points is silver
    facts: { customerId: T1, spend: 90 }
    expect: { tier: silver, score: 80 }
  - name: both
    facts: { customerId: T2, spend: 60 }
    record: { 客户编号: T2 }
    expect: { tier: silver }
  - name: unknown fact
    facts: { customerId: T3, spnd: 60 }
    expect: { tier: silver }
  - name: stranger
    customer: P9
    expect: { tier: bronze }
  - name: nobody
    expect: { tier: bronze }
  - name: transactions without asOf
    facts: { customerId: T4 }
    transactions: [{ amount: 1 }]
    expect: { tier: bronze }
`);
  const missing = tinyProject(
    'policy: ./missing.tier.yaml\ncases:\n  - name: x\n    facts: {}\n    expect: { tier: gold }\n',
  );
  const run = await runPolicyTests([broken.tests, wrong.tests, missing.tests, join(dir, 'nowhere')], {
    coverage: true,
    language: 'zh-CN',
  });
  const outcome = testOutcome(run, '90');
  return [
    {
      name: 'test files',
      diagnostics: outcome.diagnostics,
      allowed: [
        'tiny',
        'customerId',
        'spend',
        'spnd',
        'gold',
        'silver',
        'bronze',
        'contact',
        'tier',
        'score',
      ].concat(['ninety', 'points', 'is', 'P9']),
    },
  ];
}

async function artifactCases(): Promise<Case[]> {
  const garbage = join(dir, 'garbage.tgz');
  writeFileSync(garbage, 'not an artifact');
  return [
    { name: 'artifact not gzip', diagnostics: (await verifyArtifact(garbage)).diagnostics },
    { name: 'artifact missing', diagnostics: (await verifyArtifact(join(dir, 'none.tgz'))).diagnostics },
  ];
}

function findingCases(): Case[] {
  const none = (reason: Text) => noTierDiagnostic('C2024001', { method: 'none', reason }, 3);
  return [
    {
      name: 'no tier',
      diagnostics: [
        msg('explain.notScored'),
        msg('explain.conditionFailed'),
        msg('explain.quotaPending'),
        msg('explain.noRankValue'),
        msg('explain.unranked'),
        msg('explain.noCriteria'),
        msg('explain.axisNoValue', { axis: 'rows', name: 'spend' }),
        msg('explain.axisNoBand', { axis: 'columns', value: '7' }),
        msg('explain.emptyCell', { row: 'high', column: 'low' }),
        msg('explain.noScoreRange', { score: '42' }),
      ].map(none),
      allowed: ['high', 'low', 'spend'],
    },
  ];
}

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'tierwise-data-i18n-')));
  cases.push(
    ...(await dataCases()),
    ...factCases(),
    ...(await testingCases()),
    ...(await artifactCases()),
    ...findingCases(),
  );
}, 120_000);

const COLUMN_IDS = WANTED.flatMap((c) => [c.id, c.column]);
/**
 * What the inputs wrote (cells, customer ids, matrix bands) and the names of formats, programs and
 * standards, which are the same words in a Chinese sentence (test/helpers/untranslated.ts).
 */
const DATA_WORDS = ['abc', 'C2024001', 's', 'high', 'low'];

function rendered(c: Case, language: Language): string {
  return renderDiagnostics('text', {
    diagnostics: c.diagnostics,
    sources: new Map(),
    summary: false,
    language,
  });
}

/** Code frames and locations are the user's files, not the output's words. */
const onlyWords = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*\d*\s*\|/.test(line) && !/^\s*-->/.test(line))
    .join('\n');

describe('data, facts, testing, artifact and evaluation findings in zh-CN', () => {
  it('every case gives findings, each carrying its message and help as catalogue texts', () => {
    expect(cases.filter((c) => c.diagnostics.length === 0).map((c) => c.name)).toEqual([]);
    const plain = cases.flatMap((c) =>
      c.diagnostics
        .filter((d) => !d.i18n?.message || (d.help !== undefined && !d.i18n.help))
        .map((d) => `${c.name}: ${d.code} ${d.message}`),
    );
    expect(plain).toEqual([]);
  });

  it('covers the codes of reading data: rows, cells, duplicates, columns, encodings', () => {
    const codes = new Set(cases.flatMap((c) => c.diagnostics.map((d) => d.code)));
    for (const code of ['TW0601', 'TW0602', 'TW0603', 'TW0604', 'TW0605', 'TW0606', 'TW0607', 'TW0608'])
      expect(codes, code).toContain(code);
    for (const code of ['TW0104', 'TW0211', 'TW0503', 'TW0506', 'TW0508', 'TW0702'])
      expect(codes, code).toContain(code);
    for (const code of ['TW0001', 'TW0901', 'TW0902', 'TW0903', 'TW0904', 'TW0906', 'TW1001'])
      expect(codes, code).toContain(code);
  });

  it('leaves no English outside ids, codes, units and numbers', () => {
    const english = cases.flatMap((c) =>
      untranslated(onlyWords(rendered(c, 'zh-CN')), [...COLUMN_IDS, ...DATA_WORDS, ...(c.allowed ?? [])]).map(
        (e) => `${c.name}: ${e}`,
      ),
    );
    expect(english).toEqual([]);
  });

  it('never quotes a cell of a personal-data column, in either language', () => {
    for (const c of cases)
      for (const language of ['en', 'zh-CN'] as const) expect(rendered(c, language)).not.toContain(SECRET);
    const cells = cases.find((c) => c.name === 'bad cells')!;
    expect(rendered(cells, 'zh-CN')).toContain('一个此处不显示的值（个人数据）');
    expect(rendered(cells, 'en')).toContain('a value not shown here (personal data)');
  });

  it('reads in English as before', () => {
    const english = (name: string) => rendered(cases.find((c) => c.name === name)!, 'en');
    expect(english('bad cells')).toContain(
      "spend12m: expected an amount in CNY such as 1234.5, 1,234.5, ¥1,234.5 or 80万, got 'abc'",
    );
    expect(english('bad cells')).toContain('opened: expected a date such as 2024-03-01');
    expect(english('bad cells')).toContain('the row has 10 values but the header has 9 columns');
    expect(english('columns')).toContain("column '近12个月消费金额' for spend12m is not in the file");
    expect(english('columns')).toContain("column '客户编号' (customerId) was found as '客户编号 '");
    expect(english('ndjson')).toContain('the line is not a JSON object but an array');
    expect(english('ndjson')).toContain('the line is not a JSON object but null');
    expect(english('json not an array')).toContain(
      'a .json file must hold an array of objects, one per record',
    );
    expect(english('json broken')).toContain('the file is not valid JSON: ');
    expect(english('as-of, no such day')).toContain('as-of 2026-02-30 is not a real date');
    expect(english('as-of, no such day')).toContain('February 2026 has 28 days');
    expect(english('duplicate key')).toContain(
      'customer C2024001 appears again (first at row 2); this row is ignored',
    );
    expect(english('test files')).toContain('ninety points is silver: tier expected silver, got gold');
    expect(english('no tier')).toContain('customer C2024001 gets no tier: no tier in cell high × low');
  });

  it('reads in Chinese as written', () => {
    const chinese = (name: string) => rendered(cases.find((c) => c.name === name)!, 'zh-CN');
    expect(chinese('as-of, no such day')).toContain('基准日 2026-02-30 是不存在的日期');
    expect(chinese('as-of, no such day')).toContain('2026 年 2 月只有 28 天');
    expect(chinese('duplicate key')).toContain('客户 C2024001 重复出现（首次出现在第 2 行）；本行被忽略');
    expect(chinese('bad cells')).toContain('这一行有 10 个值，但表头有 9 列');
    expect(chinese('no such sheet')).toContain('工作簿中没有名为“客 户”的工作表');
  });
});

describe('tierwise test reports in zh-CN', () => {
  async function reports(language: Language) {
    const project = tinyProject(`policy: ./tiny.tier.yaml
cases:
  - name: ninety points is silver
    facts: { customerId: T1, spend: 90, contact: ${SECRET} }
    expect: { tier: silver, score: 80 }
  - name: sixty points is silver
    facts: { customerId: T2, spend: 60 }
    expect: { tier: silver }
`);
    const run = await runPolicyTests([project.tests], { coverage: true, language });
    const outcome = testOutcome(run, '90');
    const options = { language, verbose: true, timestamp: '2026-12-03T00:00:00', hostname: 'ci' };
    // The explanation of what the policy decided is src/engine/explain's, tested with it.
    const explanation = run.files.flatMap((f) => f.cases.flatMap((c) => c.explanation));
    const shown = (text: string) => {
      let out = text.replaceAll(project.dir, '…');
      for (const line of explanation) out = out.replaceAll(line, '');
      return out;
    };
    return {
      pretty: shown(renderTestRun('pretty', run, outcome, options)),
      tap: shown(renderTestRun('tap', run, outcome, options)),
      junit: shown(renderTestRun('junit', run, outcome, options)),
    };
  }

  /** What a reader of the XML sees: attribute values, text and comments, not the tags. */
  const junitText = (xml: string) =>
    [...xml.matchAll(/message="([^"]*)"/g)].map((m) => m[1]).join('\n') +
    xml
      .replace(/<!--|-->/g, '\n')
      .replace(/<[^>]+>/g, '\n')
      .replaceAll('&#10;', '\n');

  /** The policy's ids and the case names the test file wrote. */
  const IDS = ['tiny', 'customerId', 'spend', 'contact', 'gold', 'silver', 'bronze', 'tier', 'score'];
  const CASES = ['ninety', 'points', 'is', 'sixty', 'T1', 'T2'];
  /** TAP's own words and the keys of its YAML blocks are the protocol, read by machines. */
  const TAP = [
    'TAP',
    'version',
    'ok',
    'not',
    'message',
    'severity',
    'fail',
    'at',
    'file',
    'line',
    'column',
    'wanted',
    'found',
    'explanation',
  ];

  it('leaves no English in the pretty, TAP and JUnit reports', async () => {
    const { pretty, tap, junit } = await reports('zh-CN');
    expect(untranslated(onlyWords(pretty), [...IDS, ...CASES])).toEqual([]);
    expect(untranslated(tap, [...IDS, ...CASES, ...TAP])).toEqual([]);
    expect(untranslated(junitText(junit), [...IDS, ...CASES])).toEqual([]);
    expect(pretty).toContain('覆盖率：');
    expect(pretty).toContain('1 个通过，1 个失败，0 个出错（1 个文件中共 2 个用例）');
    expect(pretty).toMatch(/合计：66\.7%（3 项中覆盖 2 项），阈值 90%：未达到/);
    expect(tap).toContain('覆盖率 66.7% ≥ 90%');
    // The code frame quotes the test file as its author wrote it; no report repeats the value.
    for (const text of [onlyWords(pretty), tap, junit]) expect(text).not.toContain(SECRET);
  });

  it('still reads in English', async () => {
    const { pretty, tap, junit } = await reports('en');
    expect(pretty).toContain('  ok    sixty points is silver');
    expect(pretty).toContain('  FAIL  ninety points is silver');
    expect(pretty).toContain('1 passed, 1 failed, 0 errors (2 cases in 1 files)');
    expect(pretty).toContain('  total: 66.7% (2 of 3), threshold 90%: NOT met');
    expect(tap).toContain('coverage 66.7% ≥ 90%');
    expect(junit).toContain('<!-- coverage 66.7% is below 90% -->');
  });
});

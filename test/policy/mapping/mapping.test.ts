import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../../src/diagnostics/render/index.js';
import { customerColumns, transactionColumns } from '../../../src/facts/customers.js';
import { checkPolicyText } from '../../../src/policy/check.js';
import {
  applyColumnMapping,
  mappingJsonSchemaText,
  parseColumnMapping,
} from '../../../src/policy/mapping/index.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import { untranslated } from '../../helpers/untranslated.js';

const POLICY_TEXT = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: mapped, version: 1.0.0 }
facts:
  customerId: { type: string, key: true, column: 客户编号 }
  spend12m: { type: number, unit: CNY, column: 近12个月消费 }
  signedOn: { type: date, column: 签约日期, format: yyyy-MM-dd }
  lastVisit: { type: date, column: 最近拜访 }
  orders12m: { type: integer, from: transactions, aggregate: count, window: P12M }
sources:
  customers:
    columns: { spend12m: 消费金额 }
  transactions:
    customer: 客户编号
    date: 交易日期
    fields: { amount: { column: 交易金额, type: number } }
dimensions:
  value:
    weight: 100
    metrics:
      spend12m: { weight: 100, score: { linear: { from: 0, to: 100000 } }, missing: { points: 0 } }
tiers:
  method: thresholds
  levels:
    - { id: gold, label: { en: Gold, zh-CN: 金卡 }, minScore: 50 }
    - { id: basic, label: { en: Basic, zh-CN: 普通 } }
`;

function policy(text = POLICY_TEXT): Policy {
  const checked = checkPolicyText(text, 'mapped.tier.yaml');
  expect(checked.policy, JSON.stringify(checked.diagnostics)).toBeDefined();
  return checked.policy!;
}

const HEAD = 'apiVersion: tierwise/v1\nkind: ColumnMapping\n';

function mapped(body: string, policies: Policy[] = [policy()]) {
  const read = parseColumnMapping(HEAD + body, 'export.mapping.yaml');
  expect(read.mapping, JSON.stringify(read.diagnostics)).toBeDefined();
  return applyColumnMapping(policies, read.mapping!, read.locator);
}

const brief = (ds: readonly Diagnostic[]) =>
  ds.map(
    (d) =>
      `${d.code} ${d.range?.start.line}:${d.range?.start.column} ${d.message}${d.help ? ` — ${d.help}` : ''}`,
  );

describe('reading a column mapping', () => {
  it('reads the bundled example, and its JSON form alike', () => {
    const text = readFileSync(
      new URL('../../../examples/mapping/sg-crm.mapping.yaml', import.meta.url),
      'utf8',
    );
    const yaml = parseColumnMapping(text, 'sg-crm.mapping.yaml');
    expect(yaml.diagnostics).toEqual([]);
    expect(yaml.mapping?.customers?.columns?.customerId).toBe('Customer No');
    const json = parseColumnMapping(JSON.stringify(yaml.mapping, null, 2), 'sg-crm.mapping.json');
    expect(json.diagnostics).toEqual([]);
    expect(json.mapping).toEqual(yaml.mapping);
  });

  it('points at file:line:col for a blank column, an unknown key and a wrong type', () => {
    const read = parseColumnMapping(
      `${HEAD}customers:\n  columns:\n    spend12m: "  "\n  dateformat: yyyy\ntransactions:\n  fields: [amount]\n`,
      'm.yaml',
    );
    expect(read.mapping).toBeUndefined();
    expect(brief(read.diagnostics)).toEqual([
      "TW0105 5:15 expected a column header, or { column, format } for a date column, got '  '",
      "TW0101 6:3 unknown property 'dateformat' — did you mean 'dateFormat'?",
      'TW0102 8:11 expected object, got a list',
    ]);
    expect(read.diagnostics.every((d) => d.file === 'm.yaml')).toBe(true);
  });

  it('refuses a fact mapped twice (a duplicate key), an alias bomb, and a policy given as the mapping', () => {
    const twice = parseColumnMapping(
      `${HEAD}customers:\n  columns:\n    spend12m: A\n    spend12m: B\n`,
      'm.yaml',
    );
    expect(twice.mapping).toBeUndefined();
    expect(twice.diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([['TW0005', 6]]);

    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      laughs.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(`*${i === 1 ? 'a' : 'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    const bomb = parseColumnMapping(`${HEAD}${laughs.join('\n')}\n`, 'm.yaml');
    expect(bomb.diagnostics.map((d) => d.code)).toContain('TW0006');

    const wrong = parseColumnMapping(POLICY_TEXT, 'mapped.tier.yaml');
    expect(brief(wrong.diagnostics)).toEqual([
      "TW0105 2:7 this is not a column mapping: its kind is 'TierPolicy', expected ColumnMapping — a column mapping file starts with `apiVersion: tierwise/v1` and `kind: ColumnMapping` (docs/data.md); the policy itself goes to --policy",
    ]);
  });

  it('keeps __proto__ as data and reports it as a fact the policy lacks', () => {
    const result = mapped('customers:\n  columns:\n    __proto__: X\n    constructor: Y\n');
    expect(result.policies).toBeUndefined();
    expect(brief(result.diagnostics)).toEqual([
      "TW0610 5:5 the mapping names fact '__proto__', which the policy does not declare — the policy's facts: customerId, spend12m, signedOn, lastVisit, orders12m",
      "TW0610 6:5 the mapping names fact 'constructor', which the policy does not declare — the policy's facts: customerId, spend12m, signedOn, lastVisit, orders12m",
    ]);
    expect(({} as Record<string, unknown>).X).toBeUndefined();
  });
});

describe('checking a mapping against the policy', () => {
  it('names unknown facts and fields with a did-you-mean, and formats given to non-dates', () => {
    const result = mapped(
      'customers:\n  columns:\n    spend12: 消费\n    spend12m: { column: 消费, format: yyyy }\ntransactions:\n  fields: { amout: 金额 }\n',
    );
    expect(result.policies).toBeUndefined();
    expect(brief(result.diagnostics)).toEqual([
      "TW0610 5:5 the mapping names fact 'spend12', which the policy does not declare — did you mean 'spend12m'?",
      "TW0610 6:29 a date format is given for 'spend12m', which is a number fact, not a date — write the column alone (spend12m: 消费); formats apply to date facts only",
      "TW0610 8:13 the mapping names transaction field 'amout', which the policy's sources.transactions.fields does not declare — did you mean 'amount'?",
    ]);
  });

  it('accepts a fact that any one of several policies reads (a diff of two policies)', () => {
    const other = policy(POLICY_TEXT.replace('  lastVisit: { type: date, column: 最近拜访 }\n', ''));
    const result = mapped('customers:\n  columns:\n    lastVisit: Last visit\n', [other, policy()]);
    expect(result.diagnostics).toEqual([]);
    expect(result.policies![0]!.facts!.lastVisit).toBeUndefined();
    expect(result.policies![1]!.facts!.lastVisit!.column).toBe('Last visit');
  });

  it('warns when it leaves two facts reading one column, but not of columns the policy itself shares', () => {
    const result = mapped('customers:\n  columns:\n    spend12m: ID\n    customerId: id\n');
    expect(brief(result.diagnostics)).toEqual([
      "TW0611 6:17 with this mapping customerId, spend12m all read column 'id' — the policy reads them from different columns; map each to its own column of the export",
    ]);
    expect(result.policies).toHaveLength(1);
    const shared = policy(POLICY_TEXT.replace('column: 最近拜访', 'column: 签约日期'));
    expect(mapped('customers:\n  columns:\n    spend12m: Spend\n', [shared]).diagnostics).toEqual([]);
    const log = mapped('transactions:\n  date: 客户编号\n');
    expect(log.diagnostics.map((d) => d.code)).toEqual(['TW0611']);
  });

  it('speaks Chinese', () => {
    const result = mapped('customers:\n  columns:\n    spend12: 消费\n    customerId: 消费金额\n');
    const text = renderDiagnostics('text', {
      diagnostics: result.diagnostics,
      sources: new Map(),
      language: 'zh-CN',
      summary: false,
    });
    expect(text).toContain('映射中的事实「spend12」在策略中没有声明');
    expect(untranslated(text, ['spend12', 'spend12m', 'export.mapping.yaml'])).toEqual([]);
  });
});

describe('applying a mapping', () => {
  it('renames the columns every reader takes, leaving the policy it was given as it was', () => {
    const original = policy();
    const before = JSON.stringify(original);
    const result = mapped(
      [
        'customers:',
        '  columns:',
        '    customerId: Customer No',
        '    spend12m: Spend',
        '    signedOn: { column: Signed, format: dd/MM/yyyy }',
        '    orders12m: Orders',
        '  dateFormat: d.M.yyyy',
        'transactions:',
        '  customer: Customer No',
        '  dateFormat: dd/MM/yyyy',
        '  fields: { amount: Amount }',
        '',
      ].join('\n'),
      [original],
    );
    expect(result.diagnostics).toEqual([]);
    const after = result.policies![0]!;
    expect(JSON.stringify(original)).toBe(before);
    // Without a log the aggregate's precomputed value is read from the column the mapping names.
    const columns = customerColumns(after, false).columns.map((c) =>
      c.type === 'date' ? [c.id, c.column, c.format] : [c.id, c.column],
    );
    // The export's formats win over the policy's: an entry's own, then the file's dateFormat.
    expect(columns).toEqual([
      ['customerId', 'Customer No'],
      ['spend12m', 'Spend'],
      ['signedOn', 'Signed', 'dd/MM/yyyy'],
      ['lastVisit', '最近拜访', 'd.M.yyyy'],
      ['orders12m', 'Orders'],
    ]);
    expect(customerColumns(after, true).columns.map((c) => c.id)).not.toContain('orders12m');
    expect(after.sources?.transactions).toEqual({
      customer: 'Customer No',
      date: '交易日期',
      dateFormat: 'dd/MM/yyyy',
      fields: { amount: { column: 'Amount', type: 'number' } },
    });
    expect(transactionColumns(after.sources!.transactions!, 'Asia/Shanghai')[1]).toMatchObject({
      id: 'amount',
      column: 'Amount',
      type: 'number',
    });
  });

  it('leaves the policy’s own sources.customers.columns where the mapping names nothing', () => {
    const result = mapped('customers:\n  columns:\n    customerId: Customer No\n');
    const columns = customerColumns(result.policies![0]!, true).columns.map((c) => [c.id, c.column]);
    expect(columns).toContainEqual(['spend12m', '消费金额']);
    expect(columns).toContainEqual(['customerId', 'Customer No']);
  });

  it('gives a policy without log columns the ones a mapping names, when it names both', () => {
    const bare = policy(POLICY_TEXT.replace(/sources:\n( {2}.*\n)+/, ''));
    const both = mapped('transactions:\n  customer: ID\n  date: Day\n', [bare]);
    expect(both.policies![0]!.sources?.transactions).toEqual({ customer: 'ID', date: 'Day' });
    const one = mapped('transactions:\n  customer: ID\n', [bare]);
    expect(one.policies![0]!.sources?.transactions).toBeUndefined();
  });
});

describe('schemas/mapping.schema.json', () => {
  it('is the TypeBox schema, written by npm run schema', () => {
    const published = readFileSync(new URL('../../../schemas/mapping.schema.json', import.meta.url), 'utf8');
    expect(published).toBe(mappingJsonSchemaText());
  });
});

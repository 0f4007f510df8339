import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { factsRenderer } from '../../src/report/facts-render.js';
import { factRows } from '../../src/report/facts-rows.js';
import { FACTS_POLICY, policyOf } from './facts-fixtures.js';

describe('factRows: the one row builder of every export', () => {
  const rows = factRows(policyOf(FACTS_POLICY));

  it('puts the key first, then every fact in the order the policy declares them', () => {
    expect(rows.columns.map((c) => c.id)).toEqual([
      'customerId',
      'contact',
      'company',
      'phone',
      'spend12m',
      'complaints',
      'lastVisit',
      'strategic',
    ]);
  });

  it('masks personal data always, applies defaults, leaves the missing missing and dates as ISO with offset', () => {
    const values = rows.values({
      customerId: 'C1',
      contact: '张三丰',
      phone: '13812345678',
      spend12m: Number.NaN,
      lastVisit: Date.UTC(2026, 9, 31, 16, 0, 0),
      strategic: false,
    });
    expect(values).toEqual([
      'C1',
      '张**',
      undefined,
      '138****5678',
      undefined,
      0,
      '2026-11-01T00:00:00+08:00',
      false,
    ]);
  });

  it('passes a date the reader gave as text through unchanged', () => {
    expect(rows.values({ customerId: 'C2', lastVisit: '2026-03-01T00:00:00+08:00' })[6]).toBe(
      '2026-03-01T00:00:00+08:00',
    );
  });

  it('gives every fact a key in the record form, null where missing, and can leave the key out', () => {
    const record = rows.record({ customerId: 'C3', spend12m: 12.5 });
    expect(Object.keys(record)).toEqual(rows.columns.map((c) => c.id));
    expect(record).toMatchObject({ customerId: 'C3', contact: null, spend12m: 12.5, complaints: 0 });
    expect(Object.keys(rows.record({ customerId: 'C3' }, 1))).not.toContain('customerId');
  });

  it('keeps a fact named like an Object.prototype member an ordinary key', () => {
    const text = FACTS_POLICY.replace('  company: {', '  constructor: {');
    const odd = factRows(policyOf(text));
    const record = odd.record({ customerId: 'C4', constructor: 'Acme' });
    expect(Object.keys(record)).toContain('constructor');
    expect(record.constructor).toBe('Acme');
  });
});

describe('factsRenderer', () => {
  const policy = policyOf(FACTS_POLICY);
  const rows = factRows(policy);
  const customers = [
    { id: 'C1', facts: { customerId: 'C1', contact: '张三', company: '=HYPERLINK("x")', spend12m: 1250.5 } },
    { id: 'C2', facts: { customerId: 'C2', strategic: true } },
  ];
  const whole = (format: 'csv' | 'ndjson' | 'json', options = {}) => {
    const r = factsRenderer(format, policy, rows, options);
    return (
      r.head({ date: '2026-11-01', timezone: 'Asia/Shanghai' }) +
      r.chunk(customers.slice(0, 1)) +
      r.chunk([]) +
      r.chunk(customers.slice(1)) +
      r.tail()
    );
  };

  it('writes CSV through the project writer: one header, fact ids, empty cells for missing, formulas guarded', () => {
    const text = whole('csv');
    expect(text.split('\r\n')[0]).toBe(
      'customerId,contact,company,phone,spend12m,complaints,lastVisit,strategic',
    );
    const parsed = Papa.parse<string[]>(text.trim()).data;
    expect(parsed).toEqual([
      parsed[0],
      ['C1', '张*', `'=HYPERLINK("x")`, '', '1250.5', '0', '', ''],
      ['C2', '', '', '', '', '0', '', 'true'],
    ]);
  });

  it('names CSV columns by label in the language asked, the id where a fact has none', () => {
    const header = whole('csv', { labels: true, language: 'zh-CN' }).split('\r\n')[0];
    expect(header).toBe('客户编号,联系人,company,phone,近12个月消费,complaints,lastVisit,strategic');
  });

  it('writes a header even for no customers', () => {
    const r = factsRenderer('csv', policy, rows);
    expect(r.head() + r.tail()).toBe(`${rows.columns.map((c) => c.id).join(',')}\r\n`);
  });

  it('writes NDJSON with null for missing values', () => {
    const lines = whole('ndjson')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({
      customerId: 'C2',
      contact: null,
      company: null,
      phone: null,
      spend12m: null,
      complaints: 0,
      lastVisit: null,
      strategic: true,
    });
  });

  it('writes one JSON document with the as-of date, the facts described and the customers, chunk by chunk', () => {
    const doc = JSON.parse(whole('json'));
    expect(doc.asOf).toBe('2026-11-01');
    expect(doc.policy).toEqual({ name: 'facts-only', version: '1.0.0' });
    expect(doc.facts[0]).toEqual({
      id: 'customerId',
      type: 'string',
      label: { 'zh-CN': '客户编号', en: 'Customer id' },
      key: true,
    });
    expect(doc.facts.find((f: { id: string }) => f.id === 'phone').pii).toBe(true);
    expect(doc.customers.map((c: { customerId: string }) => c.customerId)).toEqual(['C1', 'C2']);
    expect(doc.customers[0].contact).toBe('张*');
    const empty = factsRenderer('json', policy, rows);
    expect(JSON.parse(empty.head() + empty.tail()).customers).toEqual([]);
  });
});

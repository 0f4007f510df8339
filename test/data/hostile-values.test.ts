import { describe, expect, it } from 'vitest';
import { convertValue, type FieldSpec } from '../../src/data/convert.js';
import { fastConverter, SLOW } from '../../src/data/fast-convert.js';
import { type ColumnSpec, mapRecord } from '../../src/data/table.js';
import { localizeDiagnostic } from '../../src/diagnostics/localize.js';

const date: FieldSpec = { type: 'date', timezone: 'Asia/Shanghai' };
const number: FieldSpec = { type: 'number' };

const refused = (raw: string | number, spec: FieldSpec) => {
  const converted = convertValue(raw, spec);
  return 'error' in converted ? converted.error : undefined;
};

describe('dates a data file must not hold', () => {
  it.each([
    ['2024-03-01T14:30:00+25:00', 'an offset is at most ±18:00'],
    ['2024-03-01T14:30:00-18:01', 'an offset is at most ±18:00'],
    ['2024-03-01T14:30+0960', 'an offset is at most ±18:00'],
    ['-001000-01-01', 'years are read from 0001 to 9999'],
    ['+010000-01-01', 'years are read from 0001 to 9999'],
    ['+002024-03-01', 'years are read from 0001 to 9999'],
  ])('refuses %s', (raw, reason) => {
    expect(refused(raw, date)).toContain(reason);
  });

  it.each([
    ['2024-03-01T14:30:00+18:00', '2024-03-01T04:30:00+08:00'],
    ['2024-03-01T14:30:00-12:00', '2024-03-02T10:30:00+08:00'],
    ['2024-03-01T14:30:00+05:45', '2024-03-01T16:45:00+08:00'],
    ['0001-01-01', undefined],
    ['9999-12-31', '9999-12-31T00:00:00+08:00'],
  ])('reads %s', (raw, iso) => {
    const converted = convertValue(raw, date);
    expect('value' in converted).toBe(true);
    if (iso !== undefined) expect(converted).toEqual({ value: iso });
  });
});

describe('numbers a double cannot hold', () => {
  it.each(['1e-400', '-1e-400', '1e-320', '0.1e-307'])('refuses %s rather than reading it as 0', (raw) => {
    expect(refused(raw, number)).toContain('too small to be told from 0');
  });

  it.each(['1e309', '-1e309', '2e308'])('refuses %s as too large', (raw) => {
    expect(refused(raw, number)).toContain('too large');
  });

  it('says why a JSON number that parsed as Infinity is refused', () => {
    expect(refused(JSON.parse('1e309') as never, number)).toContain('too large');
  });

  it('reads a written zero with any exponent as 0', () => {
    expect(convertValue('0e-400', number)).toEqual({ value: 0 });
    expect(convertValue('1e-300', number)).toEqual({ value: 1e-300 });
  });
});

describe('declared min and max', () => {
  const rate: ColumnSpec = {
    id: 'rate',
    column: '复购率',
    type: 'number',
    unit: 'percent',
    min: 0,
    max: 100,
  };
  const growth: ColumnSpec = { id: 'growth', column: '行业增速', type: 'number', unit: 'percent', min: -100 };
  const secret: ColumnSpec = { id: 'score', column: '信用分', type: 'integer', max: 900, pii: true };

  it('a value outside is TW0631, left out of the values, on the slow and the fast path', () => {
    const mapped = mapRecord(
      { row: 7, fields: { 复购率: '850', 行业增速: '-500', 信用分: '901' } },
      [rate, growth, secret],
      'c.csv',
    );
    expect(mapped.values).toEqual({});
    expect(mapped.diagnostics.map((d) => [d.code, d.row, d.column, d.message])).toEqual([
      ['TW0631', 7, '复购率', 'rate: 850 is above 100, the largest value the fact declares (max)'],
      ['TW0631', 7, '行业增速', 'growth: -500 is below -100, the smallest value the fact declares (min)'],
      [
        'TW0631',
        7,
        '信用分',
        'score: the value (personal data, not shown) is above 900, the largest value the fact declares (max)',
      ],
    ]);
    expect(localizeDiagnostic(mapped.diagnostics[2]!, 'zh-CN').message).not.toContain('901');
    for (const raw of ['850', '100.5', '-0.1', '85%']) {
      const fast = fastConverter(rate)(raw);
      const slow = convertValue(raw, rate);
      expect(fast === SLOW).toBe('error' in slow);
    }
    expect(fastConverter(rate)('100')).toBe(100);
    expect(fastConverter(rate)('0')).toBe(0);
  });

  it('applies to numbers from JSON and workbooks too', () => {
    expect(convertValue(850, rate)).toMatchObject({ outOfRange: true });
    expect(convertValue(99.5, rate)).toEqual({ value: 99.5 });
  });
});

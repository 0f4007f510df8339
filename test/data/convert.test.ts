import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { convertValue, type FieldSpec } from '../../src/data/convert.js';
import type { FieldValue } from '../../src/data/types.js';
import { propertyRuns } from '../helpers/runs.js';

const SEED = Number(process.env.TIERWISE_FUZZ_SEED ?? 20261123);

const number: FieldSpec = { type: 'number' };
const integer: FieldSpec = { type: 'integer' };
const cny: FieldSpec = { type: 'number', unit: 'CNY' };
const usd: FieldSpec = { type: 'number', unit: 'USD' };
const percent: FieldSpec = { type: 'number', unit: 'percent' };
const ratio: FieldSpec = { type: 'number', unit: 'ratio' };
const text: FieldSpec = { type: 'string' };
const flag: FieldSpec = { type: 'boolean' };
const industry: FieldSpec = { type: 'enum', values: ['high', 'medium', 'low'] };
const date: FieldSpec = { type: 'date' };
const slashDate: FieldSpec = { type: 'date', format: 'yyyy/M/d' };
const compactDate: FieldSpec = { type: 'date', format: 'yyyyMMdd' };

type Case = [string, FieldValue | undefined, FieldSpec, unknown];

const VALUES: Case[] = [
  // missing is never 0
  ['empty text is missing', '', number, undefined],
  ['spaces are missing', '   ', number, undefined],
  ['an ideographic space is missing', '\u3000', cny, undefined],
  ['null is missing', null, number, undefined],
  ['undefined is missing', undefined, flag, undefined],
  // numbers
  ['a plain number', '1234.5', number, 1234.5],
  ['thousands separators', '1,234,567.50', number, 1234567.5],
  ['a leading dot', '.5', number, 0.5],
  ['a sign', '-12', number, -12],
  ['a unicode minus', '\u221212', number, -12],
  ['accounting parentheses', '(1,200.00)', number, -1200],
  ['a trailing minus (SAP)', '1,234.00-', number, -1234],
  ['full-width digits and comma', '１２３，４５６', number, 123456],
  ['full-width decimal point', '３．５', number, 3.5],
  ['Excel scientific notation', '1.23457E+11', number, 123457000000],
  ['a JSON or xlsx number', 42.5, number, 42.5],
  ['a negative zero is zero', '-0', number, 0],
  ['surrounding spaces', '  12 ', number, 12],
  // currency
  ['a yen sign for CNY', '¥1,234.5', cny, 1234.5],
  ['a full-width yen sign', '￥1,234.5', cny, 1234.5],
  ['the code before', 'CNY 800000', cny, 800000],
  ['元 after', '1234元', cny, 1234],
  ['RMB after', '1,000 RMB', cny, 1000],
  ['万 for CNY', '80万', cny, 800000],
  ['万元', '1.5万元', cny, 15000],
  ['亿', '1.2亿', cny, 120000000],
  ['¥ and 万', '¥80万', cny, 800000],
  ['a negative amount in 万', '-2.5万', cny, -25000],
  ['万 without floating error', '1.1万', cny, 11000],
  ['a dollar sign for USD', '$1,200.50', usd, 1200.5],
  ['an unlisted currency code', 'SGD 12', { type: 'number', unit: 'SGD' }, 12],
  // percentages: the sign decides, a bare number is never rescaled
  ['85% for percent', '85%', percent, 85],
  ['a full-width percent sign', '８５％', percent, 85],
  ['85.5% for percent', '85.5%', percent, 85.5],
  ['0.85 for percent stays 0.85', '0.85', percent, 0.85],
  ['85 for percent', '85', percent, 85],
  ['85% for ratio', '85%', ratio, 0.85],
  ['7% for ratio without floating error', '7%', ratio, 0.07],
  ['0.85 for ratio', '0.85', ratio, 0.85],
  ['a number for percent stays', 0.85, percent, 0.85],
  // integers
  ['a whole number', '1,200', integer, 1200],
  ['3.0 is whole', '3.0', integer, 3],
  // text
  ['text is trimmed', '  C2024001 ', text, 'C2024001'],
  ['a number as text', 2024001, text, '2024001'],
  ['text keeps full-width characters', 'Ａ公司', text, 'Ａ公司'],
  // booleans
  ['是', '是', flag, true],
  ['否', '否', flag, false],
  ['TRUE', 'TRUE', flag, true],
  ['no', 'no', flag, false],
  ['Y', 'Y', flag, true],
  ['n', 'n', flag, false],
  ['1', '1', flag, true],
  ['0', '0', flag, false],
  ['the number 1', 1, flag, true],
  ['a boolean', false, flag, false],
  // enums
  ['an exact enum value', 'high', industry, 'high'],
  ['an enum value in another case', 'HIGH', industry, 'high'],
  ['an enum value in full-width letters', 'ｌｏｗ', industry, 'low'],
  ['an enum value with spaces', ' medium ', industry, 'medium'],
  // dates: start of the day in Asia/Shanghai unless a time or zone is given
  ['an ISO date', '2024-03-01', date, '2024-03-01T00:00:00+08:00'],
  ['a year-first date with slashes', '2024/3/1', date, '2024-03-01T00:00:00+08:00'],
  ['a year-first date with dots', '2024.03.01', date, '2024-03-01T00:00:00+08:00'],
  ['a Chinese date', '2024年3月1日', date, '2024-03-01T00:00:00+08:00'],
  ['a date and time', '2024/3/1 14:30', date, '2024-03-01T14:30:00+08:00'],
  ['seconds and milliseconds', '2024-03-01 14:30:05.25', date, '2024-03-01T14:30:05.250+08:00'],
  ['ISO with T', '2024-03-01T08:00:00', date, '2024-03-01T08:00:00+08:00'],
  ['ISO in UTC is moved to the zone', '2024-03-01T00:00:00Z', date, '2024-03-01T08:00:00+08:00'],
  ['ISO with an offset', '2024-03-01T09:00:00+09:00', date, '2024-03-01T08:00:00+08:00'],
  ['ISO basic', '20240301', date, '2024-03-01T00:00:00+08:00'],
  ['full-width digits in a date', '２０２４/３/１', date, '2024-03-01T00:00:00+08:00'],
  ['a format', '2024/3/1', slashDate, '2024-03-01T00:00:00+08:00'],
  ['a format with padding', '2024/03/01', slashDate, '2024-03-01T00:00:00+08:00'],
  ['yyyyMMdd', '20240301', compactDate, '2024-03-01T00:00:00+08:00'],
  [
    'day first with a format',
    '01.03.2024',
    { type: 'date', format: 'dd.MM.yyyy' },
    '2024-03-01T00:00:00+08:00',
  ],
  [
    'a format luxon parses',
    'Mar 1, 2024',
    { type: 'date', format: 'MMM d, yyyy' },
    '2024-03-01T00:00:00+08:00',
  ],
  ['another zone', '2024-03-01', { type: 'date', timezone: 'Europe/Berlin' }, '2024-03-01T00:00:00+01:00'],
  ['summer time', '2024-07-01', { type: 'date', timezone: 'Europe/Berlin' }, '2024-07-01T00:00:00+02:00'],
  [
    'a time in the spring-forward gap moves forward',
    '2024-03-31 02:30',
    { type: 'date', timezone: 'Europe/Berlin' },
    '2024-03-31T03:30:00+02:00',
  ],
  ['an Excel serial date', 45352, date, '2024-03-01T00:00:00+08:00'],
  ['an Excel serial date and time', 45352.75, date, '2024-03-01T18:00:00+08:00'],
  ['Excel serial 61', 61, { type: 'date', timezone: 'UTC' }, '1900-03-01T00:00:00+00:00'],
  ['local mean time is written in UTC', 1, date, '1899-12-31T15:54:17+00:00'],
  ['Excel serial 1', 1, { type: 'date', timezone: 'UTC' }, '1900-01-01T00:00:00+00:00'],
  [
    'an xlsx date (wall clock in UTC fields)',
    new Date(Date.UTC(2024, 2, 1, 9, 15)),
    date,
    '2024-03-01T09:15:00+08:00',
  ],
];

const ERRORS: [string, FieldValue, FieldSpec, string][] = [
  ['letters', 'abc', number, "expected a number such as 1234.5 or 1,234.5, got 'abc'"],
  ['N/A', 'N/A', number, "expected a number such as 1234.5 or 1,234.5, got 'N/A'"],
  ['a dash', '-', number, "expected a number such as 1234.5 or 1,234.5, got '-'"],
  [
    'badly grouped separators',
    '1,2345',
    number,
    "expected a number such as 1234.5 or 1,234.5, got '1,2345': thousands separators must group three digits: 1,234,567.5",
  ],
  ['a decimal comma', '1,5', number, 'thousands separators must group three digits'],
  ['万 without CNY', '80万', number, "'万' is read only for amounts in CNY"],
  ['万 for USD', '80万', usd, "'万' is read only for amounts in CNY"],
  [
    'a currency sign without a unit',
    '¥100',
    number,
    "'¥' marks an amount of money, but this fact has no currency unit",
  ],
  ['the wrong currency', '$100', cny, "'$' is not a sign of CNY, the fact's currency"],
  ['¥ for USD', '¥100', usd, "'¥' is not a sign of USD, the fact's currency"],
  ['元 before the amount', '元100', cny, "'元' is not written before an amount"],
  ['a percentage for CNY', '85%', cny, 'a percentage is read only for facts whose unit is percent or ratio'],
  [
    'a percentage without a unit',
    '85%',
    number,
    'a percentage is read only for facts whose unit is percent or ratio',
  ],
  ['two signs', '--5', number, "got '--5'"],
  ['a boolean for a number', true, number, 'expected a number, got true'],
  ['NaN', Number.NaN, number, 'expected a number, got NaN'],
  ['a fraction for an integer', '3.5', integer, "expected a whole number such as 12 or 1,200, got '3.5'"],
  ['an unsafe integer', '12345678901234567890', integer, 'the number is too large to be read exactly'],
  ['an unsafe integer as text', 12345678901234567000, text, 'has lost digits; write it as text in quotes'],
  ['a boolean word', 'maybe', flag, "expected yes or no: 是/否, true/false, yes/no, y/n or 1/0, got 'maybe'"],
  ['the number 2', 2, flag, 'got 2'],
  ['an unknown enum value', 'hihg', industry, "expected one of high, medium, low, got 'hihg'"],
  [
    'an ambiguous enum value',
    'a',
    { type: 'enum', values: ['A', 'a ', 'ａ'] },
    "expected one of A, a , ａ, got 'a'",
  ],
  [
    'a non-date',
    'soon',
    date,
    "expected a date such as 2024-03-01, 2024/3/1 or 2024-03-01T14:30:00+08:00 (ISO 8601 or year first), got 'soon'",
  ],
  ['a day-first date without a format', '01/03/2024', date, "got '01/03/2024'"],
  ['a date that does not exist', '2024-02-30', date, "got '2024-02-30': the date does not exist"],
  ['29 February in a common year', '2023/2/29', date, 'the date does not exist'],
  ['hour 24', '2024-03-01 24:00', date, 'the date does not exist'],
  [
    'a date against its format',
    '2024-03-01',
    slashDate,
    "expected a date in the format yyyy/M/d such as 2024/3/1, got '2024-03-01'",
  ],
  ['a non-existent date with a format', '2024/2/30', slashDate, 'the date does not exist'],
  ['a luxon format that does not match', 'March 1', { type: 'date', format: 'MMM d, yyyy' }, "got 'March 1'"],
  [
    'a millisecond timestamp',
    1709251200000,
    date,
    'timestamps in seconds or milliseconds are not read as dates',
  ],
  [
    'Excel serial 60 (1900-02-29)',
    60,
    date,
    'an Excel date serial number from 1 (1900-01-01) to 2958465 (9999-12-31), got 60',
  ],
  ['serial 0', 0, date, 'got 0'],
  ['a boolean for a date', true, date, 'expected a date, got true'],
  ['an invalid Date', new Date(Number.NaN), date, 'got an invalid date'],
  [
    'an unknown zone',
    '2024-03-01',
    { type: 'date', timezone: 'Mars/Olympus' },
    "a known IANA time zone, not 'Mars/Olympus'",
  ],
];

describe('convertValue', () => {
  it.each(VALUES)('%s', (_name, raw, spec, expected) => {
    expect(convertValue(raw, spec)).toEqual({ value: expected });
  });

  it.each(ERRORS)('refuses %s', (_name, raw, spec, message) => {
    const result = convertValue(raw, spec);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(message);
  });

  it('hides personal data in errors', () => {
    const result = convertValue('138-0000-0000', number, { mask: true });
    expect(result).toMatchObject({
      error: 'expected a number such as 1234.5 or 1,234.5, got a value not shown here (personal data)',
    });
    expect(JSON.stringify(result)).not.toContain('138-0000-0000');
  });

  it('shortens long values in errors', () => {
    const result = convertValue('x'.repeat(500), number) as { error: string };
    expect(result.error.length).toBeLessThan(150);
    expect(result.error).toContain('…');
  });
});

/** "1234567" → "1,234,567" */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const toFullWidth = (s: string): string =>
  s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('convertValue properties', () => {
  const decimal = fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 15n }),
      fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
    )
    .map(([whole, fraction]) => ({ whole: whole.toString(), fraction }));

  it('reads a number written with separators back exactly', () => {
    fc.assert(
      fc.property(decimal, fc.boolean(), fc.boolean(), ({ whole, fraction }, negative, fullWidth) => {
        const plain = `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`;
        let written = `${negative ? '-' : ''}${group(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
        if (fullWidth) written = toFullWidth(written);
        const expected = Number(plain);
        expect(convertValue(written, number)).toEqual({ value: expected === 0 ? 0 : expected });
      }),
      { seed: SEED },
    );
  });

  it('reads 万 amounts exactly as the decimal they write', () => {
    fc.assert(
      fc.property(decimal, ({ whole, fraction }) => {
        const written = `${whole}${fraction === undefined ? '' : `.${fraction}`}万`;
        const expected = Number(`${whole}${fraction === undefined ? '' : `.${fraction}`}e4`);
        expect(convertValue(written, cny)).toEqual({ value: expected });
      }),
      { seed: SEED },
    );
  });

  it('never turns a number with a stray character into a value', () => {
    const junk = fc.constantFrom('x', '#', '@', '?', '/', '_', 'Q', '|', '~', '*', '=', '&', ';', '·');
    fc.assert(
      fc.property(decimal, junk, fc.nat(), ({ whole, fraction }, bad, at) => {
        const written = `${group(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
        const i = at % (written.length + 1);
        const corrupted = written.slice(0, i) + bad + written.slice(i);
        for (const spec of [number, integer, cny, percent])
          expect(convertValue(corrupted, spec)).toHaveProperty('error');
      }),
      { seed: SEED },
    );
  });

  it('returns exactly one of a value or an error for any input, and numbers are finite', () => {
    const specs: FieldSpec[] = [number, integer, cny, percent, ratio, text, flag, industry, date, slashDate];
    const raw = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(raw, fc.constantFrom(...specs), (value, spec) => {
        const result = convertValue(value, spec);
        expect(Object.keys(result)).toEqual(expect.arrayContaining(['value' in result ? 'value' : 'error']));
        expect('value' in result && 'error' in result).toBe(false);
        if (
          'value' in result &&
          (spec.type === 'number' || spec.type === 'integer') &&
          result.value !== undefined
        ) {
          expect(Number.isFinite(result.value)).toBe(true);
          if (spec.type === 'integer') expect(Number.isSafeInteger(result.value)).toBe(true);
        }
        if ('error' in result) expect(result.error).toMatch(/^expected .+, got /);
      }),
      { seed: SEED, numRuns: propertyRuns(2_000, 20_000) },
    );
  });

  it('reads formats the same way luxon does', () => {
    const formats = [
      'yyyy/M/d',
      'yyyy-MM-dd',
      'yyyyMMdd',
      'dd.MM.yyyy',
      'yyyy/M/d H:mm',
      'yyyy-MM-dd HH:mm:ss',
      "d/M/yyyy 'at' H:mm",
    ];
    const moment = fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2090-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(moment, fc.constantFrom(...formats), (at, format) => {
        const written = DateTime.fromJSDate(at, { zone: 'UTC' }).toFormat(format);
        const ours = convertValue(written, { type: 'date', format });
        const theirs = DateTime.fromFormat(written, format, { zone: 'Asia/Shanghai' });
        expect(ours).toEqual({ value: theirs.toISO({ suppressMilliseconds: true }) });
      }),
      { seed: SEED },
    );
  });
});

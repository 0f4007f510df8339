import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { type AsOf, isAsOf, parseAsOf } from '../../src/facts/asof.js';
import { render } from '../../src/i18n/text.js';

function ok(result: AsOf | Diagnostic[]): AsOf {
  if (!isAsOf(result)) throw new Error(JSON.stringify(result));
  return result;
}

function codes(result: AsOf | Diagnostic[]): string[] {
  return isAsOf(result) ? [] : result.map((d) => d.code);
}

describe('parseAsOf', () => {
  it('reads a date as the end of that day in the zone', () => {
    const asOf = ok(parseAsOf('2024-03-01'));
    expect(asOf).toMatchObject({ date: '2024-03-01', timezone: 'Asia/Shanghai', wholeDay: true });
    expect(asOf.instant).toBe(Date.parse('2024-03-01T23:59:59.999+08:00'));
  });

  it('ends a date in the given zone, on a 23-hour day too', () => {
    const asOf = ok(parseAsOf('2024-03-10', { timezone: 'America/New_York' }));
    expect(asOf.instant).toBe(Date.parse('2024-03-10T23:59:59.999-04:00'));
  });

  it('reads a date-time with its offset as that instant, and its day in the zone', () => {
    const asOf = ok(parseAsOf('2024-03-01T15:30:00Z'));
    expect(asOf.instant).toBe(Date.parse('2024-03-01T15:30:00Z'));
    expect(asOf).toMatchObject({ date: '2024-03-01', wholeDay: false });
    // 16:00 UTC is already the next day in Shanghai, still the same day in New York.
    expect(ok(parseAsOf('2024-03-01T16:00:00Z')).date).toBe('2024-03-02');
    expect(ok(parseAsOf('2024-03-01T16:00:00Z', { timezone: 'America/New_York' })).date).toBe('2024-03-01');
    expect(ok(parseAsOf('2024-03-01T18:00+08:00')).instant).toBe(Date.parse('2024-03-01T10:00:00Z'));
    expect(ok(parseAsOf('2024-03-01T18:00:00.25-05:30')).instant).toBe(
      Date.parse('2024-03-01T23:30:00.250Z'),
    );
  });

  it('reads today as the end of the current day in the zone', () => {
    const now = Date.parse('2024-03-01T17:00:00Z'); // 01:00 on Mar 2 in Shanghai
    expect(ok(parseAsOf('today', { now })).date).toBe('2024-03-02');
    expect(ok(parseAsOf(' Today ', { now, timezone: 'America/New_York' }))).toMatchObject({
      date: '2024-03-01',
      wholeDay: true,
      instant: Date.parse('2024-03-01T23:59:59.999-05:00'),
    });
  });

  it('accepts leap days that exist', () => {
    expect(ok(parseAsOf('2024-02-29')).date).toBe('2024-02-29');
  });

  it('refuses dates and times that do not exist (TW0506)', () => {
    for (const input of [
      '2023-02-29',
      '2024-02-30',
      '2024-13-01',
      '2024-00-10',
      '2024-03-01T24:00:00Z',
      '2024-03-01T12:60:00Z',
      '2024-03-01T12:00:60Z',
      '2024-04-31T12:00:00+08:00',
      '2024-03-01T12:00:00+19:00',
    ]) {
      expect(codes(parseAsOf(input)), input).toEqual(['TW0506']);
    }
  });

  it('says why a well-formed date does not exist, without a format hint (TW0506)', () => {
    const help = (input: string, language: 'en' | 'zh-CN' = 'en') => {
      const [d] = parseAsOf(input) as Diagnostic[];
      return language === 'en' ? d!.help : render(language, d!.i18n!.help!);
    };
    const [d] = parseAsOf('2026-02-30') as Diagnostic[];
    expect(d).toMatchObject({ code: 'TW0506', message: 'as-of 2026-02-30 is not a real date' });
    expect(help('2026-02-30')).toBe('February 2026 has 28 days');
    expect(help('2024-02-30')).toBe('February 2024 has 29 days');
    expect(help('2024-04-31T12:00:00+08:00')).toBe('April 2024 has 30 days');
    expect(help('2024-13-01')).toBe('a month is 01 to 12');
    expect(help('2024-03-01T24:00:00Z')).toBe('hours run from 00 to 23, minutes and seconds from 00 to 59');
    expect(help('2024-03-01T12:00:00+19:00')).toBe('an offset is at most ±18:00, its minutes 00 to 59');
    for (const input of ['2026-02-30', '2024-13-01', '2024-03-01T12:60:00Z']) {
      expect(help(input), input).not.toMatch(/2024-03-01|format|give/);
    }
    expect(help('2026-02-30', 'zh-CN')).toBe('2026 年 2 月只有 28 天');
    expect(render('zh-CN', d!.i18n!.message!)).toBe('基准日 2026-02-30 是不存在的日期');
  });

  it('refuses what is not a date (TW0104), with the forms it takes as help', () => {
    for (const input of [
      '',
      'yesterday',
      '2024/03/01',
      '20240301',
      '2024-3-1',
      '2024-03-01T12:00:00',
      '1709308799999',
    ]) {
      const result = parseAsOf(input);
      expect(codes(result), input).toEqual(['TW0104']);
      expect((result as Diagnostic[])[0]!.help).toContain('2024-03-01T18:00:00+08:00');
    }
  });

  it('refuses an unknown zone (TW0503)', () => {
    expect(codes(parseAsOf('2024-03-01', { timezone: 'Asia/Beijing' }))).toEqual(['TW0503']);
  });
});

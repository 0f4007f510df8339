import { describe, expect, it } from 'vitest';
import { type AsOf, isAsOf, parseAsOf } from '../../src/facts/asof.js';
import { formatMonth } from '../../src/facts/calendar.js';
import { isWindowBounds, type WindowBounds, type WindowSpec, windowBounds } from '../../src/facts/window.js';
import { ZoneCalendar } from '../../src/facts/zone.js';

function asOf(text: string, timezone = 'Asia/Shanghai'): AsOf {
  const result = parseAsOf(text, { timezone });
  if (!isAsOf(result)) throw new Error(JSON.stringify(result));
  return result;
}

function bounds(spec: WindowSpec, at: string, timezone = 'Asia/Shanghai'): WindowBounds {
  const result = windowBounds(spec, asOf(at, timezone), new ZoneCalendar(timezone), '/facts/f');
  if (!isWindowBounds(result)) throw new Error(JSON.stringify(result));
  return result;
}

/** The exclusive lower end as the local end-of-day it is, e.g. '2023-03-31T23:59:59.999+08:00'. */
const endOf = (date: string, offset = '+08:00') => Date.parse(`${date}T23:59:59.999${offset}`);

describe('rolling windows: (asOf − window, asOf]', () => {
  it('P12M back from 2024-03-31 starts after 2023-03-31', () => {
    expect(bounds({ window: 'P12M' }, '2024-03-31')).toMatchObject({
      after: endOf('2023-03-31'),
      upTo: endOf('2024-03-31'),
    });
  });

  it('P12M back from the leap day 2024-02-29 starts after 2023-02-28 (luxon clamps)', () => {
    expect(bounds({ window: 'P12M' }, '2024-02-29').after).toBe(endOf('2023-02-28'));
  });

  it('P12M back from 2025-02-28 starts after 2024-02-28, so it holds the leap day: 366 days', () => {
    const b = bounds({ window: 'P12M' }, '2025-02-28');
    expect(b.after).toBe(endOf('2024-02-28'));
    expect((b.upTo - b.after) / 86_400_000).toBe(366);
  });

  it('P1D is the as-of day, P90D ninety calendar days', () => {
    expect(bounds({ window: 'P1D' }, '2024-03-01').after).toBe(endOf('2024-02-29'));
    expect(bounds({ window: 'P90D' }, '2024-03-01').after).toBe(endOf('2023-12-02'));
    expect(bounds({ window: 'P1Y' }, '2024-03-01').after).toBe(endOf('2023-03-01'));
    expect(bounds({ window: 'P2W' }, '2024-03-01').after).toBe(endOf('2024-02-16'));
  });

  it('counts calendar days across a DST change, and hours as elapsed time', () => {
    // New York: EST (−05:00) on Jan 1, EDT (−04:00) on Mar 31.
    expect(bounds({ window: 'P90D' }, '2024-03-31', 'America/New_York').after).toBe(
      endOf('2024-01-01', '-05:00'),
    );
    // 48 hours before 23:59:59.999 EDT on Mar 11 is 22:59:59.999 EST on Mar 9: Mar 10 had 23 hours.
    expect(bounds({ window: 'PT48H' }, '2024-03-11', 'America/New_York').after).toBe(
      endOf('2024-03-09', '-05:00') - 3_600_000,
    );
  });

  it('rolls back from a date-time as-of instant itself', () => {
    const b = bounds({ window: 'P1M' }, '2024-03-31T10:00:00+08:00');
    expect(b).toMatchObject({
      after: Date.parse('2024-02-29T10:00:00+08:00'),
      upTo: Date.parse('2024-03-31T10:00:00+08:00'),
    });
  });

  it('without a window reads all history up to the as-of', () => {
    expect(bounds({}, '2024-03-01')).toMatchObject({
      after: Number.NEGATIVE_INFINITY,
      upTo: endOf('2024-03-01'),
      firstWholeMonth: Number.NEGATIVE_INFINITY,
    });
  });

  it('knows the calendar months lying wholly inside the window', () => {
    const months = (b: WindowBounds) => [formatMonth(b.firstWholeMonth), formatMonth(b.lastWholeMonth)];
    expect(months(bounds({ window: 'P12M' }, '2024-03-01'))).toEqual(['2023-04', '2024-02']);
    expect(months(bounds({ window: 'P12M' }, '2024-03-31'))).toEqual(['2023-04', '2024-03']);
    expect(months(bounds({ window: 'P12M' }, '2024-02-29'))).toEqual(['2023-03', '2024-02']);
    expect(months(bounds({ window: 'P12M' }, '2024-03-31T12:00:00+08:00'))).toEqual(['2023-04', '2024-02']);
  });
});

describe('calendar windows: complete calendar months ending at or before the as-of', () => {
  it('P12M as of 2024-03-01 is March 2023 to February 2024', () => {
    const b = bounds({ window: 'P12M', calendar: true }, '2024-03-01');
    expect(b).toMatchObject({ after: endOf('2023-02-28'), upTo: endOf('2024-02-29') });
    expect([formatMonth(b.firstWholeMonth), formatMonth(b.lastWholeMonth)]).toEqual(['2023-03', '2024-02']);
  });

  it('includes the as-of month when the as-of is the end of its last day', () => {
    expect(bounds({ window: 'P1M', calendar: true }, '2024-03-31')).toMatchObject({
      after: endOf('2024-02-29'),
      upTo: endOf('2024-03-31'),
    });
    expect(bounds({ window: 'P1M', calendar: true }, '2024-03-31T23:00:00+08:00').upTo).toBe(
      endOf('2024-02-29'),
    );
    expect(bounds({ window: 'P1Y', calendar: true }, '2024-03-15').after).toBe(endOf('2023-02-28'));
  });
});

describe('windows that cannot be used', () => {
  const problem = (spec: WindowSpec) => {
    const result = windowBounds(spec, asOf('2024-03-01'), new ZoneCalendar('Asia/Shanghai'), '/facts/f');
    return isWindowBounds(result) ? undefined : { code: result.code, pointer: result.pointer };
  };

  it('are diagnostics pointing at the fact', () => {
    expect(problem({ window: '12 months' })).toEqual({ code: 'TW0104', pointer: '/facts/f/window' });
    expect(problem({ window: 'P0D' })).toEqual({ code: 'TW0508', pointer: '/facts/f/window' });
    expect(problem({ window: 'P1.5M' })).toEqual({ code: 'TW0104', pointer: '/facts/f/window' });
    expect(problem({ window: 'P90D', calendar: true })).toEqual({
      code: 'TW0211',
      pointer: '/facts/f/window',
    });
    expect(problem({ calendar: true })).toEqual({ code: 'TW0211', pointer: '/facts/f/calendar' });
    expect(problem({ window: 'PT1.5H' })).toBeUndefined();
  });
});

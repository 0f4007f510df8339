import { describe, expect, it } from 'vitest';
import { count, isoDay, isoMinute } from '../../ui/src/format.js';

describe('the editor’s figures and times', () => {
  it('are the CLI’s figures', () => {
    expect(count(1234567).text).toBe('1,234,567');
  });

  it('writes an instant in the business unit’s zone with its offset', () => {
    expect(isoMinute('2026-12-04T08:56:30Z')).toBe('2026-12-04T16:56+08:00');
    expect(isoMinute('2026-07-01T12:00:00Z', 'Europe/London')).toBe('2026-07-01T13:00+01:00');
    expect(isoMinute('2026-01-15T12:00:00Z', 'America/New_York')).toBe('2026-01-15T07:00-05:00');
    expect(isoMinute('2026-01-15T12:00:00Z', 'Asia/Kolkata')).toBe('2026-01-15T17:30+05:30');
    expect(isoDay('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(isoMinute('not a date')).toBe('not a date');
  });
});

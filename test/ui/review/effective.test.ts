import { describe, expect, it } from 'vitest';
import { effectiveInstant, nowInZone } from '../../../ui/src/review/effective.js';

describe('effective dates', () => {
  it('joins a datetime-local value and an offset into ISO 8601 with the offset', () => {
    expect(effectiveInstant('2027-01-01T00:00', '+08:00')).toBe('2027-01-01T00:00:00+08:00');
    expect(effectiveInstant('2027-01-01T00:00', '-05:30')).toBe('2027-01-01T00:00:00-05:30');
  });

  it('gives nothing for a value that is not one', () => {
    expect(effectiveInstant('2027-01-01', '+08:00')).toBeUndefined();
    expect(effectiveInstant('2027-01-01T00:00', 'CST')).toBeUndefined();
  });

  it('starts the form at now in Asia/Shanghai', () => {
    expect(nowInZone(new Date('2026-12-04T16:30:00Z'))).toEqual({
      local: '2026-12-05T00:30',
      offset: '+08:00',
    });
  });
});

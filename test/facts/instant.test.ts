import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toInstant } from '../../src/facts/instant.js';
import { zoneCalendar } from '../../src/facts/zone.js';
import { propertyRuns } from '../helpers/runs.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('toInstant reads ISO 8601 with an offset by arithmetic', () => {
  it("agrees with luxon's parser for every real date, time and offset", () => {
    const zone = zoneCalendar('Asia/Shanghai');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -18 * 60, max: 18 * 60 }),
        fc.constantFrom('', '.5', '.123', '.123456789'),
        fc.constantFrom('T', ' '),
        (date, offset, fraction, separator) => {
          const local = new Date(date.getTime() + offset * 60_000);
          const sign = offset < 0 ? '-' : '+';
          const text =
            `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}${separator}` +
            `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}` +
            (offset === 0 && fraction === ''
              ? 'Z'
              : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`);
          const expected = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true }).toMillis();
          expect([text, toInstant(text, zone)]).toEqual([text, expected]);
        },
      ),
      { seed: 13, numRuns: propertyRuns(2000, 50_000) },
    );
  });

  it('refuses what names no instant', () => {
    const zone = zoneCalendar('Asia/Shanghai');
    for (const text of [
      '2024-02-30T00:00:00+08:00',
      '2024-03-01T24:00:00+08:00',
      '2024-03-01T10:60:00Z',
      '2024-03-01T00:00:00+18:01',
    ])
      expect([text, toInstant(text, zone)]).toEqual([text, undefined]);
  });
});

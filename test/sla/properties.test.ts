import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CALENDARS } from '../../src/calendar/bundled.js';
import type { Calendar } from '../../src/calendar/types.js';
import type { Sla } from '../../src/policy/schema/service.js';
import { dueTimes } from '../../src/sla/due.js';

const cn = BUNDLED_CALENDARS[0] as Calendar;
const SLA: Sla = { response: { within: 'PT8H' }, resolution: { within: 'PT24H', onNonWorkingDays: 'PT2H' } };
const HOUR = 3_600_000;
// 2024-01-01 to 2025-11-30 (+08:00): due times of 24 working hours stay inside the covered years.
const FROM = Date.parse('2024-01-01T00:00:00+08:00');
const TO = Date.parse('2025-11-30T00:00:00+08:00');

const iso = (ms: number) => new Date(ms).toISOString();
const opened = fc.integer({ min: FROM / 60000, max: TO / 60000 }).map((m) => m * 60000);
const day = fc.integer({ min: 0, max: 60 });

function due(at: number, calendar: Calendar, pauses: { from: string; to: string }[] = []) {
  const result = dueTimes({ sla: SLA, tier: 't', opened: iso(at), calendar, pauses });
  expect(result.diagnostics).toEqual([]);
  return {
    response: Date.parse(result.answer?.response?.due ?? ''),
    resolution: Date.parse(result.answer?.resolution?.due ?? ''),
  };
}

describe('SLA due times: properties', () => {
  it('a due time is never before the ticket opened', () => {
    fc.assert(
      fc.property(opened, (at) => {
        const d = due(at, cn);
        expect(d.response).toBeGreaterThanOrEqual(at);
        expect(d.resolution).toBeGreaterThanOrEqual(at);
      }),
    );
  });

  it('adding a holiday never makes a ticket due earlier', () => {
    fc.assert(
      fc.property(opened, day, (at, offset) => {
        const extra = new Date(at + offset * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10);
        const edited: Calendar = { ...cn, holidays: [...cn.holidays, { from: extra }] };
        const before = due(at, cn);
        const after = due(at, edited);
        // A holiday on the opening day may switch seed 004's shorter target on: only the response,
        // which has no such rule, is bound to be no earlier then.
        expect(after.response).toBeGreaterThanOrEqual(before.response);
        if (offset > 0) expect(after.resolution).toBeGreaterThanOrEqual(before.resolution);
      }),
    );
  });

  it('more pause never makes a ticket due earlier', () => {
    fc.assert(
      fc.property(
        opened,
        fc.integer({ min: 0, max: 72 }),
        fc.integer({ min: 0, max: 72 }),
        fc.integer({ min: 0, max: 24 }),
        (at, start, length, more) => {
          const from = iso(at + start * HOUR);
          const short = due(at, cn, [{ from, to: iso(at + (start + length) * HOUR) }]);
          const long = due(at, cn, [{ from, to: iso(at + (start + length + more) * HOUR) }]);
          expect(long.response).toBeGreaterThanOrEqual(short.response);
          expect(long.resolution).toBeGreaterThanOrEqual(short.resolution);
        },
      ),
    );
  });
});

import { Type } from '@sinclair/typebox';
import { Id, Label, strictObject } from '../policy/schema/common.js';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const TIME = '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$';

const LocalDate = Type.String({ pattern: DATE, 'x-expected': 'a date such as 2025-10-01' });
const Time = Type.String({ pattern: TIME, 'x-expected': 'a local time such as 09:00 (24:00 ends a day)' });
const DayHours = Type.Array(Type.Tuple([Time, Time]), {
  description:
    'opening hours of one day as [from, to] local times, e.g. [["09:00","12:00"],["13:00","18:00"]]',
});
const Span = strictObject({
  from: LocalDate,
  to: Type.Optional(LocalDate),
  name: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Label])),
});

/** A business calendar file (src/calendar/types.ts); docs/sla.md describes it. */
export const CalendarFile = strictObject(
  {
    $comment: Type.Optional(Type.String()),
    id: Id('the calendar a policy names in sla.resolution.calendar, e.g. cn-mainland'),
    version: Type.String({ minLength: 1, description: 'changes whenever a date changes, e.g. 2025.1' }),
    timeZone: Type.String({ minLength: 1, description: 'IANA time zone, e.g. Asia/Shanghai' }),
    years: Type.Array(Type.Integer({ minimum: 1970, maximum: 2200 }), { minItems: 1, uniqueItems: true }),
    weeklyHours: strictObject({
      mon: Type.Optional(DayHours),
      tue: Type.Optional(DayHours),
      wed: Type.Optional(DayHours),
      thu: Type.Optional(DayHours),
      fri: Type.Optional(DayHours),
      sat: Type.Optional(DayHours),
      sun: Type.Optional(DayHours),
    }),
    adjustedWorkdayHours: Type.Optional(DayHours),
    holidays: Type.Array(Span),
    workdays: Type.Array(Span, { description: 'weekend dates that are working days (调休)' }),
    sources: Type.Optional(
      Type.Array(
        strictObject({
          year: Type.Integer(),
          title: Type.String({ minLength: 1 }),
          number: Type.Optional(Type.String()),
          published: Type.Optional(LocalDate),
          url: Type.Optional(Type.String()),
        }),
      ),
    ),
  },
  { description: 'A business calendar: weekly hours, holidays and adjusted working days (调休).' },
);

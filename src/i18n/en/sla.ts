/** SLA due dates on a business calendar (src/calendar, src/sla, `tierwise sla due`, POST /v1/sla/due). */
export const sla = {
  badTimeZone: (p: { zone: string }) => `${p.zone} is not an IANA time zone this system knows`,
  badTimeZoneHelp: 'write an IANA zone name such as Asia/Shanghai or Europe/Berlin',
  uncoveredYear: (p: { date: string; calendar: string; version: string; years: string }) =>
    `${p.date} is outside the years calendar ${p.calendar} (version ${p.version}) covers: ${p.years}`,
  uncoveredYearHelp:
    'add the year from its official notice (a new calendar version), or give a calendar file that covers it with --calendar',
  neverOpen: (p: { calendar: string; from: string }) =>
    `calendar ${p.calendar} has no working hours for more than a year from ${p.from}`,
  neverOpenHelp: 'give the calendar weekly hours, or count this target on elapsed time (clock: elapsed)',
  badInstant: (p: { text: string }) => `${p.text} is not a date and time with a UTC offset`,
  pauseBackwards: (p: { from: string; to: string }) =>
    `the pause from ${p.from} ends before it starts (${p.to})`,
  instantHelp: 'write ISO 8601 with the offset, e.g. 2025-09-30T17:00+08:00; a pause is FROM/TO',
  noTargets: (p: { tier: string }) => `tier ${p.tier} states no response or resolution target`,
  noTargetsHelp: 'give the tier sla.response.within or sla.resolution.within, e.g. PT4H',
  unknownTier: (p: { tier: string }) => `the policy has no tier ${p.tier}`,
  unknownTierHelp: (p: { tiers: string }) => `its tiers are: ${p.tiers}`,
  badTarget: (p: { within: string }) =>
    `${p.within} cannot be counted on a clock: months and years vary in length`,
  badTargetHelp: 'state the target in weeks, days, hours or minutes, e.g. P5D or PT4H',
  unknownCalendar: (p: { calendar: string }) => `there is no calendar ${p.calendar}`,
  unknownCalendarHelp: 'name a bundled calendar (cn-mainland) or give a calendar file with --calendar',
  // rendering
  heading: (p: { tier: string; opened: string }) => `Tier ${p.tier}, ticket opened ${p.opened}`,
  calendarLine: (p: { calendar: string; version: string; zone: string }) =>
    `Calendar ${p.calendar} version ${p.version} (${p.zone})`,
  nonWorkingStart: 'The clock starts on a non-working day.',
  responseDue: (p: { due: string; within: string; clock: string }) =>
    `Response due ${p.due} (${p.within}, ${p.clock})`,
  resolutionDue: (p: { due: string; within: string; clock: string }) =>
    `Resolution due ${p.due} (${p.within}, ${p.clock})`,
  business: 'business hours',
  elapsed: 'elapsed time',
  nonWorkingRule: 'elapsed time, target for non-working days',
};

/** The service plan (src/plan, `tierwise plan`): items, table, iCalendar texts, findings. */
export const plan = {
  review: 'Tier review',
  graceEnds: 'Grace ends',
  unanchored: (p: { count: number; first: string }) =>
    `${p.count} customer(s) of the state have no tier or no rating date, so nothing is planned for them (first: ${p.first})`,
  unanchoredHelp: 'rate them first (`tierwise rerate` writes tier and ratedAt), then plan again',
  badFrom: (p: { text: string }) => `--from ${p.text} is not a date`,
  badFromHelp: 'write the first day of the plan as YYYY-MM-DD, e.g. 2025-10-01',
  badHorizon: (p: { text: string }) => `--horizon ${p.text} is not a positive ISO 8601 duration`,
  badHorizonHelp: 'write how far ahead to plan, e.g. P3M (three months), P6W, P1Y',
  // the table
  heading: (p: { policy: string; from: string; to: string; zone: string; calendars: string }) =>
    `Service plan of ${p.policy}, ${p.from} to ${p.to} (${p.zone}; working days of ${p.calendars})`,
  empty: 'Nothing is due in this horizon.',
  colDate: 'Date',
  colManager: 'Manager',
  colCustomer: 'Customer',
  colTier: 'Tier',
  colAction: 'Action',
  colChannel: 'Channel',
  colNote: 'Note',
  summary: (p: { items: number; customers: number; managers: number }) =>
    `${p.items} item(s) for ${p.customers} customer(s) of ${p.managers} manager(s)`,
  noteGrace: (p: { tier: string }) => `may fall to ${p.tier}`,
  noteOverdue: (p: { due: string }) => `overdue since ${p.due}`,
  noteMoved: (p: { due: string }) => `due ${p.due}, moved to a working day`,
  // iCalendar
  // ics leaves commas of X-WR-CALNAME unescaped: the calendar's name has none
  icsCalendar: (p: { manager: string; policy: string; zone: string }) =>
    `Service plan ${p.manager} · ${p.policy} (${p.zone})`,
  icsCustomer: (p: { customer: string }) => `Customer: ${p.customer}`,
  icsTier: (p: { tier: string; id: string }) => `Tier: ${p.tier} (${p.id})`,
  icsChannel: (p: { channel: string }) => `Channel: ${p.channel}`,
  icsEvery: (p: { every: string }) => `Every: ${p.every}`,
  icsFollowUp: (p: { within: string }) => `Record the follow-up within ${p.within}.`,
  icsDue: (p: { due: string }) => `Due ${p.due}, moved to the next working day`,
  icsZone: (p: { zone: string }) => `Dates are days in ${p.zone}.`,
  icsFailed: (p: { reason: string }) => `the iCalendar file could not be made: ${p.reason}`,
  icsFailedHelp: 'report this as a bug, with the state row that caused it',
};

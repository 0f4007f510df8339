const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Computing facts (src/facts): the as-of date, windows, aggregates and the customer and
 * transaction files as a whole. Customer ids arrive masked when the key is personal data.
 */
export const facts = {
  noZone: (p: { zone: string }) => `'${p.zone}' is not an IANA time zone`,
  noZoneHelp: 'e.g. Asia/Shanghai',
  asOfUnreadable: (p: { input: string }) => `as-of '${p.input}' is not a date, a date-time or today`,
  asOfForms: 'give a date (2024-03-01), a date-time with its offset (2024-03-01T18:00:00+08:00) or today',
  noSuchDate: (p: { text: string }) => `as-of ${p.text} is not a real date`,
  noSuchDateTime: (p: { text: string }) => `as-of ${p.text} is not a real date and time`,
  monthDays: (p: { year: number; month: number; days: number }) =>
    `${MONTHS[p.month - 1]} ${p.year} has ${p.days} days`,
  monthRange: 'a month is 01 to 12',
  timeRange: 'hours run from 00 to 23, minutes and seconds from 00 to 59',
  offsetRange: 'an offset is at most ±18:00, its minutes 00 to 59',

  calendarNeedsLength: 'a calendar window needs its length',
  calendarNeedsLengthHelp: 'add window: P12M (the last 12 complete calendar months)',
  notDuration: (p: { window: string }) => `window '${p.window}' is not an ISO 8601 duration`,
  notDurationHelp: 'e.g. P12M (12 months) or P90D (90 days)',
  zeroWindow: (p: { window: string }) => `window ${p.window} is a zero duration`,
  fractionalWindow: (p: { window: string }) => `window ${p.window} has a fractional year, month, week or day`,
  fractionalWindowHelp: 'write whole units, e.g. P45D instead of P1.5M',
  calendarWhole: (p: { window: string }) => `a calendar window counts whole months or years, not ${p.window}`,
  calendarWholeHelp: 'e.g. P12M or P1Y with calendar: true',

  aggregateNeedsField: (p: { aggregate: string }) =>
    `aggregate '${p.aggregate}' needs the transaction field it reads`,
  aggregateNeedsFieldHelp: 'add of: amount',
  noKeyFact: 'the policy marks no fact `key: true`, so customers cannot be told apart',
  noTransactionSource:
    'the policy has no sources.transactions: it does not say which columns hold the customer, date and amounts',
  noTransactionSourceDates:
    'the policy has no sources.transactions: it does not say which columns hold the customer and date',
  unknownCustomers: (p: { count: number; first: string }) =>
    `${p.count} transaction${p.count > 1 ? 's' : ''} name customers not in the customer file (first: ${p.first})`,
  unknownCustomersHelp: 'they were not counted; check that both files use the same customer ids',
  duplicateKey: (p: { key: string; first: number }) =>
    `customer ${p.key} appears again (first at row ${p.first}); this row is ignored`,
  duplicateKeyHelp:
    'remove the duplicate, or merge the two records (the same company under two names is common)',

  // Hostile input (issue 12): aggregates outside a fact's declared min and max.
  aggregateOutOfRange: (p: { customer: string; fact: string; problem: string }) =>
    `customer ${p.customer}: ${p.fact}, computed from the transaction log, ${p.problem}`,
  aggregateOutOfRangeRowHelp: (p: { fact: string; bound: 'min' | 'max' }) =>
    `the row named holds the ${p.bound === 'min' ? 'smallest' : 'largest'} value ${p.fact} read; ${p.fact} is left missing for this customer (never counted as revenue): correct the transaction, or widen the fact's ${p.bound}`,
  aggregateOutOfRangeHelp: (p: { fact: string; bound: 'min' | 'max' }) =>
    `${p.fact} is left missing for this customer: check the log, or widen the fact's ${p.bound}`,
};

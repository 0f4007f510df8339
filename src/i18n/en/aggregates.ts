/** The aggregate options (per, excludeFirst, fractional) and the date and time-span aggregates. */
export const aggregates = {
  perNotApplicable: (p: { aggregate: string }) => `per does not apply to aggregate '${p.aggregate}'`,
  perNotApplicableHelp:
    'per merges transactions per period for sum, count, avg, min and max, and is the unit of age and span; remove it',
  excludeFirstNotApplicable: (p: { aggregate: string }) =>
    `excludeFirst does not apply to aggregate '${p.aggregate}'`,
  excludeFirstNotApplicableHelp: 'excludeFirst applies to sum, count, avg, min and max with per; remove it',
  excludeFirstNeedsPer: "excludeFirst leaves out the customer's first purchase period, so it needs per",
  excludeFirstNeedsPerHelp: 'add per: day, per: week or per: month',
  fractionalNotApplicable: (p: { aggregate: string }) =>
    `fractional does not apply to aggregate '${p.aggregate}'`,
  fractionalNotApplicableHelp: 'fractional measures age and span in fractional weeks or months; remove it',
  givesDate: (p: { aggregate: string; type: string }) =>
    `aggregate '${p.aggregate}' gives a date, but the fact is ${p.type}`,
  givesDateHelp: 'declare type: date',
  givesNumber: (p: { aggregate: string; type: string }) =>
    `aggregate '${p.aggregate}' gives a number, but the fact is ${p.type}`,
  givesNumberHelp: 'declare type: number (or integer for a count)',
  fractionalInteger: (p: { aggregate: string }) =>
    `fractional ${p.aggregate} gives fractions, but the fact is integer`,
  fractionalIntegerHelp: 'declare type: number',
};

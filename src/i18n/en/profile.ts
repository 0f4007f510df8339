/** Headings, column names and notes of the data profile report. */
import { formatCount } from '../../format/number.js';

const FACT_TYPES: Record<string, string> = {};
const KINDS: Record<string, string> = { otherwise: 'classifier (otherwise)' };

export const profile = {
  title: (p: { file: string }) => `Data profile: ${p.file}`,
  noFact: (p: { check: 'names' | 'phones' }): string =>
    p.check === 'names'
      ? 'no company-name fact recognised in the policy; name one with --name-fact'
      : 'no phone fact recognised in the policy; name one with --phone-fact',
  read: (p: { fact: string; column: string; groups: number; customers: number }) =>
    `read ${p.fact} (column ${p.column}): ${formatCount(p.groups)} ${p.groups === 1 ? 'group' : 'groups'}, ${formatCount(p.customers)} ${p.customers === 1 ? 'customer' : 'customers'} in them`,
  moreNotListed: (p: { n: number }) => `${formatCount(p.n)} more not listed`,
  staleNotComputed:
    'not computed: no transaction log (--transactions) and no last-activity fact in the policy (--activity-fact)',
  staleFromTransactions: 'the transaction log',
  staleFromFact: (p: { fact: string }) => `fact ${p.fact}`,
  staleRuleMonthsFact: (p: { fact: string; months: number }) => `${p.fact} ≥ ${p.months} months`,
  staleRuleNoActivity: (p: { months: number; cutoff: string }) =>
    `no activity for ${p.months} months (last activity on or before ${p.cutoff})`,
  staleBasis: (p: { from: string; date: string; timezone: string; rule: string }) =>
    `from ${p.from}, as of ${p.date} (${p.timezone}): ${p.rule}`,
  staleCount: (p: { stale: number; customers: number; share: string; none: number }) =>
    `stale ${formatCount(p.stale)} of ${formatCount(p.customers)} (${p.share}); no activity on record ${formatCount(p.none)}`,
  /** A fact's type as the policy declares it. */
  factType: (p: { type: string }) => FACT_TYPES[p.type] ?? p.type,
  /** What part of the policy a rule, band or cell is. */
  kindOf: (p: { kind: string }) => KINDS[p.kind] ?? p.kind,
  bandMissing: 'no value',
  anyValue: 'any value',
  /** The CSV's measure for a line of text. */
  note: 'note',
  /** A band's range from its two sides (≥ 50, < 80). */
  rangeBoth: (p: { min: string; max: string }) => `${p.min} and ${p.max}`,
  bandNone: 'no band or category',
  overview: 'Overview',
  columns: 'Completeness of mapped columns',
  invalid: 'Invalid values (examples)',
  missingColumns: 'Columns the policy maps but the file lacks',
  duplicateKeys: 'Duplicate customer keys (TW0607)',
  names: 'Likely duplicates: company names alike',
  phones: 'Likely duplicates: the same phone number',
  stale: 'Stale customers',
  tiers: 'Tiers on this data',
  rules: 'Rules, classes and triggers',
  bands: 'Scoring bands and categories',
  cells: 'Matrix cells',
  unused: 'Never reached on this data',
  notes: 'Notes',
  item: 'item',
  value: 'value',
  policy: 'policy',
  file: 'file',
  asOf: 'as of',
  rowsRead: 'rows read',
  customers: 'customers',
  malformed: 'malformed rows (TW0606)',
  withInvalid: 'rows with invalid values',
  withoutKey: 'rows without a key',
  duplicateKey: 'rows repeating a key',
  fact: 'fact',
  column: 'column',
  type: 'type',
  filled: 'filled',
  empty: 'empty',
  invalidCount: 'invalid',
  completeness: 'complete',
  flags: 'notes',
  required: 'required',
  pii: 'personal data',
  row: 'row',
  problem: 'problem',
  key: 'key',
  firstRow: 'first row',
  normalized: 'normalised',
  memberName: 'company name',
  memberPhone: 'phone (masked)',
  last: 'last activity',
  monthsWithout: 'months without activity',
  tier: 'tier',
  label: 'label',
  share: 'share',
  kind: 'kind',
  id: 'id',
  holds: 'condition holds',
  decided: 'decided',
  metric: 'metric',
  band: 'band',
  range: 'range',
  rowBand: 'row band',
  columnBand: 'column band',
  untiered: '(no tier)',
  none: 'none found',
  everythingReached: 'every tier, rule, band and cell is reached',
};

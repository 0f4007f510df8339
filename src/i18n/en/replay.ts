import { formatCount } from '../../format/number.js';

const counted = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** `tierwise replay`: its diagnostics, summary lines, report headings, columns and charts. */
export const replay = {
  badMonth: (p: { option: string; input: string }) => `${p.option} '${p.input}' is not a month`,
  badMonthHelp: 'write the month as `YYYY-MM`, e.g. 2024-01 (a run is as of the last day of its month)',
  badEvery: (p: { input: string }) => `--every '${p.input}' is not a whole number of months`,
  badEveryHelp: 'give months or years: P1M (monthly, the default), P3M (quarterly), P1Y',
  backwards: (p: { from: string; to: string }) => `--to ${p.to} is before --from ${p.from}`,
  backwardsHelp: 'give the first month with --from and the last with --to',
  tooManyRuns: (p: { runs: number; max: number }) =>
    `${formatCount(p.runs)} runs asked for; a replay takes at most ${formatCount(p.max)}`,
  tooManyRunsHelp: 'shorten the span, or step further with --every (P3M, P1Y)',
  onePolicyOutputs: '--out, --timeline and --customer replay one policy: give one --policy',
  noCustomer: (p: { id: string }) => `tierwise: no customer ${p.id} in the data`,
  summary: (p: {
    policy: string;
    runs: number;
    customers: number;
    customerMonths: number;
    from: string;
    to: string;
    churn: string;
  }) =>
    `replayed ${p.policy}: ${counted(p.runs, 'run', 'runs')} from ${p.from} to ${p.to} × ${counted(p.customers, 'customer', 'customers')} (${formatCount(p.customerMonths)} customer-months); average tier churn ${p.churn}`,
  wroteState: (p: { file: string; customers: number }) =>
    `wrote the state after the last run (${counted(p.customers, 'customer', 'customers')}) to ${p.file}`,
  wroteTimeline: (p: { file: string; lines: number }) =>
    `wrote ${counted(p.lines, 'timeline line', 'timeline lines')} to ${p.file}`,
  title: 'Re-rating replay',
  overview: 'Overview',
  item: 'item',
  value: 'value',
  policy: 'policy',
  data: 'customer data',
  transactions: 'transactions',
  runs: 'runs',
  runsValue: (p: { from: string; to: string; every: string; runs: number }) =>
    `${p.from} … ${p.to}, every ${p.every} (${counted(p.runs, 'run', 'runs')})`,
  asOfRule: (p: { zone: string }) => `each run is as of the end of its month's last day (${p.zone})`,
  start: 'starting state',
  startEmpty: 'none: every customer is rated at the first run',
  startState: (p: { customers: number }) =>
    `a state file of ${counted(p.customers, 'customer', 'customers')}`,
  customers: 'customers',
  customerMonths: 'customer-months',
  runsTitle: 'Runs',
  run: 'run',
  asOf: 'as of',
  notRated: 'not rated',
  rated: 'first rated',
  upgrades: 'upgrades',
  downgrades: 'downgrades',
  reviewed: 'reviewed',
  held: 'held by band',
  inGrace: 'in grace',
  flagged: 'flags raised',
  warned: 'churn warnings',
  triggered: 'triggered',
  undecided: 'undecided',
  changed: 'changed tier',
  churn: 'churn',
  churnNote:
    'churn: customers whose tier changed (up or down) at the run, over the customers; first ratings do not count',
  movesTitle: 'Moves between tiers, all runs (rows: before a run, columns: after it)',
  stabilityTitle: 'Stability',
  averageChurn: 'average churn',
  maxChurn: 'highest churn',
  worstRun: 'at run',
  changes: 'tier changes',
  steadier: (p: { policy: string; churn: string; other: string; otherChurn: string }) =>
    `${p.policy} is the steadier: average churn ${p.churn} against ${p.otherChurn} for ${p.other}`,
  asSteady: (p: { churn: string }) => `the policies are as steady: average churn ${p.churn} each`,
  compareTitle: 'Churn per run, side by side',
  chartShares: 'Share of customers per tier',
  chartFlows: 'Tier moves per run (upgrades above the line, downgrades below)',
  chartChurn: 'Tier churn per run',
  share: 'share',
  timelineTitle: (p: { customer: string }) => `Timeline of customer ${p.customer}`,
  tier: 'tier',
  computed: 'computed tier',
  score: 'score',
  events: 'events',
  flags: 'flags',
  graceUntil: 'grace until',
  noEvents: '—',
};

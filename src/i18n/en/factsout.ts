import { formatCount } from '../../format/number.js';

const counted = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * Facts out: `tierwise facts`, `eval --facts`, customers read from the transaction log alone,
 * and policies that compute facts and classes without tiers.
 */
export const factsout = {
  // TW0640: neither a customer file nor a transaction log
  noCustomerData:
    'no customer data: give a customer file (--data), a transaction log (--transactions), or both',
  noCustomerDataHelp:
    'without --data the customers are the distinct customer ids of the transaction log, in the order it first names them',
  // TW0641: the customers come from the log
  customersFromLog: (p: { customers: number; file: string; facts: string }) =>
    `no customer file: the customers are the ${counted(p.customers, 'distinct customer id', 'distinct customer ids')} of the transaction log ${p.file}${
      p.facts === '' ? '' : `; the column facts ${p.facts} have no values`
    }`,
  customersFromLogHelp:
    'a column fact without a value takes its default, and its metric’s missing-value rule applies; give --data to read them',
  // TW0642: --customer names a customer the data does not have
  customerNotFound: (p: { ids: string; file: string }) => `no customer ${p.ids} in ${p.file}`,
  customerNotFoundHelp: 'check the ids against the key column; facts of the customers found are written',
  // TW0323: a policy without tiers
  nothingTiered:
    'the policy has no tiers: it computes facts (and classes, if it has classifiers) and tiers no one',
  nothingTieredHelp:
    'that is what `tierwise facts` and classes need; add a `tiers:` section to tier customers',
  // TW0320 from a command that compares tiers
  needsTiers: (p: { command: string }) => `tierwise ${p.command} compares tiers, and the policy has no tiers`,
  needsTiersHelp: 'add a `tiers:` section, or use `tierwise facts` or `tierwise eval` for facts and classes',
  // a tierless policy's decision, in explanations
  noTiersReason: 'the policy has no tiers',
  // usage errors of the commands
  factsFormat: (p: { format: string }) =>
    `tierwise eval: --facts adds facts to csv, ndjson and json results, not to --format ${p.format}`,
  factsSummary: 'tierwise eval: --facts adds facts to each customer’s result; --summary prints none',
  // the line on stderr after `tierwise facts`
  factsWritten: (p: { customers: number; facts: number; rows: number; skipped: string }) =>
    `facts of ${counted(p.customers, 'customer', 'customers')} (${counted(p.facts, 'fact', 'facts')} each) from ${counted(p.rows, 'row', 'rows')}${p.skipped}`,
};

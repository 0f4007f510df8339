import { exampleData } from './dataset.js';
import { seedFiles } from './seeds.js';

export { CUSTOMER_COLUMNS, TRANSACTION_COLUMNS } from './columns.js';
export { RFM_AS_OF } from './seeds.js';
export { AS_OF } from './window.js';

/**
 * Every generated file, as paths under examples/ → contents, without writing anything:
 * examples/generate.ts writes them, test/examples/generate.test.ts compares them with the
 * committed ones.
 */
export function exampleFiles(): Record<string, string> {
  const data = exampleData();
  const seeds = Object.entries(seedFiles()).map(([name, text]) => [`seeds/${name}`, text]);
  return {
    'data/customers.csv': data.customers,
    'data/transactions.csv': data.transactions,
    ...Object.fromEntries(seeds),
  };
}

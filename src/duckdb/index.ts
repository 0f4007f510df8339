/** Customer files and transaction logs loaded into DuckDB as the typed tables compileSql reads. */
export { type LoadCustomersOptions, loadCustomers } from './customers.js';
export { type Duck, type DuckOptions, memoryLimitProblem, openDuck, outOfMemory } from './duck.js';
export type { LoadOptions, LoadSummary, ProvisionalLoad } from './summary.js';
export { loadTransactions } from './transactions.js';

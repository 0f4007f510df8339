/** One row of a transaction log as the data layer hands it to src/facts. */
export interface Transaction {
  /** Epoch ms, converted by the data layer from the date column in the policy's time zone. */
  at: number;
  /** Typed fields named in sources.transactions.fields: amount, quantity, product, … */
  fields: Readonly<Record<string, unknown>>;
  /** The row of the log it was read from, to name in a diagnostic about an aggregate (TW0632). */
  row?: number;
}

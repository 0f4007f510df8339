/**
 * The data a population report was computed from, as its header names it: the customer file, or
 * the transaction log when the customers were read from the log alone (TW0641).
 */
export function dataName(data: { customers?: string; transactions?: string }): string {
  return data.customers ?? data.transactions ?? '';
}

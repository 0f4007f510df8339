/** How many customers may go without a tier before a run fails: a count, or a share of those evaluated. */
export type UntieredAllowance = { count: number } | { share: number };

export const NO_UNTIERED: UntieredAllowance = { count: 0 };

/** `--allow-untiered`: `0`, `25` (customers), `5%`, `all`. Returns an error text for anything else. */
export function parseAllowance(text: string): UntieredAllowance | string {
  const trimmed = text.trim();
  if (trimmed === 'all') return { share: 1 };
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(trimmed);
  if (percent) {
    const share = Number(percent[1]) / 100;
    return share <= 1 ? { share } : 'a share is at most 100%';
  }
  if (/^\d+$/.test(trimmed)) return { count: Number(trimmed) };
  return 'expected a number of customers (25), a share (5%) or all';
}

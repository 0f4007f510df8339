/** Past this a one-line example stops helping: the reader wants the fields that matter. */
const MAX_LENGTH = 200;

/**
 * A counterexample on one line: `spend12m = 30000, region = "east"` for a customer record,
 * compact JSON for anything else. Strings keep their quotes so "30000" and 30000 stay distinct.
 */
export function formatExample(example: unknown): string {
  const text =
    example !== null && typeof example === 'object' && !Array.isArray(example)
      ? Object.entries(example)
          .map(([key, value]) => `${key} = ${compact(value)}`)
          .join(', ')
      : compact(example);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function compact(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // BigInt and cycles have no JSON form; an example is for reading, so their String() will do.
    return String(value);
  }
}

import { defaultsApplier } from '../engine/defaults.js';
import { instantText } from '../facts/instant.js';
import { DEFAULT_TIMEZONE } from '../facts/zone.js';
import type { Fact } from '../policy/schema/facts.js';
import type { Policy } from '../policy/schema/policy.js';
import { maskValue } from '../privacy/mask.js';

/** One exported fact: its id (the machine-readable column name) and its declaration. */
export interface FactColumn {
  id: string;
  fact: Fact;
}

/**
 * The facts of a policy as rows: `tierwise facts` and `eval --facts` both take every customer's
 * values from `values`, so what a fact looks like outside tierwise is decided here once.
 */
export interface FactRows {
  /** The key fact first, then every other fact in the order the policy declares them. */
  readonly columns: readonly FactColumn[];
  /**
   * One customer's exported values, in `columns` order; undefined where the customer has none.
   * A fact's `default` stands in for a missing value (as evaluation sees it), personal data is
   * masked (always: there is no way to export a raw `pii` value), a date is ISO 8601 with the
   * offset of the policy's zone, and a number that is not finite is missing.
   */
  values(facts: Readonly<Record<string, unknown>>): unknown[];
  /**
   * The same values keyed by fact id, `null` where missing (JSON's shape: every row has every
   * key), from column `from` on (1 leaves out the key).
   */
  record(facts: Readonly<Record<string, unknown>>, from?: number): Record<string, unknown>;
}

/**
 * The one place every exported row's facts pass through. Derived facts (`expr:`) arrive computed
 * beside the facts read (src/facts/derive.ts derivedFactsAdder, applied by the run and the export),
 * and are masked, dated and written here like every other fact.
 */
export function factRows(policy: Policy): FactRows {
  const entries = Object.entries(policy.facts ?? {});
  const key = entries.filter(([, f]) => f.key);
  const columns = [...key, ...entries.filter(([, f]) => !f.key)].map(([id, fact]) => ({ id, fact }));
  const withDefaults = defaultsApplier(policy);
  const zone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const shape = columns.map(({ fact }) => valueShaper(fact, zone));
  const values = (facts: Readonly<Record<string, unknown>>) => {
    const complete = withDefaults(facts);
    const out = new Array<unknown>(columns.length);
    for (let i = 0; i < columns.length; i++) out[i] = shape[i]!(complete[columns[i]!.id]);
    return out;
  };
  return {
    columns,
    values,
    record(facts, from = 0) {
      const row = values(facts);
      const out: Record<string, unknown> = {};
      // defineProperty: a fact id such as `constructor` is an ordinary key, never a prototype's.
      for (let i = from; i < columns.length; i++)
        Object.defineProperty(out, columns[i]!.id, {
          value: row[i] ?? null,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    },
  };
}

function valueShaper(fact: Fact, zone: string): (value: unknown) => unknown {
  const present = (value: unknown) =>
    value !== undefined && value !== null && !(typeof value === 'number' && !Number.isFinite(value));
  const pii = fact.pii === true;
  const date = fact.type === 'date';
  return (value) => {
    if (!present(value)) return undefined;
    // A date kept as an instant (epoch ms) is written as the reader would write it: ISO, with offset.
    const shaped = date && typeof value === 'number' ? isoInstant(value, zone) : value;
    return pii ? maskValue(shaped) : shaped;
  };
}

/** Dates beyond what a JavaScript date holds (±8.64e15 ms) are no date at all. */
function isoInstant(ms: number, zone: string): string | undefined {
  return Math.abs(ms) <= 8.64e15 ? instantText(ms, zone) : undefined;
}

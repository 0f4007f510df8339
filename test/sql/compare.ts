import type { CustomerResult } from '../../src/engine/evaluate.js';

/** A result of the SQL query in the shape of the engine's: what both must agree on. */
export function fromRow(row: Record<string, unknown>, classifiers: readonly string[]) {
  const list = (v: unknown) => (typeof v === 'string' && v !== '' ? v.split(',') : []);
  const classes: Record<string, string[]> = {};
  for (const c of classifiers) classes[c] = list(row[`class_${c}`]);
  return {
    customer: row.customer,
    tier: row.tier ?? undefined,
    score: row.score ?? undefined,
    classes,
    flags: list(row.flags),
    notify: list(row.notify),
    triggers: list(row.triggers),
    rerate: row.rerate,
    sla: typeof row.sla === 'string' ? JSON.parse(row.sla) : undefined,
    entitlements: typeof row.entitlements === 'string' ? JSON.parse(row.entitlements) : undefined,
  };
}

export function fromResult(r: CustomerResult) {
  return {
    customer: r.customer,
    tier: r.tier,
    // Scored when every metric had points; a total is compared bit for bit (−0 apart).
    score: r.score === undefined ? undefined : Object.is(r.score, -0) ? 0 : r.score,
    classes: r.classes,
    flags: r.flags,
    notify: r.notify,
    triggers: r.triggers,
    rerate: r.rerate,
    sla: r.sla,
    entitlements: r.entitlements,
  };
}

/** Rows keyed by customer: SQL gives no order without ORDER BY. */
export function byCustomer<T extends { customer: unknown }>(items: readonly T[]): Map<unknown, T> {
  return new Map(items.map((i) => [i.customer, i]));
}

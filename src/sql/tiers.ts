import { rangeOf } from '../engine/tiers/thresholds.js';
import { fromBounds } from '../policy/analysis/interval.js';
import { parsePercentMicros } from '../policy/analysis/percent.js';
import { numericBounds } from '../policy/date-value.js';
import type { Condition } from '../policy/schema/condition.js';
import type { Tiers } from '../policy/schema/tiers.js';
import { conditionSql } from './conditions.js';
import type { Dialect } from './dialect.js';
import type { Column, Scope } from './scope.js';
import { inInterval } from './scoring.js';

/**
 * The level index (0 = best tier) a customer gets, or NULL, for the per-customer methods, as
 * src/compile/policy.ts decides: thresholds on the rounded score, the first criteria rule that
 * holds, or the matrix cell of the two axes' first matching bands.
 */
export function levelSql(
  tiers: Tiers,
  scope: Scope,
  named: Readonly<Record<string, Condition>>,
  score: Column,
  axisValue: (axis: 'rows' | 'columns') => Column,
): string {
  const d = scope.dialect;
  switch (tiers.method) {
    case 'thresholds': {
      const arms = tiers.levels.map(
        (level, i) => `WHEN ${inInterval(score.sql, fromBounds(rangeOf(level)), d)} THEN ${i}`,
      );
      return `CASE WHEN ${score.sql} IS NULL THEN NULL ${arms.join(' ')} ELSE NULL END`;
    }
    case 'criteria': {
      const arms: string[] = [];
      for (const [i, level] of tiers.levels.entries()) {
        if (level.otherwise) {
          arms.push(`WHEN TRUE THEN ${i}`);
          break;
        }
        if (level.when)
          arms.push(`WHEN ${conditionSql(level.when, named, scope, `/tiers/levels/${i}/when`)} THEN ${i}`);
      }
      return arms.length === 0 ? 'NULL' : `CASE ${arms.join(' ')} ELSE NULL END`;
    }
    case 'matrix': {
      const matrix = tiers.matrix!;
      const band = (axis: 'rows' | 'columns') => {
        const value = axisValue(axis);
        if (value.kind !== 'number') return { value, arms: [] as string[] };
        const arms = matrix[axis].bands.map(
          (b, k) => `WHEN ${inInterval(value.sql, fromBounds(numericBounds(b)), d)} THEN ${k}`,
        );
        return { value, arms };
      };
      const rows = band('rows');
      const columns = band('columns');
      if (rows.arms.length === 0 || columns.arms.length === 0) return 'NULL';
      const levelOf = new Map(tiers.levels.map((l, i) => [l.id, i]));
      const cells: string[] = [];
      matrix.rows.bands.forEach((r, ri) => {
        matrix.columns.bands.forEach((c, ci) => {
          const tier = Object.hasOwn(matrix.cells, r.id) ? matrix.cells[r.id]?.[c.id] : undefined;
          const level =
            tier !== undefined && Object.hasOwn(matrix.cells[r.id]!, c.id) ? levelOf.get(tier) : undefined;
          if (level !== undefined) cells.push(`WHEN ${ri * 100_000 + ci} THEN ${level}`);
        });
      });
      const row = `CASE ${rows.arms.join(' ')} ELSE NULL END`;
      const column = `CASE ${columns.arms.join(' ')} ELSE NULL END`;
      if (cells.length === 0) return 'NULL';
      return `CASE (${row}) * 100000 + (${column}) ${cells.join(' ')} ELSE NULL END`;
    }
    default:
      return 'NULL';
  }
}

/**
 * Quota tiers over the whole population (src/engine/tiers/quota.ts): rank by the value high to
 * low, then the tie-break facts, then the key ascending by code point; level k ends at rank
 * round(N × cumulative share) in exact integer arithmetic on millionths of a percent.
 */
export function quotaSql(tiers: Tiers, rankValue: Column, tieBreak: Column[], key: string, d: Dialect) {
  const quota = tiers.quota ?? {};
  const keys = (quota.tieBreak ?? []).map((k, i) => {
    const column = tieBreak[i]!;
    const sql = column.kind === 'string' ? d.binaryOrder(column.sql) : column.sql;
    // quota.ts multiplies the comparison by −1 for desc, which also puts missing values first.
    return k.order === 'asc' ? `${sql} ASC NULLS LAST` : `${sql} DESC NULLS FIRST`;
  });
  const value = rankValue.kind === 'number' ? rankValue.sql : 'NULL';
  const order = [`${value} DESC`, ...keys, `${d.binaryOrder(key)} ASC`].join(', ');
  const rank = `CASE WHEN ${value} IS NULL THEN NULL ELSE ROW_NUMBER() OVER (PARTITION BY CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END ORDER BY ${order}) END`;
  const count = `COUNT(${value}) OVER ()`;
  const HUNDRED = 100_000_000;
  const rounding = quota.rounding ?? 'nearest';
  let cumulative = 0;
  const ends = tiers.levels.map((level, k) => {
    cumulative += parsePercentMicros(level.share ?? '0%');
    if (k === tiers.levels.length - 1) return undefined;
    const share = cumulative;
    const exact = (n: string) => `${n} * ${d.int(share)}`;
    if (rounding === 'floor') return (n: string) => d.intDiv(exact(n), d.int(HUNDRED));
    if (rounding === 'ceil')
      return (n: string) => d.intDiv(`${exact(n)} + ${d.int(HUNDRED - 1)}`, d.int(HUNDRED));
    return (n: string) => d.intDiv(`${d.int(2)} * ${exact(n)} + ${d.int(HUNDRED)}`, d.int(2 * HUNDRED));
  });
  const level = (rankColumn: string, countColumn: string) => {
    const arms = ends
      .map((end, k) => (end ? `WHEN ${rankColumn} <= ${end(countColumn)} THEN ${k}` : ''))
      .filter(Boolean);
    return `CASE WHEN ${rankColumn} IS NULL THEN NULL ${arms.join(' ')} ELSE ${tiers.levels.length - 1} END`;
  };
  const together = quota.ties === 'together';
  const partition = [value, ...tieBreak.map((c) => c.sql)].join(', ');
  const tied = (levelColumn: string) =>
    together
      ? `CASE WHEN ${levelColumn} IS NULL THEN NULL ELSE MIN(${levelColumn}) OVER (PARTITION BY ${partition}) END`
      : levelColumn;
  return { rank, count, level, tied };
}

import type { Measurement } from '../harness.js';

/**
 * Each row's `compared`: how many times the compiled path's throughput (both of its forms) is
 * this row's. Above 1 the compiled path is faster.
 */
export function compareWithCompiled(
  rows: Measurement[],
  compiled: { evaluate: Measurement; batch: Measurement },
): Measurement[] {
  return rows.map((row) => {
    if (row.skipped || row === compiled.evaluate || row === compiled.batch) return row;
    const evaluate = ratio(compiled.evaluate.perSecond / row.perSecond);
    const batch = ratio(compiled.batch.perSecond / row.perSecond);
    return { ...row, compared: `evaluate ${evaluate} · batch ${batch}` };
  });
}

function ratio(x: number): string {
  return `${x >= 10 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2)}×`;
}

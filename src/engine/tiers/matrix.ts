import type { Tiers } from '../../policy/schema/tiers.js';
import type { Decision } from '../decision.js';
import { matchBand } from '../scoring/functions.js';
import type { ScoreBreakdown } from '../scoring/scorecard.js';

type Matrix = NonNullable<Tiers['matrix']>;
type Axis = Matrix['rows'];

/** The cell of the row band × column band the customer falls in. */
export function decideMatrix(
  tiers: Tiers,
  facts: Readonly<Record<string, unknown>>,
  score: ScoreBreakdown | undefined,
): Decision {
  const matrix = tiers.matrix!;
  const row = place(matrix.rows, facts, score);
  const column = place(matrix.columns, facts, score);
  return cellDecision(
    matrix,
    (tier) => {
      const level = tiers.levels.findIndex((l) => l.id === tier);
      return level < 0 ? undefined : level;
    },
    row,
    column,
  );
}

/** Where a customer landed on one axis: a band and the value, or why no band. */
export type Placement = { band: string; value: number } | string;

/** The cell of a row × column placement, shared by the reference and the compiled path. */
export function cellDecision(
  matrix: Matrix,
  levelOf: (tier: string | undefined) => number | undefined,
  row: Placement,
  column: Placement,
): Decision {
  if (typeof row === 'string') return { method: 'none', reason: `rows: ${row}` };
  if (typeof column === 'string') return { method: 'none', reason: `columns: ${column}` };
  const level = levelOf(matrix.cells[row.band]?.[column.band]);
  if (level === undefined) return { method: 'none', reason: `no tier in cell ${row.band} × ${column.band}` };
  return {
    method: 'matrix',
    level,
    row: row.band,
    column: column.band,
    rowValue: row.value,
    columnValue: column.value,
  };
}

export function axisValue(
  axis: Axis,
  facts: Readonly<Record<string, unknown>>,
  score: ScoreBreakdown | undefined,
): unknown {
  if (axis.fact !== undefined) return facts[axis.fact];
  if (axis.dimension !== undefined)
    return score?.dimensions.find((d) => d.dimension === axis.dimension)?.points;
  return score?.total;
}

function place(
  axis: Axis,
  facts: Readonly<Record<string, unknown>>,
  score: ScoreBreakdown | undefined,
): { band: string; value: number } | string {
  const value = axisValue(axis, facts, score);
  if (typeof value !== 'number') return `no value for ${axis.fact ?? axis.dimension ?? 'score'}`;
  const band = matchBand(axis.bands, value);
  return band ? { band: band.id, value } : `no band holds ${value}`;
}

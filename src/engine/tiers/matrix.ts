import { formatNumber } from '../../format/number.js';
import { msg, type Text } from '../../i18n/text.js';
import { numericBounds } from '../../policy/date-value.js';
import type { Policy } from '../../policy/schema/policy.js';
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
  names: Names = {},
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
    names,
  );
}

/** The policy's facts and dimensions, for the labels a reason names an axis by. */
export type Names = Pick<Policy, 'facts' | 'dimensions'>;

/** Where a customer landed on one axis: a band and the value, or why no band. */
export type Placement = { band: string; value: number } | { why: 'noValue' | 'noBand'; value?: number };

/** The axis's name in a reason: its label, else its fact's or dimension's, else the id; or "score". */
function axisName(axis: Axis, names: Names): Text | NonNullable<Axis['label']> | string {
  if (axis.label) return axis.label;
  if (axis.fact !== undefined) return names.facts?.[axis.fact]?.label ?? axis.fact;
  if (axis.dimension !== undefined) return names.dimensions?.[axis.dimension]?.label ?? axis.dimension;
  return msg('explain.theScore');
}

function unplaced(
  axis: Axis,
  which: 'rows' | 'columns',
  p: { why: 'noValue' | 'noBand'; value?: number },
  names: Names,
): Text {
  return p.why === 'noValue'
    ? msg('explain.axisNoValue', { axis: which, name: axisName(axis, names) })
    : msg('explain.axisNoBand', { axis: which, value: formatNumber(p.value!, 6) });
}

/** The cell of a row × column placement, shared by the reference and the compiled path. */
export function cellDecision(
  matrix: Matrix,
  levelOf: (tier: string | undefined) => number | undefined,
  row: Placement,
  column: Placement,
  names: Names = {},
): Decision {
  if ('why' in row) return { method: 'none', reason: unplaced(matrix.rows, 'rows', row, names) };
  if ('why' in column) return { method: 'none', reason: unplaced(matrix.columns, 'columns', column, names) };
  const level = levelOf(matrix.cells[row.band]?.[column.band]);
  if (level === undefined)
    return {
      method: 'none',
      reason: msg('explain.emptyCell', {
        row: bandName(matrix.rows, row.band),
        column: bandName(matrix.columns, column.band),
      }),
    };
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
): Placement {
  const value = axisValue(axis, facts, score);
  if (typeof value !== 'number') return { why: 'noValue' };
  const index = matchBand(axis.bands.map(numericBounds), value)?.index;
  const band = index === undefined ? undefined : axis.bands[index];
  return band ? { band: band.id, value } : { why: 'noBand', value };
}

/** A band of an axis by its label, else its id. */
export function bandName(axis: Axis, band: string): NonNullable<Axis['label']> | string {
  return axis.bands.find((b) => b.id === band)?.label ?? band;
}

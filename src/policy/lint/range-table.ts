import { joinPointer } from '../../diagnostics/pointer.js';
import {
  describeInterval,
  formatNumber,
  fromBounds,
  INTEGER,
  type RangeBounds,
  REAL,
} from '../analysis/interval.js';
import { analyseRanges, conflictingBounds, factDomain, hasUpperBound } from '../analysis/ranges.js';
import type { FactInfo } from '../catalogue.js';
import type { LintContext } from './context.js';

export interface TableSubject {
  fact: FactInfo;
  /** For messages: "metric 'spend12m'", "matrix rows". */
  what: string;
  unit?: string;
}

/**
 * A band table (metric bands, matrix axis bands) under first-match semantics: conflicting
 * bounds, rows that can never match, values no row covers, and explicit rows that overlap.
 */
export function checkRangeTable(
  context: LintContext,
  rows: readonly RangeBounds[],
  pointer: string,
  subject: TableSubject,
): void {
  let sound = true;
  rows.forEach((row, i) => {
    const conflict = conflictingBounds(row);
    if (conflict) {
      sound = false;
      context.report('TW0209', `band ${i + 1} states ${conflict}`, joinPointer(pointer, i), {
        help: 'keep one: atLeast (≥) or above (>) for the lower end, below (<) or atMost (≤) for the upper end',
      });
    }
  });
  if (!sound) return;
  const grid = subject.fact.type === 'integer' ? INTEGER : REAL;
  const { gaps, unreachable, overlaps } = analyseRanges(
    rows.map((row) => ({ interval: fromBounds(row) })),
    factDomain(subject.fact),
    grid,
  );
  const unit = subject.unit ? ` ${subject.unit}` : '';
  for (const i of unreachable) {
    context.report(
      'TW0208',
      `band ${i + 1} (${describeInterval(fromBounds(rows[i]!))}) never matches: earlier bands take all its values`,
      joinPointer(pointer, i),
      {
        help: 'bands are matched in order, first match wins: order them by value, or fix the bound',
      },
    );
  }
  for (const gap of gaps) {
    context.report(
      'TW0206',
      `values ${describeInterval(gap.interval)}${unit} fall in no band of ${subject.what}`,
      pointer,
      {
        part: 'key',
        example: gap.example,
        help: `extend a band to cover ${formatNumber(gap.example)}${unit}${subject.fact.min === undefined ? ', or declare the fact’s min/max if such values cannot occur' : ''}`,
      },
    );
  }
  for (const overlap of overlaps) {
    const row = rows[overlap.later]!;
    // Shorthand tables ({below: 10000}, {below: 50000}, {}) overlap by design; only a row that
    // states both of its ends claims values it may not get.
    const explicit = hasUpperBound(row) && (row.atLeast !== undefined || row.above !== undefined);
    if (!explicit) continue;
    context.report(
      'TW0207',
      `band ${overlap.later + 1} overlaps band ${overlap.earlier + 1} at ${describeInterval(overlap.interval)}${unit}; those values go to band ${overlap.earlier + 1}`,
      joinPointer(pointer, overlap.later),
      {
        example: overlap.example,
        help: 'make the boundary explicit on one side only: e.g. below: X in one band and atLeast: X in the next',
      },
    );
  }
}

import { joinPointer } from '../../diagnostics/pointer.js';
import { msg, type Text } from '../../i18n/text.js';
import {
  formatNumber,
  fromBounds,
  INTEGER,
  intervalText,
  type RangeBounds,
  REAL,
} from '../analysis/interval.js';
import { analyseRanges, conflictingBounds, factDomain, hasUpperBound } from '../analysis/ranges.js';
import type { FactInfo } from '../catalogue.js';
import type { LintContext } from './context.js';

export interface TableSubject {
  fact: FactInfo;
  /** For messages: "metric 'spend12m'", "the rows axis". */
  what: Text;
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
      context.report('TW0209', msg('lint.bandStates', { band: i + 1, conflict }), joinPointer(pointer, i), {
        help: msg('lint.bandStatesHelp'),
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
  const unit = subject.unit ? subject.unit : undefined;
  for (const i of unreachable) {
    context.report(
      'TW0208',
      msg('lint.bandNeverMatches', { band: i + 1, range: intervalText(fromBounds(rows[i]!)) }),
      joinPointer(pointer, i),
      { help: msg('lint.bandNeverMatchesHelp') },
    );
  }
  for (const gap of gaps) {
    context.report(
      'TW0206',
      msg('lint.bandGap', { range: intervalText(gap.interval), unit, what: subject.what }),
      pointer,
      {
        part: 'key',
        example: gap.example,
        help: msg('lint.bandGapHelp', {
          example: formatNumber(gap.example),
          unit,
          bounded: subject.fact.min !== undefined,
        }),
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
      msg('lint.bandOverlap', {
        later: overlap.later + 1,
        earlier: overlap.earlier + 1,
        range: intervalText(overlap.interval),
        unit,
      }),
      joinPointer(pointer, overlap.later),
      { example: overlap.example, help: msg('lint.bandOverlapHelp') },
    );
  }
}

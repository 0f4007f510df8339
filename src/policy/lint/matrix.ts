import { joinPointer } from '../../diagnostics/pointer.js';
import { suggestion } from '../../diagnostics/suggest.js';
import { msg } from '../../i18n/text.js';
import { type FactInfo, isNumeric } from '../catalogue.js';
import { numericBounds, readDateValue } from '../date-value.js';
import type { LintContext } from './context.js';
import { checkRangeTable } from './range-table.js';

type Axis = NonNullable<NonNullable<LintContext['policy']['tiers']>['matrix']>['rows'];

const SCORE_AXIS: FactInfo = { type: 'number', min: 0, max: 100, unit: 'points' };

/** Value × activity style tiers: both axes banded, every cell of the grid naming a tier. */
export function matrix(context: LintContext): void {
  const tiers = context.policy.tiers;
  const grid = tiers?.matrix;
  if (tiers?.method !== 'matrix' || !grid) return;
  const rows = checkAxis(context, grid.rows, '/tiers/matrix/rows', 'rows');
  const columns = checkAxis(context, grid.columns, '/tiers/matrix/columns', 'columns');
  const tierIds = tiers.levels.map((l) => l.id);
  const used = new Set<string>();
  for (const [row, cells] of Object.entries(grid.cells)) {
    const rowPointer = joinPointer('/tiers/matrix/cells', row);
    if (!rows.includes(row)) {
      context.report('TW0317', msg('tiers.rowBandUnknown', { band: row }), rowPointer, {
        part: 'key',
        help: suggestion(row, rows, 'rowBands'),
      });
    }
    for (const [column, tier] of Object.entries(cells)) {
      const cellPointer = joinPointer(rowPointer, column);
      if (!columns.includes(column)) {
        context.report('TW0317', msg('tiers.columnBandUnknown', { band: column }), cellPointer, {
          part: 'key',
          help: suggestion(column, columns, 'columnBands'),
        });
      }
      if (!tierIds.includes(tier)) {
        context.report('TW0504', msg('tiers.cellUnknownTier', { row, column, tier }), cellPointer, {
          help: suggestion(tier, tierIds, 'tiers'),
        });
      }
      used.add(tier);
    }
  }
  for (const row of rows) {
    for (const column of columns) {
      if (grid.cells[row]?.[column] === undefined) {
        context.report('TW0317', msg('tiers.missingCell', { row, column }), '/tiers/matrix/cells', {
          part: 'key',
          example: { row, column },
          help: msg('tiers.missingCellHelp', { row, column }),
        });
      }
    }
  }
  tiers.levels.forEach((level, i) => {
    if (!used.has(level.id))
      context.report('TW0316', msg('tiers.notInMatrix', { tier: level.id }), `/tiers/levels/${i}`);
  });
}

/** Returns the axis's band ids after checking what it reads and how its bands cover it. */
function checkAxis(context: LintContext, axis: Axis, pointer: string, name: 'rows' | 'columns'): string[] {
  const sources = (['fact', 'dimension', 'score'] as const).filter(
    (k) => axis[k] !== undefined && axis[k] !== false,
  );
  let subject: FactInfo | undefined;
  if (sources.length !== 1) {
    context.report('TW0317', msg('tiers.axisSources', { axis: name, sources }), pointer, { part: 'key' });
  } else if (axis.fact !== undefined) {
    subject = context.facts.get(axis.fact);
    if (!subject) {
      context.report('TW0201', msg('lint.unknownFact', { id: axis.fact }), joinPointer(pointer, 'fact'), {
        help: suggestion(axis.fact, context.facts.keys(), 'facts'),
      });
    } else if (subject.type === 'date') {
      // A date axis is banded by dates: written out or back from the as-of. Its gaps are not
      // analysed (an `ago` band moves with the as-of against one written out); a last band without
      // bounds still covers every date.
      checkDateBands(context, axis, pointer);
      subject = undefined;
    } else if (!isNumeric(subject.type)) {
      context.report(
        'TW0202',
        msg('tiers.axisFactNotNumber', { axis: name, fact: axis.fact, type: subject.type }),
        joinPointer(pointer, 'fact'),
      );
      subject = undefined;
    }
  } else if (axis.dimension !== undefined) {
    const dimensions = Object.keys(context.policy.dimensions ?? {});
    if (!dimensions.includes(axis.dimension)) {
      context.report(
        'TW0317',
        msg('tiers.unknownDimension', { id: axis.dimension }),
        joinPointer(pointer, 'dimension'),
        {
          help: suggestion(axis.dimension, dimensions, 'dimensions'),
        },
      );
    } else subject = SCORE_AXIS;
  } else {
    if (!context.policy.dimensions)
      context.report(
        'TW0319',
        msg('tiers.axisScoreNoDimensions', { axis: name }),
        joinPointer(pointer, 'score'),
      );
    subject = SCORE_AXIS;
  }
  const ids = axis.bands.map((b) => b.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      context.report(
        'TW0318',
        msg('tiers.bandIdTwice', { id, axis: name }),
        joinPointer(pointer, 'bands', i, 'id'),
      );
  });
  if (subject && numbersOnly(context, axis, pointer))
    checkRangeTable(context, axis.bands.map(numericBounds), joinPointer(pointer, 'bands'), {
      fact: subject,
      what: msg('tiers.axis', { axis: name }),
      unit: subject.unit,
    });
  return ids;
}

const BOUNDS = ['atLeast', 'above', 'below', 'atMost'] as const;

function checkDateBands(context: LintContext, axis: Axis, pointer: string): void {
  axis.bands.forEach((band, i) => {
    for (const key of BOUNDS) {
      const value = band[key];
      if (value === undefined || readDateValue(value)) continue;
      context.report(
        'TW0202',
        msg('lint.dateValueExpected', { json: String(JSON.stringify(value)) }),
        joinPointer(pointer, 'bands', i, key),
        { help: msg('lint.dateValueHelp') },
      );
    }
  });
}

/** Bands of a number axis are numbers: a date there is a mistake the schema lets through. */
function numbersOnly(context: LintContext, axis: Axis, pointer: string): boolean {
  let ok = true;
  axis.bands.forEach((band, i) => {
    for (const key of BOUNDS) {
      const value = band[key];
      if (value === undefined || typeof value === 'number') continue;
      ok = false;
      context.report(
        'TW0202',
        msg('tiers.boundNotNumber', { json: String(JSON.stringify(value)) }),
        joinPointer(pointer, 'bands', i, key),
      );
    }
  });
  return ok;
}

import { msg, type Text } from '../i18n/text.js';
import type { Aggregate, Fact } from './schema/facts.js';

/**
 * What each aggregate accepts and gives, as plain data: the lint, the evaluator in src/facts and
 * later the editor and the SQL compiler read the same table, so they cannot disagree on which
 * options an aggregate takes. The values themselves are defined in docs/facts.md.
 */
export interface AggregateShape {
  /** The fact must name the transaction field it reads (`of`). */
  needsField: boolean;
  /** The type of its value: a number, or an ISO 8601 date-time (`type: date`). */
  gives: 'number' | 'date';
  /**
   * What `per` means: `merge` sums a customer's transactions per period before aggregating;
   * `unit` is the unit a time span is measured in; absent, `per` does not apply.
   */
  per?: 'merge' | 'unit';
}

const NUMBER: AggregateShape = { needsField: false, gives: 'number' };
const OF_FIELD: AggregateShape = { needsField: true, gives: 'number' };

export const AGGREGATE_SHAPES: Record<Aggregate, AggregateShape> = {
  sum: { ...OF_FIELD, per: 'merge' },
  count: { ...NUMBER, per: 'merge' },
  avg: { ...OF_FIELD, per: 'merge' },
  min: { ...OF_FIELD, per: 'merge' },
  max: { ...OF_FIELD, per: 'merge' },
  distinctDays: NUMBER,
  distinctMonths: NUMBER,
  daysSinceLast: NUMBER,
  daysSinceFirst: NUMBER,
  weeksSinceLast: NUMBER,
  weeksSinceFirst: NUMBER,
  repeatDays: NUMBER,
  repurchaseRate: NUMBER,
  dropStreakMonths: OF_FIELD,
  monthsWithoutPurchase: NUMBER,
  age: { ...NUMBER, per: 'unit' },
  span: { ...NUMBER, per: 'unit' },
  firstDate: { needsField: false, gives: 'date' },
  lastDate: { needsField: false, gives: 'date' },
};

/** An aggregate option the fact's aggregate does not take, or takes only with another. */
export interface OptionMisuse {
  /** The key of the fact to point at. */
  key: 'per' | 'excludeFirst' | 'fractional';
  message: Text;
  help: Text;
}

/**
 * The misuses of `per`, `excludeFirst` and `fractional` on an aggregate fact (TW0211, as the
 * other aggregate-option misuses): each option is refused where it would silently mean nothing.
 */
export function optionMisuses(fact: Fact): OptionMisuse[] {
  const aggregate = fact.aggregate;
  if (aggregate === undefined) return [];
  const shape = AGGREGATE_SHAPES[aggregate];
  const misuses: OptionMisuse[] = [];
  if (fact.per !== undefined && shape.per === undefined) {
    misuses.push({
      key: 'per',
      message: msg('aggregates.perNotApplicable', { aggregate }),
      help: msg('aggregates.perNotApplicableHelp'),
    });
  }
  if (fact.excludeFirst === true) {
    if (shape.per !== 'merge') {
      misuses.push({
        key: 'excludeFirst',
        message: msg('aggregates.excludeFirstNotApplicable', { aggregate }),
        help: msg('aggregates.excludeFirstNotApplicableHelp'),
      });
    } else if (fact.per === undefined) {
      misuses.push({
        key: 'excludeFirst',
        message: msg('aggregates.excludeFirstNeedsPer'),
        help: msg('aggregates.excludeFirstNeedsPerHelp'),
      });
    }
  }
  if (fact.fractional === true && shape.per !== 'unit') {
    misuses.push({
      key: 'fractional',
      message: msg('aggregates.fractionalNotApplicable', { aggregate }),
      help: msg('aggregates.fractionalNotApplicableHelp'),
    });
  }
  return misuses;
}

/** An aggregate's value that the fact's declared type cannot hold (TW0202). */
export function typeMisfit(
  fact: Fact,
): { key: 'type' | 'fractional'; message: Text; help: Text } | undefined {
  const aggregate = fact.aggregate;
  if (aggregate === undefined) return undefined;
  const gives = AGGREGATE_SHAPES[aggregate].gives;
  const numeric = fact.type === 'number' || fact.type === 'integer';
  if (gives === 'date' && fact.type !== 'date') {
    return {
      key: 'type',
      message: msg('aggregates.givesDate', { aggregate, type: fact.type }),
      help: msg('aggregates.givesDateHelp'),
    };
  }
  if (gives === 'number' && !numeric) {
    return {
      key: 'type',
      message: msg('aggregates.givesNumber', { aggregate, type: fact.type }),
      help: msg('aggregates.givesNumberHelp'),
    };
  }
  if (fact.fractional === true && fact.type === 'integer') {
    return {
      key: 'fractional',
      message: msg('aggregates.fractionalInteger', { aggregate }),
      help: msg('aggregates.fractionalIntegerHelp'),
    };
  }
  return undefined;
}

import { joinPointer } from '../../diagnostics/pointer.js';
import { suggestion } from '../../diagnostics/suggest.js';
import { formatNumber } from '../../format/number.js';
import { msg } from '../../i18n/text.js';
import { parseDuration } from '../analysis/duration.js';
import type { LintContext } from './context.js';

/** Months a calendar-anchored cadence may have: a whole number of months that divides a year. */
export const CALENDAR_PERIODS = [1, 2, 3, 4, 6, 12];

/**
 * The re-rating rules fit the tiers they move customers between: a calendar anchor needs periods
 * that tile the year (quarters close on 31 Mar, 30 Jun, …; "every 90 days" has no such close),
 * and a hysteresis band needs a score to compare and a tier it names.
 */
export function rerating(context: LintContext): void {
  const rules = context.policy.rerating;
  if (!rules) return;
  const levels = context.policy.tiers?.levels ?? [];
  if (rules.anchor === 'calendar') {
    for (const [tier, every] of Object.entries(rules.every ?? {})) {
      if (calendarMonths(every) === undefined)
        context.report(
          'TW0509',
          msg('lint.calendarAnchorPeriod', { every, tier }),
          joinPointer('/rerating/every', tier),
          { help: msg('lint.calendarAnchorPeriodHelp') },
        );
    }
  }
  const method = context.policy.tiers?.method;
  const scored = method === 'thresholds' || method === 'quota';
  for (const [tier, band] of Object.entries(rules.hold ?? {})) {
    const pointer = joinPointer('/rerating/hold', tier);
    const level = levels.find((l) => l.id === tier);
    if (!level) {
      context.report('TW0504', msg('lint.reratingHoldUnknownTier', { id: tier }), pointer, {
        part: 'key',
        help: suggestion(
          tier,
          levels.map((l) => l.id),
          'tiers',
        ),
      });
      continue;
    }
    if (!scored) {
      context.report('TW0510', msg('lint.holdNeedsScore', { method: method ?? '' }), pointer, {
        part: 'key',
        help: msg('lint.holdNeedsScoreHelp'),
      });
      continue;
    }
    if (level.minScore !== undefined && band.minScore >= level.minScore)
      context.report(
        'TW0511',
        msg('lint.holdNoBand', {
          tier,
          hold: formatNumber(band.minScore),
          minScore: formatNumber(level.minScore),
        }),
        joinPointer(pointer, 'minScore'),
        { help: msg('lint.holdNoBandHelp') },
      );
  }
}

/** The months of a calendar-anchored cadence (P3M → 3, P1Y → 12); undefined when it has none. */
export function calendarMonths(every: string): number | undefined {
  const d = parseDuration(every);
  if (!d || d.weeks || d.days || d.hours || d.minutes || d.seconds) return undefined;
  const months = d.years * 12 + d.months;
  return Number.isInteger(months) && CALENDAR_PERIODS.includes(months) ? months : undefined;
}

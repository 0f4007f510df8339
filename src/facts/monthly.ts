import { civilDate, daysInMonth, monthOfDay } from './calendar.js';

/**
 * Seed 004 re-rates a customer at once when spend falls 50% two months running ("连续2个月消费
 * 下降50%"): a month counts as a drop when its spend is at most half of the month before.
 */
export const SPEND_DROP_SHARE = 0.5;

/**
 * How many consecutive months, ending with month `last`, each spent at most (1 − share) × the
 * month before. A month after a month without spend is never a drop: there was nothing to fall
 * from. Months before `first` are not compared (their spend is not fully known), so the streak is
 * at most last − first.
 */
export function dropStreakOf(
  spendIn: (month: number) => number,
  first: number,
  last: number,
  share: number = SPEND_DROP_SHARE,
): number {
  let streak = 0;
  for (let month = last; month - 1 >= first; month--) {
    const before = spendIn(month - 1);
    if (!(before > 0) || spendIn(month) > before * (1 - share)) break;
    streak++;
  }
  return streak;
}

/** The drop streak of a monthly series given oldest first, ending with the latest complete month. */
export function dropStreak(monthlySpend: readonly number[], share: number = SPEND_DROP_SHARE): number {
  return dropStreakOf((i) => monthlySpend[i] ?? 0, 0, monthlySpend.length - 1, share);
}

/**
 * Whole months elapsed from day `from` to day `to` (day numbers), by calendar-month arithmetic
 * that clamps to the end of shorter months as luxon does: Jan 31 → Feb 29 is one month,
 * Dec 1 → Mar 1 is three, Dec 2 → Mar 1 is two. Seed 004's "3个月无消费" is time elapsed since
 * the last purchase, like daysSinceLast ≥ 90, not a count of empty calendar months.
 */
export function wholeMonthsBetween(from: number, to: number): number {
  const start = civilDate(from);
  const toMonth = monthOfDay(to);
  const months = toMonth - monthOfDay(from);
  const anniversary = Math.min(start.day, daysInMonth(toMonth));
  return anniversary > civilDate(to).day ? months - 1 : months;
}

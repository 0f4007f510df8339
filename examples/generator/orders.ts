import { type Day, monthsBetween } from './dates.js';
import type { Profile } from './profiles.js';
import type { Random } from './random.js';
import { PREVIOUS_YEAR_START, YEAR_START } from './window.js';

export interface Order {
  day: Day;
  /** CNY, in cents so that sums are exact. */
  cents: number;
}

/** Every order of one customer over the two years, oldest first. */
export function ordersOf(random: Random, profile: Profile): Order[] {
  const before =
    profile.ordersBefore === 0
      ? []
      : priced(
          random,
          spread(random, profile.ordersBefore, PREVIOUS_YEAR_START, YEAR_START - 1, true),
          profile.spendBefore,
        );
  const recent =
    profile.pattern === 'dropping'
      ? dropping(random, profile)
      : priced(random, recentDays(random, profile), profile.spend);
  return [...before, ...recent].sort((a, b) => a.day - b.day);
}

function recentDays(random: Random, profile: Profile): Day[] {
  const { activeFrom, activeTo, orders } = profile;
  if (profile.pattern !== 'project') return spread(random, orders, activeFrom, activeTo, random.chance(0.85));
  // Project buyers order in a few months of the year, several times in each.
  const months = wholeMonths(activeFrom, activeTo);
  const chosen = new Set<number>();
  const wanted = Math.max(1, Math.min(months.length - 1, random.int(3, 8)));
  while (chosen.size < wanted) chosen.add(random.int(0, months.length - 1));
  const busy = [...chosen].sort((a, b) => a - b).map((i) => months[i]!);
  return Array.from({ length: orders }, (_, i) => {
    const month = busy[i % busy.length]!;
    return random.int(month.first, month.last);
  });
}

/**
 * `count` order days in [from, to]. With `everyMonth` and enough orders, each calendar month gets
 * one and the rest fall anywhere (a customer ordering monthly); otherwise they are spaced evenly
 * with some jitter, as regular orders are.
 */
function spread(random: Random, count: number, from: Day, to: Day, everyMonth: boolean): Day[] {
  const months = wholeMonths(from, to);
  if (everyMonth && count >= months.length) {
    const monthly = months.map((m) => random.int(m.first, m.last));
    const extra = Array.from({ length: count - months.length }, () => random.int(from, to));
    return [...monthly, ...extra];
  }
  const length = to - from + 1;
  return Array.from({ length: count }, (_, i) =>
    Math.min(to, from + Math.floor(((i + random.between(0.1, 0.9)) * length) / count)),
  );
}

/**
 * The months of [from, to] with at least ten of their days inside it. The as-of date, 2026-11-01,
 * is a month of its own one day long: giving that month an order would make every monthly buyer
 * buy on the as-of day.
 */
function wholeMonths(from: Day, to: Day): { first: Day; last: Day }[] {
  return monthsBetween(from, to).filter((m) => m.last - m.first >= 9);
}

/** Amounts for the days that add up to about `total`, no two orders quite alike. */
function priced(random: Random, days: readonly Day[], total: number): Order[] {
  const weights = days.map(() => Math.exp(random.normal(0, 0.45)));
  const sum = weights.reduce((a, b) => a + b, 0);
  return days.map((day, i) => ({
    day,
    cents: Math.max(5_000, Math.round((total * weights[i]! * 100) / sum)),
  }));
}

/**
 * One order a month; August as usual, then September at most half of August and October at most
 * half of September: seed 004's "连续2个月消费下降50%" fires as of 2026-11-01, whose latest
 * complete months are September and October.
 */
function dropping(random: Random, profile: Profile): Order[] {
  const complete = wholeMonths(YEAR_START, profile.activeTo).filter((m) => m.last < profile.activeTo);
  const weights = complete.map(() => Math.exp(random.normal(0, 0.2)));
  const august = weights.length - 3;
  weights[august + 1] = weights[august]! * random.between(0.25, 0.45);
  weights[august + 2] = weights[august + 1]! * random.between(0.25, 0.45);
  const sum = weights.reduce((a, b) => a + b, 0);
  return complete.map((month, i) => ({
    day: random.int(month.first, month.last),
    cents: Math.max(5_000, Math.round((profile.spend * weights[i]! * 100) / sum)),
  }));
}

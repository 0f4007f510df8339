import { covers, type DayIndex, workingIntervals } from '../calendar/days.js';
import { addDays, isoDate, type LocalDate, localDateOf } from '../calendar/zone.js';

export type Interval = [number, number];

/** Why a walk stopped without a due time. */
export type WalkFault = { kind: 'uncovered'; date: string } | { kind: 'neverOpen'; from: string };

/** A calendar that never opens would walk forever; a year of closed days is proof enough. */
const MAX_CLOSED_DAYS = 400;

/** Pauses merged and sorted, so that each interval is cut once per pause at most. */
export function mergePauses(pauses: readonly Interval[]): Interval[] {
  const sorted = [...pauses].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The parts of [a, b) that no pause covers. */
function unpaused([a, b]: Interval, pauses: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let at = a;
  for (const [pa, pb] of pauses) {
    if (pb <= at || pa >= b) continue;
    if (pa > at) out.push([at, pa]);
    at = Math.max(at, pb);
  }
  if (at < b) out.push([at, b]);
  return out;
}

/** Where `budget` ms of running clock end, walking the given intervals from `start`. */
function consume(start: number, budget: number, intervals: Iterable<Interval>, pauses: readonly Interval[]) {
  let left = budget;
  let last = start;
  for (const raw of intervals) {
    for (const [a, b] of unpaused([Math.max(raw[0], start), raw[1]], pauses)) {
      if (b <= a) continue;
      if (b - a >= left) return a + left;
      left -= b - a;
      last = b;
    }
  }
  return left === 0 ? last : undefined;
}

/** Wall time: the clock runs always, except while paused. */
export function elapsedDue(start: number, budget: number, pauses: readonly Interval[]): number {
  if (budget === 0) return start;
  const end = pauses.reduce((far, [, b]) => Math.max(far, b), start) + budget;
  return consume(start, budget, [[start, end]], pauses) ?? end;
}

/** Business time: the clock runs only in the calendar's working hours, except while paused. */
export function businessDue(
  start: number,
  budget: number,
  pauses: readonly Interval[],
  index: DayIndex,
): { due: number } | { fault: WalkFault } {
  const zone = index.calendar.timeZone;
  let date: LocalDate = localDateOf(zone, start);
  let left = budget;
  let at = start;
  let closedRun = 0;
  for (;;) {
    if (!covers(index, date)) return { fault: { kind: 'uncovered', date: isoDate(date) } };
    const intervals = workingIntervals(index, date).filter(([, b]) => b > at);
    let worked = 0;
    for (const [a, b] of intervals) {
      for (const [pa, pb] of unpaused([Math.max(a, at), b], pauses)) {
        if (pb - pa >= left && left > 0) return { due: pa + left };
        if (left === 0) return { due: Math.max(at, pa) };
        left -= pb - pa;
        worked += pb - pa;
        at = pb;
      }
    }
    closedRun = worked > 0 ? 0 : closedRun + 1;
    if (closedRun > MAX_CLOSED_DAYS) return { fault: { kind: 'neverOpen', from: isoDate(date) } };
    date = addDays(date, 1);
  }
}

import type { CustomerResult } from '../../engine/evaluate.js';
import { formatDay } from '../../facts/calendar.js';
import type { ReplayRun, TimelineEntry } from '../../report/replay/types.js';
import { eventCounts } from '../render.js';
import type { RerateOutcome } from '../rerate.js';
import { levelOf, type RerateRules } from '../rules.js';
import type { EventType, TierState } from '../types.js';
import type { RunDate } from './runs.js';

export type { ReplayRun, TimelineEntry };

/** The figures of one run from the states before it, its outcome and the evaluation it stepped from. */
export function runFigures(
  rules: RerateRules,
  run: RunDate,
  before: ReadonlyMap<string, TierState>,
  outcome: RerateOutcome,
  results: readonly CustomerResult[],
): ReplayRun {
  const places = rules.tiers.length + 1;
  const none = rules.tiers.length;
  const tiers = new Array<number>(places).fill(0);
  const computed = new Array<number>(places).fill(0);
  const moves = Array.from({ length: places }, () => new Array<number>(places).fill(0));
  let inGrace = 0;
  let warned = 0;
  let changed = 0;
  for (const state of outcome.states) {
    const from = levelOf(rules, before.get(state.customer)?.tier);
    const to = levelOf(rules, state.tier);
    tiers[to]!++;
    moves[from]![to]!++;
    if (from !== to && from !== none && to !== none) changed++;
    if (state.graceUntil !== undefined) inGrace++;
    if (state.flags.length > 0) warned++;
  }
  for (const result of results) computed[levelOf(rules, result.tier)]!++;
  const count = eventCounts(outcome.events);
  return {
    label: run.label,
    asOf: run.asOf,
    customers: results.length,
    tiers,
    computed,
    moves,
    rated: count.rated,
    upgrades: count.upgrade,
    downgrades: count.downgrade,
    reviewed: count.reviewed,
    held: count.held,
    inGrace,
    flagged: count.flagged,
    warned,
    triggered: count.triggered,
    undecided: outcome.undecided,
    changed,
    churn: results.length === 0 ? 0 : changed / results.length,
  };
}

/** One run's figures from the figures of its parts (chunks of customers): counts add up. */
export function mergeFigures(parts: readonly ReplayRun[]): ReplayRun {
  const [first, ...rest] = parts as [ReplayRun, ...ReplayRun[]];
  const run: ReplayRun = {
    ...first,
    tiers: [...first.tiers],
    computed: [...first.computed],
    moves: first.moves.map((row) => [...row]),
  };
  const add = (into: number[], from: readonly number[]) => {
    for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
  };
  for (const part of rest) {
    add(run.tiers, part.tiers);
    add(run.computed, part.computed);
    for (const [i, row] of run.moves.entries()) add(row, part.moves[i]!);
    for (const key of COUNTS) run[key] += part[key];
  }
  run.churn = run.customers === 0 ? 0 : run.changed / run.customers;
  return run;
}

const COUNTS = [
  'customers',
  'rated',
  'upgrades',
  'downgrades',
  'reviewed',
  'held',
  'inGrace',
  'flagged',
  'warned',
  'triggered',
  'undecided',
  'changed',
] as const;

/** Each evaluated customer's line of the timeline for one run; `only` narrows it to some customers. */
export function timelineEntries(
  run: RunDate,
  outcome: RerateOutcome,
  results: readonly CustomerResult[],
  only?: ReadonlySet<string>,
): TimelineEntry[] {
  const events = new Map<string, EventType[]>();
  for (const e of outcome.events) {
    if (only && !only.has(e.customer)) continue;
    const list = events.get(e.customer);
    if (list) list.push(e.type);
    else events.set(e.customer, [e.type]);
  }
  const entries: TimelineEntry[] = [];
  // rerate() lists the evaluated customers first, in the results' order.
  results.forEach((result, i) => {
    if (only && !only.has(result.customer)) return;
    const state = outcome.states[i]!;
    entries.push({
      customer: result.customer,
      run: run.label,
      asOf: run.asOf,
      tier: state.tier,
      computed: result.tier,
      score: result.score,
      graceTier: state.graceTier,
      graceUntil: state.graceUntil === undefined ? undefined : formatDay(state.graceUntil),
      flags: state.flags,
      events: events.get(result.customer) ?? [],
    });
  });
  return entries;
}

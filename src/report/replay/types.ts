import type { Labels } from '../../simulate/types.js';

/**
 * One run of a replay as a business unit reads it. Tier counts are in the policy's order, best
 * first, with one more place at the end for customers without a tier (not rated yet, or left
 * untiered by the policy).
 */
export interface ReplayRun {
  /** 2024-01: the month. */
  label: string;
  /** 2024-01-31: the as-of date, end of day in the policy's zone. */
  asOf: string;
  /** Customers evaluated at this run (the customer file's). */
  customers: number;
  /** Customers holding each tier after the run. */
  tiers: number[];
  /** What the policy computes for each tier at this as-of: `tierwise eval --as-of` for that day. */
  computed: number[];
  /** moves[from][to]: customers holding tier `from` before the run and `to` after it. */
  moves: number[][];
  /** First ratings: customers nobody had rated before. */
  rated: number;
  upgrades: number;
  downgrades: number;
  /** Reviews that kept the tier. */
  reviewed: number;
  /** Would have fallen, kept by the tier's hysteresis band. */
  held: number;
  /** Customers in grace after the run (below their tier, keeping it for now). */
  inGrace: number;
  /** Flags raised at this run (churn warnings and other trigger flags). */
  flagged: number;
  /** Customers carrying a flag after the run. */
  warned: number;
  /** Re-ratings a trigger asked for. */
  triggered: number;
  /** Customers the policy left without a tier at this as-of. */
  undecided: number;
  /** Customers whose tier changed from one tier to another (first ratings do not count). */
  changed: number;
  /** changed / customers: the run's tier churn, 0–1. */
  churn: number;
}

/** One customer at one run, as `--timeline` writes it. */
export interface TimelineEntry {
  customer: string;
  run: string;
  asOf: string;
  /** The tier held after the run. */
  tier?: string;
  /** The tier the policy computes at this as-of. */
  computed?: string;
  score?: number;
  graceTier?: string;
  graceUntil?: string;
  flags: string[];
  /** What happened at this run, in order (the re-rating's event types: rated, upgrade, flagged, …); empty: nothing. */
  events: string[];
}

/**
 * What a replay report shows of one policy replayed (src/rerate/history.ts builds it, with the
 * states and diagnostics besides, which go to --out and stderr).
 */
export interface ReplayFigures {
  policy: { name: string; version: string; label?: Labels };
  /** The policy's tiers, best first. */
  tiers: { id: string; label?: Labels }[];
  timezone: string;
  /** `state`: the customers of the state the first run stepped from, when one was given. */
  data: { customers?: string; transactions?: string; state?: number };
  runs: ReplayRun[];
  customers: number;
  /** Customers × runs: what a replay's throughput is counted in. */
  customerMonths: number;
  transactions?: number;
  /**
   * Tier churn over the runs that stepped from a held tier (every run but the first when the
   * replay starts from no state): customers whose tier changed, over customers, in total and at
   * the worst run.
   */
  stability: { changes: number; averageChurn: number; maxChurn: number; worstRun?: string };
}

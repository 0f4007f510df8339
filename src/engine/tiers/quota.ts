import { msg } from '../../i18n/text.js';
import { parsePercentMicros } from '../../policy/analysis/percent.js';
import type { Tiers } from '../../policy/schema/tiers.js';
import type { Decision } from '../decision.js';

export interface Ranked {
  /** The customer key: the last tie-break, so the order is total. */
  key: string;
  /** The ranking value (score or rankBy fact); undefined when the customer has none. */
  rankValue: number | undefined;
  /** Tie-break values in the order of quota.tieBreak. */
  tieBreak: readonly unknown[];
}

const HUNDRED_PERCENT = 100_000_000;

/**
 * Quota tiers over a whole population (docs/language.md): rank by value high to low, then the
 * tie-break keys, then the customer key ascending; level k ends at rank round(N × cumulative
 * share). Returns one decision per input, in input order.
 */
export function decideQuota(tiers: Tiers, population: readonly Ranked[]): Decision[] {
  const quota = tiers.quota ?? {};
  const orders = (quota.tieBreak ?? []).map((k) => (k.order === 'asc' ? 1 : -1));
  const ranked: number[] = [];
  const decisions: Decision[] = population.map((c, i) => {
    if (c.rankValue === undefined || Number.isNaN(c.rankValue))
      return { method: 'none', reason: msg('explain.noRankValue') };
    ranked.push(i);
    return { method: 'none', reason: msg('explain.unranked') };
  });
  ranked.sort((a, b) => compareRanked(population[a]!, population[b]!, orders));
  const n = ranked.length;
  const ends = levelEnds(tiers, n, quota.rounding ?? 'nearest');
  let level = 0;
  for (let r = 0; r < n; r++) {
    while (level < ends.length - 1 && r + 1 > ends[level]!) level++;
    const i = ranked[r]!;
    decisions[i] = {
      method: 'quota',
      level,
      rank: r + 1,
      of: n,
      levelEndsAt: ends[level]!,
      rankValue: population[i]!.rankValue!,
    };
  }
  if (quota.ties === 'together') keepTiesTogether(ranked, population, decisions);
  return decisions;
}

/** 1-based rank at which each level ends; the last level always ends at N. */
export function levelEnds(tiers: Tiers, n: number, rounding: 'nearest' | 'floor' | 'ceil'): number[] {
  let cumulative = 0;
  return tiers.levels.map((level, k) => {
    cumulative += parsePercentMicros(level.share ?? '0%');
    if (k === tiers.levels.length - 1) return n;
    const exact = n * cumulative; // in units of 1/HUNDRED_PERCENT customers: an exact integer
    if (rounding === 'floor') return Math.floor(exact / HUNDRED_PERCENT);
    if (rounding === 'ceil') return Math.ceil(exact / HUNDRED_PERCENT);
    return Math.floor((2 * exact + HUNDRED_PERCENT) / (2 * HUNDRED_PERCENT));
  });
}

function compareRanked(a: Ranked, b: Ranked, orders: readonly number[]): number {
  if (a.rankValue !== b.rankValue) return b.rankValue! - a.rankValue!;
  for (let k = 0; k < orders.length; k++) {
    const c = compareValues(a.tieBreak[k], b.tieBreak[k]) * orders[k]!;
    if (c !== 0) return c;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** A missing value: undefined, null, or NaN (how a Float64Array column holds one). */
const isMissing = (x: unknown) => x === undefined || x === null || (typeof x === 'number' && Number.isNaN(x));

/**
 * The tie-break order of two values, for objects and typed columns alike: missing values last
 * whatever the order, numbers numerically, anything else as text.
 */
export function compareValues(a: unknown, b: unknown): number {
  const ma = isMissing(a);
  const mb = isMissing(b);
  if (ma || mb) return ma === mb ? 0 : ma ? 1 : -1;
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Equal as ranking keys: the same value, or both missing. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (isMissing(a) && isMissing(b));
}

/** The value a customer is ranked by, or undefined when there is none to rank. */
export function rankValue(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function sameKeys(a: Ranked, b: Ranked): boolean {
  return a.rankValue === b.rankValue && a.tieBreak.every((v, k) => sameValue(v, b.tieBreak[k]));
}

function keepTiesTogether(ranked: number[], population: readonly Ranked[], decisions: Decision[]): void {
  for (let r = 1; r < ranked.length; r++) {
    const previous = decisions[ranked[r - 1]!]!;
    const current = decisions[ranked[r]!]!;
    if (previous.method !== 'quota' || current.method !== 'quota') continue;
    if (current.level > previous.level && sameKeys(population[ranked[r]!]!, population[ranked[r - 1]!]!)) {
      decisions[ranked[r]!] = {
        ...current,
        level: previous.level,
        levelEndsAt: previous.levelEndsAt,
        tiedUp: true,
      };
    }
  }
}

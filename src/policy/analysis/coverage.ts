import { mulberry32 } from '../../util/random.js';
import {
  type Axis,
  type CriteriaInput,
  type Customer,
  cellModel,
  type FactValue,
  type Predicate,
  type Problem,
  representative,
} from './cells.js';
import type { Interval } from './interval.js';

/**
 * Coverage of criteria tiers (first matching level wins): the customers no tier takes, the ones
 * two tiers match, and the tiers never reached. Every combination of cells (see cells.ts) is one
 * class of customers the conditions cannot tell apart, so enumerating them decides all customers.
 */

/** Past this many combinations of cells only a sample is checked, and the result says so. */
export const MAX_COMBINATIONS = 200_000;
const MAX_GAP_REGIONS = 5;
/** Condition nodes evaluated at most, over all combinations: a fraction of a second. */
const EVALUATION_BUDGET = 20_000_000;
const MIN_SAMPLE = 1_000;
const SAMPLE_SEED = 0x7e1e5;

export type { Customer, FactValue } from './cells.js';

export interface CoverageInput extends CriteriaInput {
  maxCombinations?: number;
}

/** What a gap region says about one fact; facts a region spans whole are left out. */
export type Constraint =
  | { fact: string; kind: 'range'; interval: Interval }
  | { fact: string; kind: 'oneOf'; values: FactValue[] }
  | { fact: string; kind: 'noneOf'; values: FactValue[] };

export interface GapRegion {
  constraints: Constraint[];
  example: Customer;
}

export interface Overlap {
  level: number;
  /** The earlier levels that take customers this level also matches. */
  takenBy: number[];
  example: Customer;
}

export interface Unreachable {
  level: number;
  /** Empty when the level's condition holds for no customer at all. */
  takenBy: number[];
  example?: Customer;
}

export interface CoverageAnalysis {
  kind: 'analysed';
  /** Set when the combinations exceeded the limit: gaps and overlaps come from a sample. */
  sampled?: { limit: number };
  gaps: GapRegion[];
  moreGaps: boolean;
  overlaps: Overlap[];
  /** Only an enumeration of every combination can show a tier is never reached. */
  unreachable: Unreachable[];
}

export type CoverageResult = CoverageAnalysis | Problem;

export function analyseCoverage(input: CoverageInput): CoverageResult {
  const model = cellModel(input);
  if ('kind' in model) return model;
  const space = new Space(model.axes);
  // Big condition trees make each combination dear: the limit shrinks so the work stays bounded.
  const affordable = Math.max(MIN_SAMPLE, Math.floor(EVALUATION_BUDGET / Math.max(1, model.size)));
  const limit = Math.min(input.maxCombinations ?? MAX_COMBINATIONS, affordable);
  const result =
    space.total <= limit ? enumerate(space, model.predicates) : sample(space, model.predicates, limit);
  // An `otherwise` level matches whoever is left by definition: sharing customers is its job.
  result.overlaps = result.overlaps.filter((o) => !input.levels[o.level]!.otherwise);
  return result;
}

/** The combinations of cells, numbered with the first-mentioned fact varying slowest. */
class Space {
  readonly sizes: number[];
  readonly strides: number[];
  readonly total: number;

  constructor(readonly axes: readonly Axis[]) {
    this.sizes = axes.map((axis) => axis.values.length);
    this.strides = this.sizes.map(() => 1);
    for (let a = axes.length - 2; a >= 0; a--) this.strides[a] = this.strides[a + 1]! * this.sizes[a + 1]!;
    this.total = this.sizes.reduce((product, size) => product * size, 1);
  }

  /** Steps to the next combination in numbering order. */
  next(cells: Int32Array): void {
    for (let a = cells.length - 1; a >= 0; a--) {
      if (++cells[a]! < this.sizes[a]!) return;
      cells[a] = 0;
    }
  }

  cellsOf(index: number): Int32Array {
    return Int32Array.from(this.strides, (stride, a) => Math.floor(index / stride) % this.sizes[a]!);
  }

  customer(cells: Int32Array): Customer {
    return Object.fromEntries(this.axes.map((axis, a) => [axis.fact, axis.values[cells[a]!]!]));
  }

  /** Whether `test` holds for every combination of a box (a list of cells per axis). */
  every(box: readonly (readonly number[])[], test: (index: number) => boolean): boolean {
    let ok = true;
    this.forEachIn(box, (index) => {
      ok &&= test(index);
      return ok;
    });
    return ok;
  }

  /** Visits every combination of a box until `visit` returns false. */
  forEachIn(box: readonly (readonly number[])[], visit: (index: number) => boolean): void {
    const at = box.map(() => 0);
    for (;;) {
      let index = 0;
      for (let a = 0; a < box.length; a++) index += box[a]![at[a]!]! * this.strides[a]!;
      if (!visit(index)) return;
      let a = box.length - 1;
      while (a >= 0 && ++at[a]! === box[a]!.length) at[a--] = 0;
      if (a < 0) return;
    }
  }
}

/** What one level met over the combinations seen so far. */
interface Tally {
  won: boolean;
  takenBy: Set<number>;
  matched?: Customer;
  lost?: Customer;
}

/** Evaluates every level on one combination; returns the winning level, or -1 for a gap. */
function observe(
  space: Space,
  cells: Int32Array,
  predicates: readonly Predicate[],
  tallies: Tally[],
): number {
  let winner = -1;
  predicates.forEach((holds, j) => {
    if (!holds(cells)) return;
    const tally = tallies[j]!;
    tally.matched ??= space.customer(cells);
    if (winner < 0) {
      winner = j;
      tally.won = true;
    } else {
      tally.takenBy.add(winner);
      tally.lost ??= space.customer(cells);
    }
  });
  return winner;
}

function enumerate(space: Space, predicates: readonly Predicate[]): CoverageAnalysis {
  const tallies = predicates.map((): Tally => ({ won: false, takenBy: new Set() }));
  const gap = new Uint8Array(space.total);
  const cells = new Int32Array(space.axes.length);
  for (let index = 0; index < space.total; index++) {
    if (observe(space, cells, predicates, tallies) < 0) gap[index] = 1;
    space.next(cells);
  }
  const unreachable = tallies.flatMap((tally, level): Unreachable[] =>
    tally.won ? [] : [{ level, takenBy: sorted(tally.takenBy), example: tally.matched }],
  );
  return { kind: 'analysed', ...gapRegions(space, gap), overlaps: overlaps(tallies), unreachable };
}

function sample(space: Space, predicates: readonly Predicate[], limit: number): CoverageAnalysis {
  const tallies = predicates.map((): Tally => ({ won: false, takenBy: new Set() }));
  const random = mulberry32(SAMPLE_SEED);
  const seen = new Set<string>();
  const gaps: GapRegion[] = [];
  let moreGaps = false;
  const cells = new Int32Array(space.axes.length);
  for (let n = 0; n < limit; n++) {
    for (let a = 0; a < cells.length; a++) cells[a] = Math.floor(random() * space.sizes[a]!);
    if (observe(space, cells, predicates, tallies) >= 0) continue;
    const key = cells.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    if (gaps.length < MAX_GAP_REGIONS)
      gaps.push(
        regionOf(
          space,
          [...cells].map((c) => [c]),
        ),
      );
    else moreGaps = true;
  }
  return {
    kind: 'analysed',
    sampled: { limit },
    gaps,
    moreGaps,
    overlaps: overlaps(tallies),
    unreachable: [],
  };
}

function overlaps(tallies: readonly Tally[]): Overlap[] {
  return tallies.flatMap((tally, level): Overlap[] =>
    tally.won && tally.lost ? [{ level, takenBy: sorted(tally.takenBy), example: tally.lost }] : [],
  );
}

/** Disjoint boxes of gap combinations, in numbering order, each as wide as it can grow. */
function gapRegions(space: Space, gap: Uint8Array): { gaps: GapRegion[]; moreGaps: boolean } {
  const covered = new Uint8Array(space.total);
  const free = (index: number) => gap[index] === 1 && covered[index] === 0;
  const gaps: GapRegion[] = [];
  for (let index = 0; index < space.total; index++) {
    if (!free(index)) continue;
    if (gaps.length === MAX_GAP_REGIONS) return { gaps, moreGaps: true };
    const box = growBox(space, space.cellsOf(index), free);
    space.forEachIn(box, (i) => {
      covered[i] = 1;
      return true;
    });
    gaps.push(regionOf(space, box));
  }
  return { gaps, moreGaps: false };
}

/**
 * Widens one gap combination into a box of free ones, fact by fact from the last mentioned, so
 * the first-mentioned facts stay narrow and each gap reads as a slice of the tiers' main
 * criterion (seed 001: "a tier's spend band with too few purchases" rather than the staircase
 * "fewer than N purchases at any spend up to X").
 */
function growBox(space: Space, seed: Int32Array, free: (index: number) => boolean): number[][] {
  const box = [...seed].map((cell) => [cell]);
  for (let a = space.axes.length - 1; a >= 0; a--) {
    const fits = (cell: number) =>
      space.every(
        box.map((cells, b) => (b === a ? [cell] : cells)),
        free,
      );
    const size = space.sizes[a]!;
    if (space.axes[a]!.numeric) {
      let lo = seed[a]!;
      let hi = lo;
      while (hi + 1 < size && fits(hi + 1)) hi++;
      while (lo > 0 && fits(lo - 1)) lo--;
      box[a] = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
    } else {
      box[a] = Array.from({ length: size }, (_, c) => c).filter((c) => c === seed[a] || fits(c));
    }
  }
  return box;
}

/**
 * A box in the user's terms. The example takes the middle of each constrained range; a fact
 * the box spans whole keeps the value of the box's first cell, which is inside it too.
 */
function regionOf(space: Space, box: readonly (readonly number[])[]): GapRegion {
  const constraints: Constraint[] = [];
  const example: Customer = {};
  space.axes.forEach((axis, a) => {
    const cells = box[a]!;
    const first = cells[0]!;
    example[axis.fact] = axis.values[first]!;
    if (cells.length === axis.values.length) return;
    if (axis.numeric) {
      const low = axis.numeric.cells[first]!;
      const high = axis.numeric.cells[cells[cells.length - 1]!]!;
      const merged = { lo: low.lo, loClosed: low.loClosed, hi: high.hi, hiClosed: high.hiClosed };
      // Contiguous cells merge into one interval, so its middle lies in one of them.
      example[axis.fact] = representative(merged, axis.numeric.grid)!;
      constraints.push({
        fact: axis.fact,
        kind: 'range',
        interval: openAtDomain(merged, axis.numeric.domain),
      });
    } else if (axis.other !== undefined && cells.includes(axis.other)) {
      const excluded = axis.values.filter((_, c) => !cells.includes(c));
      constraints.push({ fact: axis.fact, kind: 'noneOf', values: excluded });
    } else {
      constraints.push({ fact: axis.fact, kind: 'oneOf', values: cells.map((c) => axis.values[c]!) });
    }
  });
  return { constraints, example };
}

/** Drops the ends a range shares with the fact's own domain: "spend < 50,000", not "≥ 0 and < 50,000". */
function openAtDomain(range: Interval, domain: Interval): Interval {
  const atLow = range.lo === domain.lo && range.loClosed === domain.loClosed;
  const atHigh = range.hi === domain.hi && range.hiClosed === domain.hiClosed;
  return {
    lo: atLow ? -Infinity : range.lo,
    loClosed: atLow ? false : range.loClosed,
    hi: atHigh ? Infinity : range.hi,
    hiClosed: atHigh ? false : range.hiClosed,
  };
}

function sorted(levels: Set<number>): number[] {
  return [...levels].sort((x, y) => x - y);
}

import { numericBounds } from '../date-value.js';
import { scoreGrid } from '../lint/thresholds.js';
import type { Policy } from '../schema/policy.js';
import type { ScoringFunction } from '../schema/scoring.js';
import type { Level, Tiers } from '../schema/tiers.js';
import {
  type Domain,
  fromBounds,
  highestValue,
  INTEGER,
  type Interval,
  intersect,
  interval,
  isEmpty,
  lowestValue,
  pickValue,
  type RangeBounds,
  REAL,
  subtract,
} from './interval.js';
import { conflictingBounds, factDomain } from './ranges.js';

/**
 * Tier order (docs/language.md: levels are listed best first): a better score, or a better value
 * of a matrix axis, must never give a worse tier. Shared by the lint rule (TW0322) and calibrate,
 * which runs it on the policy with a suggested threshold applied.
 */

/** A run of values that one entry of a first-match table takes. */
export interface Piece {
  interval: Interval;
  entry: number;
}

/** What each entry of an ordered first-match table takes of the domain, in ascending order. */
export function firstMatchPieces(intervals: readonly Interval[], domain: Interval, grid: Domain): Piece[] {
  const pieces: Piece[] = [];
  intervals.forEach((entryInterval, entry) => {
    const own = intersect(entryInterval, domain);
    for (const piece of subtract(own, intervals.slice(0, entry)))
      if (!isEmpty(piece, grid)) pieces.push({ interval: piece, entry });
  });
  return pieces.sort((a, b) => a.interval.lo - b.interval.lo || (a.interval.loClosed ? -1 : 1));
}

/** One side of a counterexample: a value (score, or axis value) and the level it gets. */
export interface Side {
  value: number;
  level: number;
  /** The values around it that get the same level. */
  region: Interval;
}

export interface ThresholdInversion {
  method: 'thresholds';
  /** The higher score, which gets the worse (later) level. */
  better: Side;
  /** The lower score, which gets the better level. */
  worse: Side;
}

export interface MatrixInversion {
  method: 'matrix';
  axis: 'rows' | 'columns';
  /** Which way the axis counts as better, and whether the cells said so rather than the scoring. */
  direction: 'higher' | 'lower';
  inferred: boolean;
  /** The band of the other axis held fixed, with a value from it. */
  fixed: { band: string; value: number };
  better: Side & { band: string };
  worse: Side & { band: string };
}

export interface QuotaInversion {
  method: 'quota';
  /** The fact customers are ranked by, highest first, which the policy scores lower-is-better. */
  rankBy: string;
}

export type Inversion = ThresholdInversion | MatrixInversion | QuotaInversion;

/** Every tier order inversion of the policy; criteria tiers are decided by conditions, not by order. */
export function tierOrderInversions(policy: Policy): Inversion[] {
  const tiers = policy.tiers;
  switch (tiers?.method) {
    case 'thresholds':
      return thresholdInversions(tiers.levels, policy);
    case 'matrix':
      return matrixInversions(tiers, policy);
    case 'quota':
      return quotaInversions(tiers, policy);
    default:
      return [];
  }
}

const SCORE_RANGE = interval(0, 100);

export function levelRange(level: Level): RangeBounds {
  return level.minScore !== undefined ? { atLeast: level.minScore } : (level.score ?? {});
}

/**
 * Scores ascending: a run that gets a later level than some run below it is an inversion. Each
 * worse level is reported once, against the nearest run below it, with the two scores that sit
 * closest together (75 gets bronze, 74 gets silver) on the rounded score's grid.
 */
function thresholdInversions(levels: readonly Level[], policy: Policy): ThresholdInversion[] {
  if (levels.some((l) => l.score && conflictingBounds(l.score))) return [];
  const grid = scoreGrid(policy.score);
  const pieces = firstMatchPieces(
    levels.map((l) => fromBounds(levelRange(l))),
    SCORE_RANGE,
    grid,
  );
  const out: ThresholdInversion[] = [];
  const reported = new Set<number>();
  pieces.forEach((piece, p) => {
    if (reported.has(piece.entry)) return;
    const below = nearestBetter(pieces.slice(0, p), piece.entry);
    if (!below) return;
    const high = lowestValue(piece.interval, grid);
    const low = highestValue(below.interval, grid);
    if (high === undefined || low === undefined) return;
    reported.add(piece.entry);
    out.push({
      method: 'thresholds',
      better: { value: high, level: piece.entry, region: piece.interval },
      worse: { value: low, level: below.entry, region: below.interval },
    });
  });
  return out;
}

/** The last of `earlier` whose level is better (lower) than `level`. */
function nearestBetter<T extends { entry: number }>(earlier: readonly T[], level: number): T | undefined {
  for (let q = earlier.length - 1; q >= 0; q--) if (earlier[q]!.entry < level) return earlier[q];
  return undefined;
}

type Matrix = NonNullable<Tiers['matrix']>;
type Axis = Matrix['rows'];

interface AxisModel {
  key: string;
  bands: readonly string[];
  pieces: Piece[];
  grid: Domain;
  direction?: 'higher' | 'lower';
}

/**
 * Along each axis, holding a band of the other axis fixed, a better value must not give a worse
 * tier. The score and a dimension's score are better higher; a fact is better the way the policy's
 * own scoring of it says (linear, lowerIsBetter, bands). A fact the policy does not score is better
 * the way most cells say, so only cells that disagree with the rest are reported.
 */
function matrixInversions(tiers: Tiers, policy: Policy): MatrixInversion[] {
  const matrix = tiers.matrix;
  if (!matrix) return [];
  const rows = axisModel(matrix.rows, policy);
  const columns = axisModel(matrix.columns, policy);
  if (!rows || !columns) return [];
  const levelOf = (row: string, column: string): number | undefined => {
    const tier = matrix.cells[row]?.[column];
    const level = tiers.levels.findIndex((l) => l.id === tier);
    return level < 0 ? undefined : level;
  };
  return [
    ...axisInversions('rows', rows, columns, (a, b) => levelOf(a, b)),
    ...axisInversions('columns', columns, rows, (a, b) => levelOf(b, a)),
  ];
}

function axisModel(axis: Axis, policy: Policy): AxisModel | undefined {
  const ids = axis.bands.map((b) => b.id);
  if (new Set(ids).size !== ids.length || axis.bands.some((b) => conflictingBounds(numericBounds(b))))
    return undefined;
  const sources = [axis.fact, axis.dimension, axis.score || undefined].filter((s) => s !== undefined);
  if (sources.length !== 1) return undefined;
  let domain = SCORE_RANGE;
  let grid: Domain = REAL;
  let direction: AxisModel['direction'] = 'higher';
  let key: string;
  if (axis.fact !== undefined) {
    const fact = policy.facts?.[axis.fact];
    if (!fact || (fact.type !== 'number' && fact.type !== 'integer')) return undefined;
    key = axis.fact;
    domain = factDomain(fact);
    grid = fact.type === 'integer' ? INTEGER : REAL;
    direction = scoredDirection(policy, axis.fact);
  } else if (axis.dimension !== undefined) {
    key = axis.dimension;
  } else {
    key = 'score';
    grid = scoreGrid(policy.score);
  }
  const pieces = firstMatchPieces(
    axis.bands.map((b) => fromBounds(numericBounds(b))),
    domain,
    grid,
  );
  return { key, bands: ids, pieces, grid, direction };
}

function axisInversions(
  name: 'rows' | 'columns',
  along: AxisModel,
  across: AxisModel,
  levelOf: (alongBand: string, acrossBand: string) => number | undefined,
): MatrixInversion[] {
  const fixedBands = representatives(across);
  const runs = (band: string) =>
    along.pieces
      .map((piece) => ({
        ...piece,
        entry: levelOf(along.bands[piece.entry]!, band) ?? -1,
        band: piece.entry,
      }))
      .filter((run) => run.entry >= 0);
  const direction = along.direction ?? majority(fixedBands.map((f) => runs(f.band)));
  const out: MatrixInversion[] = [];
  for (const fixed of fixedBands) {
    // From the worst value to the best: a run that gets a later level than one before it is inverted.
    const ordered = direction === 'higher' ? runs(fixed.band) : runs(fixed.band).reverse();
    for (let p = 1; p < ordered.length; p++) {
      const better = ordered[p]!;
      const worse = nearestBetter(ordered.slice(0, p), better.entry);
      if (!worse) continue;
      const [betterValue, worseValue] =
        direction === 'higher'
          ? [lowestValue(better.interval, along.grid), highestValue(worse.interval, along.grid)]
          : [highestValue(better.interval, along.grid), lowestValue(worse.interval, along.grid)];
      if (betterValue === undefined || worseValue === undefined) continue;
      out.push({
        method: 'matrix',
        axis: name,
        direction,
        inferred: along.direction === undefined,
        fixed,
        better: {
          value: betterValue,
          level: better.entry,
          region: better.interval,
          band: along.bands[better.band]!,
        },
        worse: {
          value: worseValue,
          level: worse.entry,
          region: worse.interval,
          band: along.bands[worse.band]!,
        },
      });
      break;
    }
  }
  return out;
}

/** One value per band the axis can reach: the band held fixed in a counterexample. */
function representatives(axis: AxisModel): { band: string; value: number }[] {
  const out: { band: string; value: number }[] = [];
  for (const piece of axis.pieces) {
    const band = axis.bands[piece.entry]!;
    const value = pickValue(piece.interval, axis.grid);
    if (value !== undefined && !out.some((o) => o.band === band)) out.push({ band, value });
  }
  return out;
}

/** Which way most steps between neighbouring runs go: a better level higher up, or lower down. */
function majority(sequences: readonly { entry: number }[][]): 'higher' | 'lower' {
  let votes = 0;
  for (const runs of sequences)
    for (let i = 1; i < runs.length; i++) votes += Math.sign(runs[i - 1]!.entry - runs[i]!.entry);
  return votes < 0 ? 'lower' : 'higher';
}

/**
 * Quota levels take consecutive ranks, highest ranking value first, so a higher value can never
 * get a worse tier (engine/tiers/quota.ts). What can be backwards is the ranking itself: a fact
 * the policy scores as better when lower (days since the last order) ranked highest first.
 */
function quotaInversions(tiers: Tiers, policy: Policy): QuotaInversion[] {
  const rankBy = tiers.quota?.rankBy;
  if (rankBy === undefined || rankBy === 'score' || !policy.facts?.[rankBy]) return [];
  return scoredDirection(policy, rankBy) === 'lower' ? [{ method: 'quota', rankBy }] : [];
}

/** Which way the policy's metrics score a fact, when they all agree and say something. */
export function scoredDirection(policy: Policy, fact: string): 'higher' | 'lower' | undefined {
  const directions = new Set<'higher' | 'lower' | undefined>();
  for (const dimension of Object.values(policy.dimensions ?? {}))
    for (const [id, metric] of Object.entries(dimension.metrics))
      if ((metric.fact ?? id) === fact) directions.add(functionDirection(metric.score, policy, fact));
  return directions.size === 1 ? [...directions][0] : undefined;
}

function functionDirection(
  fn: ScoringFunction,
  policy: Policy,
  fact: string,
): 'higher' | 'lower' | undefined {
  if (fn.linear) return sign(fn.linear.to - fn.linear.from);
  if (fn.lowerIsBetter) return sign(fn.lowerIsBetter.best - fn.lowerIsBetter.worst);
  if (!fn.bands || fn.bands.some((b) => conflictingBounds(b))) return undefined;
  const declared = policy.facts?.[fact];
  const grid = declared?.type === 'integer' ? INTEGER : REAL;
  const points = firstMatchPieces(fn.bands.map(fromBounds), factDomain(declared), grid).map(
    (piece) => fn.bands![piece.entry]!.points,
  );
  const steps = new Set(points.slice(1).map((p, i) => Math.sign(p - points[i]!)));
  steps.delete(0);
  return steps.size === 1 ? ([...steps][0] === 1 ? 'higher' : 'lower') : undefined;
}

function sign(x: number): 'higher' | 'lower' | undefined {
  return x > 0 ? 'higher' : x < 0 ? 'lower' : undefined;
}

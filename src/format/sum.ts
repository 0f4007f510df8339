/**
 * A running sum that loses nothing to the order of its terms: the exact sum of the doubles added,
 * rounded once to the nearest double (ties to even). Shewchuk's non-overlapping partials hold the
 * exact sum as it grows; the last step rounds it as CPython's math.fsum does, half-way cases
 * included. A million amounts in cents summed naively drift by fractions of a cent
 * (1069356.4999999572); exactly, rounding the sum to the cent gives the cent sum of the amounts
 * as long as the total stays below about 10^13 units.
 *
 * Because the result depends on the terms alone, a sum split anywhere (chunks, worker threads,
 * tiers counted inside DuckDB and handed over as integers, see addScaled) and merged gives the
 * same double as the sum taken in file order.
 */
export class ExactSum {
  /** Non-overlapping, in increasing magnitude; their exact sum is the sum so far. */
  private readonly partials: number[] = [];
  /** Infinities and NaN added, or an overflow of the running sum: then the sum is that. */
  private special = 0;

  add(value: number): void {
    if (!Number.isFinite(value)) {
      this.special += value;
      return;
    }
    const p = this.partials;
    let x = value;
    let kept = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[kept++] = lo;
      x = hi;
    }
    if (!Number.isFinite(x)) {
      // The exact sum left the doubles: what a plain sum gives is the only answer there is.
      this.special += x;
      p.length = 0;
      return;
    }
    p.length = kept;
    p.push(x);
  }

  /**
   * Adds `integer × 2^exponent` exactly, however many bits the integer has: it is cut into pieces
   * of 52 bits, each a double. What DuckDB's exact sums (mantissas summed per exponent) hand over.
   */
  addScaled(integer: bigint, exponent: number): void {
    const negative = integer < 0n;
    let rest = negative ? -integer : integer;
    let at = exponent;
    while (rest > 0n) {
      const bits = rest & PIECE_MASK;
      if (bits !== 0n) {
        const piece = Number(bits) * 2 ** at;
        this.add(negative ? -piece : piece);
      }
      rest >>= PIECE_BITS;
      at += Number(PIECE_BITS);
    }
  }

  /** Adds another sum's terms (exactly: its partials are its sum). */
  merge(other: ExactSum): void {
    for (const x of other.partials) this.add(x);
    this.special += other.special;
  }

  get value(): number {
    if (this.special !== 0 || Number.isNaN(this.special)) return this.special;
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // hi + lo is hi rounded; when lo is exactly half an ulp and the partials below push past it,
    // the sum rounds the other way.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    // A zero sum is +0 whatever the zeros' signs, as where no term was -0.
    return hi === 0 ? 0 : hi;
  }
}

const PIECE_BITS = 52n;
const PIECE_MASK = (1n << PIECE_BITS) - 1n;

/** The exact sum of some numbers, rounded once (see ExactSum). */
export function exactSum(values: Iterable<number>): number {
  const sum = new ExactSum();
  for (const v of values) sum.add(v);
  return sum.value;
}

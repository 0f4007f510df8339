/**
 * Per-customer collections indexed by distance back from the window's last day or month, so that
 * index 0 is the newest and every index is ≥ 0. Typed arrays sized to the window instead of a
 * Set or Map: adding is a bit operation with no hashing and no boxed number per transaction.
 * They grow (rarely, by doubling) only for windows without a start.
 */

export class Bits {
  #words: Uint32Array;

  constructor(capacity: number) {
    this.#words = new Uint32Array(Math.max(1, Math.ceil(capacity / 32)));
  }

  add(index: number): void {
    const word = index >>> 5;
    if (word >= this.#words.length) this.#words = grown(this.#words, word, Uint32Array);
    this.#words[word]! |= 1 << (index & 31);
  }

  has(index: number): boolean {
    const word = this.#words[index >>> 5];
    return word !== undefined && (word & (1 << (index & 31))) !== 0;
  }

  count(): number {
    let total = 0;
    for (const word of this.#words) {
      let v = word - ((word >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return total;
  }
}

/**
 * The rounding error of `sum + value = total` (Neumaier's compensated summation), carried into
 * the result. Money is summed from many rows: finance checks the spend (seed 004), and without
 * it twelve orders of 800,000 / 12 add up to 799,999.9999999999. It also makes a sum nearly
 * independent of the order of the transactions.
 */
export function roundingError(sum: number, value: number, total: number): number {
  return Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
}

export class Sums {
  #values: Float64Array;
  #errors: Float64Array;
  /** The highest index added to, −1 when none: the oldest month with a value. */
  oldest = -1;

  constructor(capacity: number) {
    this.#values = new Float64Array(Math.max(1, capacity));
    this.#errors = new Float64Array(this.#values.length);
  }

  add(index: number, value: number): void {
    if (index >= this.#values.length) {
      this.#values = grown(this.#values, index, Float64Array);
      this.#errors = grown(this.#errors, index, Float64Array);
    }
    const sum = this.#values[index]!;
    const total = sum + value;
    this.#errors[index]! += roundingError(sum, value, total);
    this.#values[index] = total;
    if (index > this.oldest) this.oldest = index;
  }

  get(index: number): number {
    return index >= 0 && index < this.#values.length ? this.#values[index]! + this.#errors[index]! : 0;
  }
}

function grown<T extends Uint32Array | Float64Array>(
  array: T,
  index: number,
  Kind: new (length: number) => T,
): T {
  const larger = new Kind(Math.max(array.length * 2, index + 1));
  larger.set(array);
  return larger;
}

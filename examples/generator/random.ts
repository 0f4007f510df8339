import { mulberry32 } from '../../src/util/random.js';

export { mulberry32 };
/**
 * A seeded random source. mulberry32 rather than Math.random: the same seed must give
 * byte-identical example files on every machine and every run, so the committed data can be
 * checked against a regeneration (test/examples/generate.test.ts).
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Uniform whole number in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  normal(mean: number, sd: number): number;
  /** Uniform on a log scale: as many customers between 10k and 100k as between 100k and 1M. */
  logUniform(min: number, max: number): number;
  /** A count with the given mean (Poisson, Knuth's method: the means here are small). */
  poisson(mean: number): number;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(items.length * next())]!,
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let point = total * next();
      for (const [item, weight] of items) {
        point -= weight;
        if (point < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    normal: (mean, sd) => {
      // Box–Muller; 1 − next() keeps the logarithm's argument above 0.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return mean + sd * radius * Math.cos(2 * Math.PI * next());
    },
    logUniform: (min, max) => Math.exp(random.between(Math.log(min), Math.log(max))),
    poisson: (mean) => {
      const limit = Math.exp(-mean);
      let count = 0;
      let product = next();
      while (product > limit) {
        count++;
        product *= next();
      }
      return count;
    },
  };
  return random;
}

/**
 * mulberry32: a small seeded generator. Everything in tierwise that samples — coverage analysis
 * beyond its cap, the example data, the benchmarks — must give the same result on every run and
 * every machine, so none of it uses Math.random.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

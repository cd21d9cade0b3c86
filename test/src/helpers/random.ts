// A seeded random source for tests that try many generated inputs: the same seed gives the same
// sequence, so a failure can be replayed. Integer arithmetic throughout (Math.imul): a linear
// congruential step in floating point loses its low bits once the product passes 2^53, and
// `% n` for small n then returns the same few values.

/** Returns `random(n)`, an integer in [0, n), from a mulberry32 generator seeded with `seed`. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n: number): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

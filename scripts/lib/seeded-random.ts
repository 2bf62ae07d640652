/**
 * mulberry32: a small, well-known 32-bit PRNG. Evaluation and benchmark scripts use it so
 * that a seed gives the same sample, bootstrap interval or query set on every run and
 * platform.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

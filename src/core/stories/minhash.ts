import { STORY_LIMITS } from './story-limits.js';

/** Per-position multipliers and salts, fixed so signatures are comparable across runs. */
function constants(seed: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    // xorshift32: a fixed, well-spread sequence
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x >>> 0;
  }
  return out;
}
const SALTS = constants(0x9e3779b9, STORY_LIMITS.signatureSize);
const MULTIPLIERS = constants(0x85ebca6b, STORY_LIMITS.signatureSize).map((m) => m | 1);

/**
 * The MinHash signature of a shingle set: for each of `signatureSize` hash functions, the
 * smallest hash over the set. The share of positions where two signatures agree estimates
 * the Jaccard similarity of the two sets, at a cost linear in the text.
 */
export function minhash(shingles: Uint32Array): Uint32Array {
  const n = STORY_LIMITS.signatureSize;
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < n; i++) {
      let h = Math.imul(x ^ SALTS[i]!, MULTIPLIERS[i]!);
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d);
      h = (h ^ (h >>> 12)) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the sets behind two signatures (0–1). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

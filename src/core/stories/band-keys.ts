import { STORY_LIMITS } from './story-limits.js';

/**
 * LSH band keys of a signature: one integer per band, hashing the band's number and its
 * rows. Articles sharing any band key are candidates; only candidates are compared, so
 * finding a new article's copies is a few index lookups, never a pass over the archive.
 * Keys are below 2^53, exact as JavaScript numbers and SQLite integers.
 */
export function bandKeys(signature: Uint32Array): number[] {
  const { bands, rows } = STORY_LIMITS;
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let hi = Math.imul(b + 1, 0x9e3779b1) >>> 0;
    let lo = (b + 0x7f4a7c15) >>> 0;
    for (let r = 0; r < rows; r++) {
      const v = signature[b * rows + r]!;
      hi = Math.imul(hi ^ v, 0x01000193) >>> 0;
      lo = Math.imul(lo ^ (v >>> 16) ^ (v << 16), 0x85ebca6b) >>> 0;
      lo = (lo ^ (lo >>> 13)) >>> 0;
    }
    keys.push((hi & 0x1fffff) * 0x100000000 + lo);
  }
  return keys;
}

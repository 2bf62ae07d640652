import { nameKey } from '../text/name-key.js';
import { isStopword } from '../text/stopwords.js';
import type { Token } from '../text/tokenize.js';
import { STORY_LIMITS } from './story-limits.js';

/** 32-bit FNV-1a over a string's UTF-16 units: cheap, and stable across processes. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The distinct shingles of a text as 32-bit hashes: every run of `shingleWords`
 * consecutive content words. Each word is folded to its phonetic name key over the
 * normalized form, so copies that spell a name differently (بوتين/بوتن, جونغ/جونج) or
 * differ in diacritics and hamza still share their shingles; stopwords are dropped, so
 * shingles carry content, not «في» and «من».
 */
export function wordShingles(tokens: readonly Token[]): Uint32Array {
  const words: string[] = [];
  for (const t of tokens) if (!isStopword(t.norm)) words.push(nameKey(t.norm));
  const k = STORY_LIMITS.shingleWords;
  const seen = new Set<number>();
  for (let i = 0; i + k <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) h = fnv1a(words[i + j]!, Math.imul(h ^ 0x20, 0x01000193) >>> 0);
    seen.add(h);
  }
  return Uint32Array.from(seen);
}

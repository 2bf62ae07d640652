import type { Token } from '../text/tokenize.js';
import { minhash } from './minhash.js';
import { STORY_LIMITS } from './story-limits.js';
import { wordShingles } from './word-shingles.js';

/**
 * An article's story signature (MinHash over its body's word shingles), or null when the
 * body is too short to tell a copy from a coincidence: such an article is its own story.
 * The title is left out on purpose: a copy under another headline is still a copy.
 */
export function storySignature(bodyTokens: readonly Token[]): Uint32Array | null {
  const shingles = wordShingles(bodyTokens);
  if (shingles.length < STORY_LIMITS.minShingles) return null;
  return minhash(shingles);
}

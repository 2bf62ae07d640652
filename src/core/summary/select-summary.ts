import { summaryWords } from './summary-words.js';

/**
 * Picks the sentences of a summary from stored sentence scores. Runs on every chat
 * request, so it only ranks, counts words and compares word sets — no re-analysis.
 */

/** How long a summary may be. Both bounds apply when both are given. */
export interface SummaryBudget {
  /** Most sentences to return. Default {@link DEFAULT_SUMMARY_SENTENCES} when `words` is absent. */
  readonly sentences?: number;
  /** Most words (as {@link summaryWords} counts them) to return; see {@link selectSummary}. */
  readonly words?: number;
}

/** Three sentences: the length of a news digest item and of most human news summaries. */
export const DEFAULT_SUMMARY_SENTENCES = 3;

/**
 * Two sentences whose distinct-word sets overlap this much (Jaccard) say the same thing:
 * a wire story often repeats its lead almost verbatim further down, and a summary that
 * shows it twice wastes the reader's budget.
 */
export const NEAR_DUPLICATE_JACCARD = 0.7;

/** A sentence offered to the selector: its text, its stored score, and whether it may be chosen at all. */
export interface SummaryCandidate {
  readonly text: string;
  readonly score: number;
  /** False for headings, captions, datelines, bylines and teasers; absent means true. */
  readonly summarizable?: boolean;
}

interface Candidate {
  readonly index: number;
  readonly words: number;
  readonly set: ReadonlySet<string>;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

function positiveLimit(value: number | undefined): number | undefined {
  if (value === undefined || Number.isNaN(value)) return undefined;
  return Math.max(0, Math.floor(value));
}

/**
 * Chooses whole sentences, best score first, and returns their indices in article order.
 *
 * Rules, in order:
 * - a sentence marked not `summarizable` (heading, caption, dateline, byline, teaser) is
 *   never chosen, unless every sentence with words is so marked;
 * - a sentence with no words, or a near-duplicate ({@link NEAR_DUPLICATE_JACCARD}) of one
 *   already chosen, is skipped;
 * - `sentences` caps the count (default {@link DEFAULT_SUMMARY_SENTENCES} when no `words`
 *   budget is given; with only `words`, the word budget alone bounds the summary);
 * - `words` is never exceeded: a sentence that would overflow it is skipped and the next
 *   best is tried, so a long sentence does not end the summary early while shorter good
 *   ones still fit;
 * - at least one sentence is always returned for input with any words (a `sentences`
 *   budget below 1 counts as 1): when not even one sentence fits the word budget, the
 *   best-scored sentence alone is returned (a summary cut mid-way would no longer be
 *   verbatim, and an empty one is useless in chat).
 *
 * Ties in score go to the earlier sentence, as news puts the essential first.
 */
export function selectSummary(sentences: readonly SummaryCandidate[], budget: SummaryBudget = {}): number[] {
  const wordLimit = positiveLimit(budget.words);
  const requested = positiveLimit(budget.sentences) ?? (wordLimit === undefined ? DEFAULT_SUMMARY_SENTENCES : Infinity);
  const countLimit = Math.max(1, requested);
  if (sentences.length === 0) return [];

  // Headings and the like are never chosen, unless the article is nothing but such lines.
  const anyProse = sentences.some((s) => s.summarizable !== false && summaryWords(s.text).length > 0);
  const order = sentences
    .map((s, index) => ({ index, score: Number.isFinite(s.score) ? s.score : -Infinity }))
    .filter(({ index }) => !anyProse || sentences[index]!.summarizable !== false)
    .sort((a, b) => b.score - a.score || a.index - b.index);

  const chosen: Candidate[] = [];
  let firstWithWords: Candidate | undefined;
  let used = 0;
  for (const { index } of order) {
    if (chosen.length >= countLimit) break;
    const words = summaryWords(sentences[index]!.text);
    if (words.length === 0) continue;
    const candidate: Candidate = { index, words: words.length, set: new Set(words) };
    firstWithWords ??= candidate;
    if (wordLimit !== undefined && used + candidate.words > wordLimit) continue;
    if (chosen.some((c) => jaccard(c.set, candidate.set) >= NEAR_DUPLICATE_JACCARD)) continue;
    chosen.push(candidate);
    used += candidate.words;
    if (wordLimit !== undefined && used >= wordLimit) break;
  }
  if (chosen.length === 0 && firstWithWords) chosen.push(firstWithWords);
  return chosen.map((c) => c.index).sort((a, b) => a - b);
}

import { fillWordBudget } from './fill-word-budget.js';
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

/**
 * Under a word budget a sentence is worth its words only by how far its score rises above
 * this floor: a weak sentence costs precision more than it adds. Chosen on EASC together
 * with the scorer's weights on all of EASC (`npm run eval:summary`; of the five
 * cross-validation folds, two chose 0.1 and three 0.2). Fragments and run-ons fall below
 * it; otherwise only a sentence about a hundred places down does.
 */
export const WORD_BUDGET_SCORE_FLOOR = 0.1;

/** Knobs the evaluation cross-validates; production uses the defaults. */
export interface SummaryTuning {
  /** Default {@link WORD_BUDGET_SCORE_FLOOR}. */
  readonly scoreFloor?: number;
}

/** A sentence offered to the selector: its text, its stored score, and whether it may be chosen at all. */
export interface SummaryCandidate {
  readonly text: string;
  readonly score: number;
  /** False for headings, captions, datelines, bylines and teasers; absent means true. */
  readonly summarizable?: boolean;
}

interface Candidate {
  readonly index: number;
  readonly score: number;
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

const isDuplicate = (c: Candidate, chosen: readonly Candidate[]) =>
  chosen.some((o) => jaccard(o.set, c.set) >= NEAR_DUPLICATE_JACCARD);

/** Best first, skipping near-duplicates, up to `count` sentences. */
function greedy(order: readonly Candidate[], count: number): Candidate[] {
  const chosen: Candidate[] = [];
  for (const c of order) {
    if (chosen.length >= count) break;
    if (!isDuplicate(c, chosen)) chosen.push(c);
  }
  return chosen;
}

/**
 * The word-budget choice: the set of sentences with the most score above
 * {@link WORD_BUDGET_SCORE_FLOOR} per word that fits (`fillWordBudget`). A chosen pair of
 * near-duplicates is resolved by dropping the later-ranked one and choosing again.
 */
function underWordBudget(order: readonly Candidate[], words: number, count: number, floor: number): Candidate[] {
  let pool = order.filter((c) => c.words <= words && c.score > floor);
  for (;;) {
    const picked = fillWordBudget(
      pool.map((c) => ({ words: c.words, value: (c.score - floor) * c.words })),
      words,
      count,
    ).map((i) => pool[i]!);
    // `pool` is in rank order, so the first duplicate found is the weaker of its pair.
    const ranked = [...picked].sort((a, b) => pool.indexOf(a) - pool.indexOf(b));
    const dup = ranked.find((c, i) => isDuplicate(c, ranked.slice(0, i)));
    if (!dup) return picked;
    pool = pool.filter((c) => c !== dup);
  }
}

/**
 * Chooses whole sentences and returns their indices in article order.
 *
 * Rules, in order:
 * - a sentence marked not `summarizable` (heading, caption, dateline, byline, teaser) is
 *   never chosen, unless every sentence with words is so marked;
 * - a sentence with no words, or a near-duplicate ({@link NEAR_DUPLICATE_JACCARD}) of one
 *   chosen, is not chosen;
 * - `sentences` caps the count (default {@link DEFAULT_SUMMARY_SENTENCES} when no `words`
 *   budget is given; with only `words`, the word budget alone bounds the summary); without
 *   a word budget the best-scored sentences are taken;
 * - `words` is never exceeded. Under it the summary is the set of sentences that fills the
 *   budget best, each worth its words times its score above {@link WORD_BUDGET_SCORE_FLOOR}:
 *   two good sentences that fit beat one slightly better one that leaves the budget half
 *   empty, and a long sentence never ends the summary early while shorter good ones fit.
 *   Sentences at or below the floor are left out even when words remain;
 * - at least one sentence is always returned for input with any words (a `sentences`
 *   budget below 1 counts as 1): when nothing else qualifies, the best-scored sentence that
 *   fits, else the best-scored sentence alone (a summary cut mid-way would no longer be
 *   verbatim, and an empty one is useless in chat).
 *
 * Ties in score go to the earlier sentence, as news puts the essential first.
 */
export function selectSummary(
  sentences: readonly SummaryCandidate[],
  budget: SummaryBudget = {},
  tuning: SummaryTuning = {},
): number[] {
  const wordLimit = positiveLimit(budget.words);
  const requested = positiveLimit(budget.sentences) ?? (wordLimit === undefined ? DEFAULT_SUMMARY_SENTENCES : Infinity);
  const countLimit = Math.max(1, requested);
  if (sentences.length === 0) return [];

  // Headings and the like are never chosen, unless the article is nothing but such lines.
  const all: Candidate[] = [];
  sentences.forEach((s, index) => {
    const words = summaryWords(s.text);
    if (words.length > 0)
      all.push({
        index,
        score: Number.isFinite(s.score) ? s.score : -Infinity,
        words: words.length,
        set: new Set(words),
      });
  });
  const prose = all.filter((c) => sentences[c.index]!.summarizable !== false);
  const order = (prose.length > 0 ? prose : all).sort((a, b) => b.score - a.score || a.index - b.index);
  if (order.length === 0) return [];

  let chosen =
    wordLimit === undefined
      ? greedy(order, countLimit)
      : underWordBudget(order, wordLimit, countLimit, tuning.scoreFloor ?? WORD_BUDGET_SCORE_FLOOR);
  if (chosen.length === 0) chosen = [order.find((c) => wordLimit === undefined || c.words <= wordLimit) ?? order[0]!];
  return chosen.map((c) => c.index).sort((a, b) => a - b);
}

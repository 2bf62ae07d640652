import {
  DEFAULT_SUMMARY_SENTENCES,
  NEAR_DUPLICATE_JACCARD,
  type SummaryBudget,
  type SummaryCandidate,
  selectSummary,
} from './select-summary.js';
import { summaryWords } from './summary-words.js';

/**
 * A summary of one article about what the user asked: `/summary معاهدة دفاعية` on an
 * article that opens with a summit speech and turns to the treaty further down should
 * answer with the treaty sentences, not the opening. Like `selectSummary` this only
 * ranks stored sentences; the caller says how many of the query's words each one holds.
 */

/**
 * Share of the query's words a sentence must hold to be about the topic: half, so a
 * two-word topic is met by a sentence naming either (المعاهدة alone speaks of the treaty)
 * while a four-word one needs two.
 */
export const MIN_TOPIC_COVERAGE = 0.5;

/** Added per unit of coverage to a sentence's stored score: coverage always ranks first. */
const COVERAGE_RANK = 1e3;

/** How well one sentence speaks to the topic: distinct query words it holds. */
export interface TopicMatchCount {
  /** Distinct query words the sentence holds (as search matches them: word, stem, name variant). */
  readonly distinct: number;
}

function wordSet(text: string): Set<string> {
  return new Set(summaryWords(text));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Chooses the sentences of `sentences` that speak to a topic of `termCount` words, in
 * article order, or null when none does (the article matched on its title alone; the
 * caller then gives the generic summary).
 *
 * - Topic sentences are those holding at least {@link MIN_TOPIC_COVERAGE} of the query's
 *   words (or, if none does, those holding the most); headings and the like never count,
 *   though a heading's words still led search to the article.
 * - They are ranked by coverage, then by stored score (position and centrality), and
 *   chosen under the budget exactly as `selectSummary` chooses (never over a word budget,
 *   no near-duplicates, at least one sentence).
 * - The lead, the article's first prose sentence, is added for context when it is not
 *   already chosen and still fits both the sentence and the word budget.
 */
export function selectTopicSummary(
  sentences: readonly SummaryCandidate[],
  matches: readonly TopicMatchCount[],
  termCount: number,
  budget: SummaryBudget = {},
): number[] | null {
  if (termCount <= 0) return null;
  const coverage = sentences.map((s, i) =>
    s.summarizable === false || summaryWords(s.text).length === 0
      ? 0
      : Math.min(1, (matches[i]?.distinct ?? 0) / termCount),
  );
  const best = Math.max(0, ...coverage);
  if (best === 0) return null;
  const threshold = Math.min(best, MIN_TOPIC_COVERAGE);
  const isTopic = coverage.map((c) => c >= threshold);
  const ranked = sentences.map((s, i) => ({
    text: s.text,
    score: (Number.isFinite(s.score) ? s.score : 0) + COVERAGE_RANK * coverage[i]!,
    summarizable: isTopic[i]!,
  }));
  const chosen = selectSummary(ranked, budget);

  const lead = sentences.findIndex((s) => s.summarizable !== false && summaryWords(s.text).length > 0);
  if (lead < 0 || chosen.includes(lead)) return chosen;
  const words =
    budget.words === undefined || Number.isNaN(budget.words) ? undefined : Math.max(0, Math.floor(budget.words));
  const countLimit =
    budget.sentences !== undefined && !Number.isNaN(budget.sentences)
      ? Math.max(1, Math.floor(budget.sentences))
      : words === undefined
        ? DEFAULT_SUMMARY_SENTENCES
        : Infinity;
  if (chosen.length >= countLimit) return chosen;
  const used = chosen.reduce((n, i) => n + summaryWords(sentences[i]!.text).length, 0);
  const leadSet = wordSet(sentences[lead]!.text);
  if (words !== undefined && used + summaryWords(sentences[lead]!.text).length > words) return chosen;
  if (chosen.some((i) => overlap(wordSet(sentences[i]!.text), leadSet) >= NEAR_DUPLICATE_JACCARD)) return chosen;
  return [lead, ...chosen].sort((a, b) => a - b);
}

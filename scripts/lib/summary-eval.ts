import { rougeN } from '../../src/core/summary/rouge.js';
import { type SummaryTuning, selectSummary } from '../../src/core/summary/select-summary.js';
import type { SentenceSpan } from '../../src/core/text/split-sentences.js';
import { seededRandom as mulberry32 } from './seeded-random.js';

/**
 * The EASC summary protocol: whole sentences, budget = each reference's word count,
 * ROUGE-1/2 on normalized unstemmed words, averaged over every article–reference pair.
 */

/** One article ready for scoring: its sentences, their words, the references' words. */
export interface EvalArticle {
  readonly sentences: readonly SentenceSpan[];
  /** `summaryWords` of each sentence. */
  readonly sentenceWords: readonly (readonly string[])[];
  /** Index-time `summarizable` of each sentence (roles), as nashra stores it; absent means all. */
  readonly summarizable?: readonly boolean[];
  /** `summaryWords` of each human reference summary. */
  readonly references: readonly (readonly string[])[];
}

/**
 * How a word budget turns a ranking into a summary.
 * - `fill`: add sentences best-first until the budget is reached; the last one may cross
 *   it. This is how the README's Lead figures were measured.
 * - `cap`: never exceed the budget. How a system chooses under the cap is its
 *   {@link CapPolicy}.
 */
export type BudgetRule = 'fill' | 'cap';

/**
 * How sentences are chosen under the cap:
 * - `best-first`: add sentences best-first, skipping any that would overflow and trying
 *   the next (at least one). This is Lead under the cap, and what nashra did before it
 *   filled budgets;
 * - `nashra`: nashra's own `selectSummary` (the set that fills the budget best).
 */
export type CapPolicy = 'best-first' | 'nashra';

/** Options of one evaluated system. */
export interface SystemOptions {
  readonly policy?: CapPolicy;
  /** `selectSummary`'s tuning (cross-validation tries other score floors). */
  readonly tuning?: SummaryTuning;
}

/** Mean ROUGE over article–reference pairs, plus per-article means for the bootstrap. */
export interface EvalResult {
  readonly pairs: number;
  readonly r1: { precision: number; recall: number; f: number };
  readonly r2: { precision: number; recall: number; f: number };
  /** Per article: mean R1-F and R2-F over its references. */
  readonly perArticle: readonly (readonly [number, number])[];
}

/** Sentence indices chosen for a word budget under a rule. */
export function chooseSentences(
  article: EvalArticle,
  scores: readonly number[],
  budget: number,
  rule: BudgetRule,
  options: SystemOptions = {},
): number[] {
  if (rule === 'cap' && (options.policy ?? 'nashra') === 'nashra') {
    const sentences = article.sentences.map((s, i) => ({
      text: s.text,
      score: scores[i]!,
      summarizable: article.summarizable?.[i] ?? true,
    }));
    return selectSummary(sentences, { words: budget }, options.tuning);
  }
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: number[] = [];
  let used = 0;
  for (const { index } of order) {
    if (used >= budget) break;
    const words = article.sentenceWords[index]!.length;
    if (words === 0) continue;
    if (rule === 'cap' && used + words > budget) continue;
    chosen.push(index);
    used += words;
  }
  if (chosen.length === 0) {
    const first = order.find(({ index }) => article.sentenceWords[index]!.length > 0);
    if (first) chosen.push(first.index);
  }
  return chosen.sort((a, b) => a - b);
}

/** Scores every article with `score` and averages ROUGE-1/2 over all article–reference pairs. */
export function evaluateScorer(
  articles: readonly EvalArticle[],
  score: (article: EvalArticle, index: number) => readonly number[],
  rule: BudgetRule,
  options: SystemOptions = {},
): EvalResult {
  const sum = { p1: 0, r1: 0, f1: 0, p2: 0, r2: 0, f2: 0 };
  const perArticle: [number, number][] = [];
  let pairs = 0;
  articles.forEach((article, a) => {
    const scores = score(article, a);
    let f1 = 0;
    let f2 = 0;
    for (const reference of article.references) {
      const chosen = chooseSentences(article, scores, reference.length, rule, options);
      const candidate = chosen.flatMap((i) => article.sentenceWords[i]!);
      const one = rougeN(candidate, reference, 1);
      const two = rougeN(candidate, reference, 2);
      sum.p1 += one.precision;
      sum.r1 += one.recall;
      sum.f1 += one.f;
      sum.p2 += two.precision;
      sum.r2 += two.recall;
      sum.f2 += two.f;
      f1 += one.f;
      f2 += two.f;
      pairs++;
    }
    const n = Math.max(1, article.references.length);
    perArticle.push([f1 / n, f2 / n]);
  });
  const d = Math.max(1, pairs);
  return {
    pairs,
    r1: { precision: sum.p1 / d, recall: sum.r1 / d, f: sum.f1 / d },
    r2: { precision: sum.p2 / d, recall: sum.r2 / d, f: sum.f2 / d },
    perArticle,
  };
}

/**
 * 95% paired bootstrap interval of mean(system − baseline) over articles (resampling
 * articles, since an article's five references are not independent). An interval above
 * 0 says the gain is not luck of which articles EASC happens to hold.
 */
export function pairedBootstrap(
  system: readonly number[],
  baseline: readonly number[],
  resamples = 2000,
  seed = 1,
): [number, number] {
  const diffs = system.map((v, i) => v - baseline[i]!);
  const random = mulberry32(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let k = 0; k < diffs.length; k++) s += diffs[Math.floor(random() * diffs.length)]!;
    means.push(s / Math.max(1, diffs.length));
  }
  means.sort((x, y) => x - y);
  return [means[Math.floor(0.025 * resamples)]!, means[Math.floor(0.975 * resamples)]!];
}

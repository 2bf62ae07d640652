import { combineFeatures, type SentenceScoreWeights } from '../../src/core/summary/score-sentences.js';
import type { SentenceFeatures } from '../../src/core/summary/sentence-features.js';
import { evaluateScorer, type BudgetRule, type EvalArticle } from './summary-eval.js';

/**
 * Two-fold cross-validation of the scorer's weights on EASC: tune on the odd-numbered
 * records of easc.jsonl (1st, 3rd, …) and report the even-numbered ones, then the reverse. The default weights were picked on
 * all of EASC; this says how much of their gain survives on articles they never saw.
 */

/** The grid the defaults were chosen from. */
export const WEIGHT_GRID: readonly number[] = [0, 0.1, 0.2, 0.3];
const RULES: readonly BudgetRule[] = ['fill', 'cap'];

/** Held-out result of one fold. */
export interface FoldResult {
  readonly tunedOn: 'odd' | 'even';
  readonly weights: SentenceScoreWeights;
  /** Per rule: [R1-F, R2-F] of the tuned weights and of Lead on the held-out half. */
  readonly heldOut: Record<BudgetRule, { scorer: [number, number]; lead: [number, number] }>;
}

function grid(): SentenceScoreWeights[] {
  const out: SentenceScoreWeights[] = [];
  for (const leadSimilarity of WEIGHT_GRID) {
    for (const centrality of WEIGHT_GRID) {
      for (const longSentence of WEIGHT_GRID) out.push({ leadSimilarity, centrality, longSentence });
    }
  }
  return out;
}

/**
 * Runs both folds. The tuning objective is the mean of R1-F and R2-F summed over both
 * budget rules, the same objective the defaults were chosen by.
 */
export function crossValidate(articles: readonly EvalArticle[], features: readonly (readonly SentenceFeatures[])[]): FoldResult[] {
  const indexed = articles.map((article, i) => ({ article, features: features[i]! }));
  const half = (parity: number) => indexed.filter((_, i) => i % 2 === parity);
  const run = (set: typeof indexed, weights: SentenceScoreWeights | 'lead', rule: BudgetRule): [number, number] => {
    const r = evaluateScorer(
      set.map((x) => x.article),
      (_a, i) => (weights === 'lead' ? set[i]!.features.map((f) => -f.index) : set[i]!.features.map((f) => combineFeatures(f, weights))),
      rule,
    );
    return [r.r1.f, r.r2.f];
  };
  // 1-based record numbers: the odd-numbered records sit at even 0-based indices.
  return ([['odd', 0, 1], ['even', 1, 0]] as const).map(([tunedOn, trainParity, testParity]) => {
    const train = half(trainParity);
    const test = half(testParity);
    let best: SentenceScoreWeights = grid()[0]!;
    let bestValue = -Infinity;
    for (const weights of grid()) {
      const value = RULES.reduce((acc, rule) => {
        const [f1, f2] = run(train, weights, rule);
        return acc + (f1 + f2) / 2;
      }, 0);
      if (value > bestValue + 1e-9) {
        bestValue = value;
        best = weights;
      }
    }
    const heldOut = Object.fromEntries(RULES.map((rule) => [rule, { scorer: run(test, best, rule), lead: run(test, 'lead', rule) }])) as FoldResult['heldOut'];
    return { tunedOn, weights: best, heldOut };
  });
}

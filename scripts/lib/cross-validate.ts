import { combineFeatures, type SentenceScoreWeights } from '../../src/core/summary/score-sentences.js';
import type { SentenceFeatures } from '../../src/core/summary/sentence-features.js';
import { seededRandom } from './seeded-random.js';
import { evaluateScorer, type EvalArticle } from './summary-eval.js';

/**
 * K-fold cross-validation of the scorer's weights and the word-budget score floor on
 * EASC. Articles are dealt to folds by a seeded shuffle; for each fold the grid is searched
 * on the other folds (objective: mean of R1-F and R2-F under the cap rule, nashra's own
 * budget rule) and the winner is scored on the fold alone. Only held-out scores are
 * reported, pooled over folds, so the figures never come from articles the setting was
 * chosen on.
 */

/** The grid each weight is chosen from. */
export const WEIGHT_GRID: readonly number[] = [0, 0.1, 0.2, 0.3];
/** The grid the word-budget score floor is chosen from. */
export const FLOOR_GRID: readonly number[] = [0.1, 0.2, 0.3];
/** Folds: five leaves ~30 articles per held-out fold. */
export const FOLDS = 5;
/** Seed of the article-to-fold shuffle. */
export const FOLD_SEED = 16;

/** One point of the grid. */
export interface ScorerSetting {
  readonly weights: SentenceScoreWeights;
  readonly scoreFloor: number;
}

/** What cross-validation found. */
export interface CrossValidation {
  /** The setting each fold's training part chose, by fold. */
  readonly chosen: readonly ScorerSetting[];
  /** The setting the same search chooses on all of EASC: what the defaults should be. */
  readonly overall: ScorerSetting;
  /** Per article (in input order): held-out [R1-F, R2-F] under the cap, mean over its references. */
  readonly heldOut: readonly (readonly [number, number])[];
}

function grid(): ScorerSetting[] {
  const out: ScorerSetting[] = [];
  for (const leadSimilarity of WEIGHT_GRID) {
    for (const centrality of WEIGHT_GRID) {
      for (const longSentence of WEIGHT_GRID) {
        for (const scoreFloor of FLOOR_GRID)
          out.push({ weights: { leadSimilarity, centrality, longSentence }, scoreFloor });
      }
    }
  }
  return out;
}

/** Fold of each article: a seeded shuffle dealt round-robin. */
export function assignFolds(count: number, folds = FOLDS, seed = FOLD_SEED): number[] {
  const random = seededRandom(seed);
  const order = Array.from({ length: count }, (_, i) => ({ i, key: random() })).sort((a, b) => a.key - b.key);
  const fold = new Array<number>(count);
  order.forEach(({ i }, k) => (fold[i] = k % folds));
  return fold;
}

/** Runs the K-fold search; every setting is evaluated once per article and reused across folds. */
export function crossValidate(
  articles: readonly EvalArticle[],
  features: readonly (readonly SentenceFeatures[])[],
): CrossValidation {
  const settings = grid();
  const perArticle = settings.map(
    (setting) =>
      evaluateScorer(articles, (_a, i) => features[i]!.map((f) => combineFeatures(f, setting.weights)), 'cap', {
        tuning: { scoreFloor: setting.scoreFloor },
      }).perArticle,
  );
  const fold = assignFolds(articles.length);
  const heldOut = new Array<readonly [number, number]>(articles.length);
  const chosen: ScorerSetting[] = [];
  // k = FOLDS holds out nothing: the choice on all of EASC.
  for (let k = 0; k <= FOLDS; k++) {
    let best = 0;
    let bestValue = -Infinity;
    settings.forEach((_, s) => {
      let value = 0;
      perArticle[s]!.forEach(([r1, r2], a) => {
        if (fold[a] !== k) value += (r1 + r2) / 2;
      });
      if (value > bestValue + 1e-12) {
        bestValue = value;
        best = s;
      }
    });
    if (k === FOLDS) return { chosen, overall: settings[best]!, heldOut };
    chosen.push(settings[best]!);
    perArticle[best]!.forEach((scores, a) => {
      if (fold[a] === k) heldOut[a] = scores;
    });
  }
  throw new Error('unreachable');
}

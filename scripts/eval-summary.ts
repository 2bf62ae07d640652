/**
 * `npm run eval:summary [-- --no-cv | --topics]`: nashra's sentence scorer against the Lead baseline on
 * EASC (../shared/eval/easc/easc.jsonl, relative to the repository root).
 *
 * Protocol (as in ../shared/README.md): whole sentences from `splitSentences`; budget =
 * each reference summary's word count; ROUGE-1/2 precision, recall and F on
 * `summaryWords` (normalized, unstemmed, stopwords kept); averaged over all 765
 * article–reference pairs. EASC's newspaper articles are hard-wrapped and often drop the
 * space after a full stop, so articles are first brought to nashra's one-paragraph-per-
 * line form (`prepareEascArticle`); references are used as shipped.
 *
 * Two budget rules are reported for both systems: `fill` (the README's: the last sentence
 * may cross the budget) and `cap` (never over budget: Lead skips what overflows, nashra is
 * its own `selectSummary`, index-time roles included). A seeded five-fold
 * cross-validation of the weights and the score floor follows (skip it with `--no-cv`);
 * `--topics` runs the topic-summary evaluation instead (scripts/lib/topic-eval.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreSentences } from '../src/core/summary/score-sentences.js';
import { sentenceFeatures } from '../src/core/summary/sentence-features.js';
import { isSummaryRole, sentenceRoles } from '../src/core/summary/sentence-role.js';
import { summaryWords } from '../src/core/summary/summary-words.js';
import { splitSentences } from '../src/core/text/split-sentences.js';
import { FOLDS, crossValidate } from './lib/cross-validate.js';
import { runTopicEval } from './lib/topic-eval.js';
import { loadEasc, prepareEascArticle, type EascRecord } from './lib/easc.js';
import {
  chooseSentences,
  evaluateScorer,
  pairedBootstrap,
  type BudgetRule,
  type EvalArticle,
  type EvalResult,
} from './lib/summary-eval.js';

/** Bootstrap resamples and seed: the same intervals on every run. */
const BOOTSTRAP_RESAMPLES = 2000;
const BOOTSTRAP_SEED = 1;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EASC_PATH = resolve(REPO_ROOT, '../shared/eval/easc/easc.jsonl');
/** Lead as measured in ../shared/README.md (fill rule, EASC lines as shipped). */
const README_LEAD = { r1: 0.55, r2: 0.473 } as const;

function toEvalArticle(record: EascRecord, text: string): EvalArticle {
  const sentences = splitSentences(text);
  return {
    sentences,
    sentenceWords: sentences.map((s) => summaryWords(s.text)),
    summarizable: sentenceRoles(sentences).map(isSummaryRole),
    references: record.summaries.map((s) => summaryWords(s)),
  };
}

const leadScores = (article: EvalArticle): number[] => article.sentences.map((_, i) => -i);
const f3 = (x: number) => x.toFixed(3);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;

type Row = { rule: BudgetRule; system: string; result: EvalResult; ms: string };

function main(): void {
  if (!existsSync(EASC_PATH)) {
    console.log(`eval:summary: EASC not found at ${EASC_PATH} (../shared is absent); nothing to evaluate.`);
    return;
  }
  if (process.argv.includes('--topics')) {
    void runTopicEval(EASC_PATH);
    return;
  }
  const records = loadEasc(EASC_PATH);
  const articles = records.map((r) => toEvalArticle(r, prepareEascArticle(r.article)));
  const asShipped = records.map((r) => toEvalArticle(r, r.article));

  // Index time: score every article once, as the indexer does.
  const t0 = performance.now();
  const scores = articles.map((a) => scoreSentences(a.sentences, undefined, sentenceRoles(a.sentences)));
  const scoreMs = (performance.now() - t0) / Math.max(1, articles.length);
  const ours = (_a: EvalArticle, i: number) => scores[i]!;

  const rows: Row[] = [
    { rule: 'fill', system: 'Lead', result: evaluateScorer(articles, leadScores, 'fill'), ms: '-' },
    { rule: 'fill', system: 'nashra', result: evaluateScorer(articles, ours, 'fill'), ms: scoreMs.toFixed(2) },
    {
      rule: 'cap',
      system: 'Lead',
      result: evaluateScorer(articles, leadScores, 'cap', { policy: 'best-first' }),
      ms: '-',
    },
    {
      rule: 'cap',
      system: 'nashra best-first',
      result: evaluateScorer(articles, ours, 'cap', { policy: 'best-first' }),
      ms: scoreMs.toFixed(2),
    },
    { rule: 'cap', system: 'nashra', result: evaluateScorer(articles, ours, 'cap'), ms: scoreMs.toFixed(2) },
  ];

  // Query time: one selectSummary per article–reference pair.
  let selections = 0;
  const t1 = performance.now();
  articles.forEach((a, i) =>
    a.references.forEach((ref) => {
      chooseSentences(a, scores[i]!, ref.length, 'cap');
      selections++;
    }),
  );
  const selectMs = (performance.now() - t1) / Math.max(1, selections);

  const check = evaluateScorer(asShipped, leadScores, 'fill');
  const sentenceCount = articles.reduce((n, a) => n + a.sentences.length, 0);
  console.log(
    `EASC: ${articles.length} articles, ${rows[0]!.result.pairs} article-reference pairs, ${sentenceCount} sentences after unwrapping.`,
  );
  console.log(
    `Protocol check, Lead on EASC lines as shipped, fill rule: R1-F ${f3(check.r1.f)} / R2-F ${f3(check.r2.f)}` +
      ` (README: ${f3(README_LEAD.r1)} / ${f3(README_LEAD.r2)}).`,
  );
  console.log(
    'fill: the last sentence may cross the budget. cap: never over budget; Lead and "best-first" skip what overflows,',
  );
  console.log(
    '"nashra" is selectSummary (the set of sentences that fills the budget best). Default weights, all of EASC:',
  );
  console.log('');
  const header = ['rule', 'system', 'R1-P', 'R1-R', 'R1-F', 'R2-P', 'R2-R', 'R2-F', 'score ms/article'];
  const cells = rows.map(({ rule, system, result: r, ms }) => [
    rule,
    system,
    f3(r.r1.precision),
    f3(r.r1.recall),
    f3(r.r1.f),
    f3(r.r2.precision),
    f3(r.r2.recall),
    f3(r.r2.f),
    ms,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(header));
  for (const row of cells) console.log(line(row));
  console.log('');
  const lead = (rule: BudgetRule) => rows.find((r) => r.rule === rule && r.system === 'Lead')!.result.perArticle;
  for (const row of rows.filter((r) => r.system !== 'Lead'))
    console.log(`${row.rule}: ${row.system} - Lead  ${difference(row.result.perArticle, lead(row.rule))}`);
  console.log(`selectSummary: ${(selectMs * 1000).toFixed(1)} µs per query (word budget, cap rule).`);

  if (!process.argv.includes('--no-cv')) {
    console.log(
      `\n${FOLDS}-fold cross-validation under the cap (seeded folds; weights and score floor chosen on four folds, scored on the fifth; held-out only):`,
    );
    const features = articles.map((a) => sentenceFeatures(a.sentences, undefined, sentenceRoles(a.sentences)));
    const cv = crossValidate(articles, features);
    cv.chosen.forEach((s, k) => {
      const w = s.weights;
      console.log(
        `  fold ${k + 1}: leadSimilarity ${w.leadSimilarity}, centrality ${w.centrality}, longSentence ${w.longSentence}, score floor ${s.scoreFloor}`,
      );
    });
    const o = cv.overall;
    console.log(
      `  chosen on all of EASC (the defaults should match): leadSimilarity ${o.weights.leadSimilarity}, centrality ${o.weights.centrality}, longSentence ${o.weights.longSentence}, score floor ${o.scoreFloor}`,
    );
    const mean = (k: 0 | 1, xs: readonly (readonly [number, number])[]) =>
      xs.reduce((s, x) => s + x[k], 0) / Math.max(1, xs.length);
    const leadCap = lead('cap');
    console.log(
      `  held-out, cap: nashra R1-F ${f3(mean(0, cv.heldOut))} R2-F ${f3(mean(1, cv.heldOut))}  vs Lead ${f3(mean(0, leadCap))} / ${f3(mean(1, leadCap))}`,
    );
    console.log(`  held-out, cap: nashra - Lead  ${difference(cv.heldOut, leadCap)}`);
  }
}

/** "R1-F +x [95% CI lo, hi]  R2-F …" of a system against a baseline, per-article paired bootstrap. */
function difference(
  system: readonly (readonly [number, number])[],
  baseline: readonly (readonly [number, number])[],
): string {
  const part = (k: 0 | 1, name: string) => {
    const a = system.map((x) => x[k]);
    const b = baseline.map((x) => x[k]);
    const delta = a.reduce((s, v, i) => s + v - b[i]!, 0) / Math.max(1, a.length);
    const [lo, hi] = pairedBootstrap(a, b, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
    return `${name} ${signed(delta)} [95% CI ${signed(lo)}, ${signed(hi)}]`;
  };
  return `${part(0, 'R1-F')}  ${part(1, 'R2-F')}  (paired bootstrap over articles, ${BOOTSTRAP_RESAMPLES} resamples, seed ${BOOTSTRAP_SEED})`;
}

main();

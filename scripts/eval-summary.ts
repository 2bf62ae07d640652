/**
 * `npm run eval:summary [-- --cv]`: nashra's sentence scorer against the Lead baseline on
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
 * may cross the budget) and `cap` (nashra's `selectSummary`: never over budget).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreSentences } from '../src/core/summary/score-sentences.js';
import { sentenceFeatures } from '../src/core/summary/sentence-features.js';
import { summaryWords } from '../src/core/summary/summary-words.js';
import { splitSentences } from '../src/core/text/split-sentences.js';
import { crossValidate } from './lib/cross-validate.js';
import { loadEasc, prepareEascArticle, type EascRecord } from './lib/easc.js';
import { chooseSentences, evaluateScorer, pairedBootstrap, type BudgetRule, type EvalArticle, type EvalResult } from './lib/summary-eval.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EASC_PATH = resolve(REPO_ROOT, '../shared/eval/easc/easc.jsonl');
/** Lead as measured in ../shared/README.md (fill rule, EASC lines as shipped). */
const README_LEAD = { r1: 0.55, r2: 0.473 } as const;
const RULES: readonly BudgetRule[] = ['fill', 'cap'];

function toEvalArticle(record: EascRecord, text: string): EvalArticle {
  const sentences = splitSentences(text);
  return {
    sentences,
    sentenceWords: sentences.map((s) => summaryWords(s.text)),
    references: record.summaries.map((s) => summaryWords(s)),
  };
}

const leadScores = (article: EvalArticle): number[] => article.sentences.map((_, i) => -i);
const f3 = (x: number) => x.toFixed(3);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;

function main(): void {
  if (!existsSync(EASC_PATH)) {
    console.log(`eval:summary: EASC not found at ${EASC_PATH} (../shared is absent); nothing to evaluate.`);
    return;
  }
  const records = loadEasc(EASC_PATH);
  const articles = records.map((r) => toEvalArticle(r, prepareEascArticle(r.article)));
  const asShipped = records.map((r) => toEvalArticle(r, r.article));

  // Index time: score every article once, as the indexer does.
  const t0 = performance.now();
  const scores = articles.map((a) => scoreSentences(a.sentences));
  const scoreMs = (performance.now() - t0) / Math.max(1, articles.length);

  const results = new Map<string, EvalResult>();
  for (const rule of RULES) {
    results.set(`${rule}/Lead`, evaluateScorer(articles, leadScores, rule));
    results.set(`${rule}/nashra`, evaluateScorer(articles, (_a, i) => scores[i]!, rule));
  }

  // Query time: one selectSummary per article–reference pair.
  let selections = 0;
  const t1 = performance.now();
  articles.forEach((a, i) => a.references.forEach((ref) => { chooseSentences(a, scores[i]!, ref.length, 'cap'); selections++; }));
  const selectMs = (performance.now() - t1) / Math.max(1, selections);

  const check = evaluateScorer(asShipped, leadScores, 'fill');
  const pairs = results.get('fill/Lead')!.pairs;
  const sentenceCount = articles.reduce((n, a) => n + a.sentences.length, 0);
  console.log(`EASC: ${articles.length} articles, ${pairs} article-reference pairs, ${sentenceCount} sentences after unwrapping.`);
  console.log(
    `Protocol check, Lead on EASC lines as shipped, fill rule: R1-F ${f3(check.r1.f)} / R2-F ${f3(check.r2.f)}` +
      ` (README: ${f3(README_LEAD.r1)} / ${f3(README_LEAD.r2)}).`,
  );
  console.log('');
  const header = ['rule', 'system', 'R1-P', 'R1-R', 'R1-F', 'R2-P', 'R2-R', 'R2-F', 'score ms/article'];
  const rows = RULES.flatMap((rule) =>
    (['Lead', 'nashra'] as const).map((system) => {
      const r = results.get(`${rule}/${system}`)!;
      const ms = system === 'nashra' ? scoreMs.toFixed(2) : '-';
      return [rule, system, f3(r.r1.precision), f3(r.r1.recall), f3(r.r1.f), f3(r.r2.precision), f3(r.r2.recall), f3(r.r2.f), ms];
    }),
  );
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const rule of RULES) {
    const lead = results.get(`${rule}/Lead`)!;
    const ours = results.get(`${rule}/nashra`)!;
    const ci = (k: 0 | 1) => pairedBootstrap(ours.perArticle.map((x) => x[k]), lead.perArticle.map((x) => x[k]));
    const [l1, h1] = ci(0);
    const [l2, h2] = ci(1);
    console.log(
      `${rule}: nashra - Lead  R1-F ${signed(ours.r1.f - lead.r1.f)} [95% CI ${signed(l1)}, ${signed(h1)}]` +
        `  R2-F ${signed(ours.r2.f - lead.r2.f)} [95% CI ${signed(l2)}, ${signed(h2)}]  (paired bootstrap over articles)`,
    );
  }
  console.log(`selectSummary: ${(selectMs * 1000).toFixed(1)} µs per query (word budget, cap rule).`);

  if (process.argv.includes('--cv')) {
    console.log('\nTwo-fold cross-validation (grid of weights tuned on one half, reported on the other):');
    const features = articles.map((a) => sentenceFeatures(a.sentences));
    for (const fold of crossValidate(articles, features)) {
      const w = fold.weights;
      const parts = RULES.map((rule) => {
        const { scorer, lead } = fold.heldOut[rule];
        return `${rule} nashra ${f3(scorer[0])}/${f3(scorer[1])} vs Lead ${f3(lead[0])}/${f3(lead[1])}`;
      });
      console.log(
        `  tuned on ${fold.tunedOn}-numbered articles (leadSimilarity ${w.leadSimilarity}, centrality ${w.centrality}, longSentence ${w.longSentence}),` +
          ` held-out R1-F/R2-F: ${parts.join('; ')}`,
      );
    }
  }
}

main();

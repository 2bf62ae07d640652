import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../src/core/corpus/parse-article.js';
import { buildMatchQuery } from '../../src/core/search/build-match-query.js';
import { markSentence } from '../../src/core/search/make-snippet.js';
import { scoreSentences } from '../../src/core/summary/score-sentences.js';
import { selectSummary } from '../../src/core/summary/select-summary.js';
import { selectTopicSummary } from '../../src/core/summary/select-topic-summary.js';
import { isSummaryRole, sentenceRoles } from '../../src/core/summary/sentence-role.js';
import { splitSentences } from '../../src/core/text/split-sentences.js';
import { loadEasc, prepareEascArticle } from './easc.js';

/**
 * `npm run eval:summary -- --topics`: how often a topic summary chooses the sentences
 * that answer the topic, against the query-blind summary of the same article. Cases are
 * in eval/topic-queries.tsv (queries and hand-marked sentence indexes only); articles come
 * from EASC (../shared) and the seed corpus fixture. Both summaries are three sentences,
 * the chat default, chosen exactly as `/summary` chooses them (index-time scores and
 * roles, search's word matching), without name-variant lookup since EASC is not indexed.
 */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CASES_PATH = resolve(REPO_ROOT, 'eval/topic-queries.tsv');
const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/corpus');
/** Sentences per summary: the chat default. */
const SUMMARY_SENTENCES = 3;

interface TopicCase {
  readonly source: 'easc' | 'fixture';
  readonly article: string;
  readonly query: string;
  readonly marked: readonly number[];
}

function loadCases(): TopicCase[] {
  const lines = readFileSync(CASES_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return lines.slice(1).map((line, i) => {
    const [source, article, query, marked] = line.split('\t');
    if ((source !== 'easc' && source !== 'fixture') || !article || !query || !marked)
      throw new Error(`${CASES_PATH}: bad case on data line ${i + 1}`);
    return { source, article, query, marked: marked.split(',').map(Number) };
  });
}

interface CaseScore {
  readonly hit: boolean;
  /** Marked sentences chosen, over min(summary length, marked). */
  readonly recall: number;
  /** Chosen sentences that are marked. */
  readonly precision: number;
}

function score(chosen: readonly number[], marked: readonly number[]): CaseScore {
  const found = chosen.filter((i) => marked.includes(i)).length;
  return {
    hit: found > 0,
    recall: found / Math.min(SUMMARY_SENTENCES, marked.length),
    precision: chosen.length === 0 ? 0 : found / chosen.length,
  };
}

/** Runs every case and prints per-case choices and the totals. */
export async function runTopicEval(eascPath: string): Promise<void> {
  const easc = loadEasc(eascPath);
  const cases = loadCases();
  const rows: { c: TopicCase; topic: CaseScore; blind: CaseScore; chosen: number[] }[] = [];
  for (const c of cases) {
    const text =
      c.source === 'easc'
        ? prepareEascArticle(easc[Number(c.article) - 1]!.article)
        : parseArticle(c.article, readFileSync(resolve(FIXTURES, `${c.article}.txt`), 'utf8')).body;
    const spans = splitSentences(text);
    const roles = sentenceRoles(spans);
    const scores = scoreSentences(spans, undefined, roles);
    const sentences = spans.map((s, i) => ({
      text: s.text,
      score: scores[i]!,
      summarizable: isSummaryRole(roles[i]!),
    }));
    const budget = { sentences: SUMMARY_SENTENCES };
    const blind = selectSummary(sentences, budget);
    const match = await buildMatchQuery(c.query);
    const joined = new Map((match?.joined ?? []).map((j) => [j.word, j.first]));
    const marks = sentences.map((s) => (match ? markSentence(s.text, match.terms, joined) : { distinct: 0 }));
    const topic = (match && selectTopicSummary(sentences, marks, match.terms.length, budget)) ?? blind;
    rows.push({ c, topic: score(topic, c.marked), blind: score(blind, c.marked), chosen: topic });
  }
  const n = rows.length;
  const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0) / Math.max(1, n);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  console.log(
    `Topic summaries: ${n} queries on ${new Set(cases.map((c) => `${c.source}:${c.article}`)).size} articles (eval/topic-queries.tsv), ${SUMMARY_SENTENCES} sentences each.`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.c.source} ${r.c.article.padEnd(20)} ${r.c.query.padEnd(28)} marked ${r.c.marked.join(',').padEnd(16)} topic chose ${r.chosen.join(',').padEnd(9)} recall ${pct(r.topic.recall).padStart(4)} vs blind ${pct(r.blind.recall).padStart(4)}`,
    );
  }
  console.log('');
  console.log(`                       topic summary   query-blind summary`);
  console.log(
    `  a marked sentence    ${pct(mean((r) => Number(r.topic.hit))).padStart(13)}   ${pct(mean((r) => Number(r.blind.hit))).padStart(19)}   (queries with at least one answer sentence chosen)`,
  );
  console.log(
    `  recall of marked     ${pct(mean((r) => r.topic.recall)).padStart(13)}   ${pct(mean((r) => r.blind.recall)).padStart(19)}   (marked chosen / min(${SUMMARY_SENTENCES}, marked), mean over queries)`,
  );
  console.log(
    `  precision            ${pct(mean((r) => r.topic.precision)).padStart(13)}   ${pct(mean((r) => r.blind.precision)).padStart(19)}   (chosen sentences that answer the query)`,
  );
  const better = rows.filter((r) => r.topic.recall > r.blind.recall).length;
  const worse = rows.filter((r) => r.topic.recall < r.blind.recall).length;
  console.log(`  per query: topic better on ${better}, same on ${n - better - worse}, worse on ${worse}.`);
}

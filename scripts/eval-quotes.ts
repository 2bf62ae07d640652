/**
 * `npm run eval:quotes [-- --list dev|test|all|none]`: quote extraction and attribution
 * against the hand-annotated gold set in eval/quotes/ (see its README).
 *
 * The gold articles are read from ../shared/bench/saudinewsnet_20k.jsonl.gz (research
 * licence; the project keeps only ids and fragments) and run through the real per-article
 * analysis (`analyzeArticle`, as `index` does). Prints, for dev, test and all:
 * - strict precision, recall and F1: a system quote counts when its span overlaps a gold
 *   quote's and its speaker is the gold speaker (rules in scripts/lib/quote-eval.ts);
 * - span-only figures: overlap alone, whoever the speaker.
 * Then every miss (gold quote not found), every wrong speaker, and every system quote with
 * no gold quote, with the article id and a few words. `--list` chooses the split listed
 * (default all; tune rules with `--list dev` so the held-out test articles stay unread).
 * Exits 2 when the research corpus or the gold files are absent.
 */
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { analyzeArticle } from '../src/core/analysis/analyze-article.js';
import { parseRecord, type ArticleRecord } from '../src/core/corpus/parse-article.js';
import { matchArticle, prf, score, type ArticleResult, type GoldArticle, type SystemQuote } from './lib/quote-eval.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = resolve(REPO_ROOT, '../shared/bench/saudinewsnet_20k.jsonl.gz');
const GOLD_DIR = resolve(REPO_ROOT, 'eval/quotes/gold');
const ARTICLES = resolve(REPO_ROOT, 'eval/quotes/articles.tsv');
/** Words of a quote shown in the lists. */
const SHOWN_WORDS = 7;

type Listed = 'dev' | 'test' | 'all' | 'none';

function fail(message: string): never {
  process.stderr.write(`eval:quotes: ${message}\n`);
  process.exit(2);
}

function listedSplit(): Listed {
  const at = process.argv.indexOf('--list');
  const value = at >= 0 ? process.argv[at + 1] : 'all';
  if (value !== 'dev' && value !== 'test' && value !== 'all' && value !== 'none')
    fail('--list takes dev, test, all or none');
  return value;
}

const few = (text: string): string => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= SHOWN_WORDS ? words.join(' ') : `${words.slice(0, SHOWN_WORDS).join(' ')} …`;
};

function loadGold(): GoldArticle[] {
  if (!existsSync(ARTICLES)) fail(`${ARTICLES} is absent`);
  const order = readFileSync(ARTICLES, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
  const files = existsSync(GOLD_DIR) ? new Set(readdirSync(GOLD_DIR)) : new Set<string>();
  const gold: GoldArticle[] = [];
  const missing: string[] = [];
  for (const [split, id] of order) {
    const file = `${id}.json`;
    if (!files.has(file)) {
      missing.push(id!);
      continue;
    }
    const parsed = JSON.parse(readFileSync(resolve(GOLD_DIR, file), 'utf8')) as GoldArticle;
    if (parsed.id !== id || parsed.split !== split) fail(`${file}: id or split differs from articles.tsv`);
    gold.push(parsed);
  }
  if (gold.length === 0) fail(`no gold files in ${GOLD_DIR}`);
  if (missing.length > 0)
    console.log(`note: ${missing.length} of ${order.length} articles have no gold file yet (${missing.join(', ')})`);
  return gold;
}

async function loadArticles(ids: ReadonlySet<string>): Promise<Map<string, ArticleRecord>> {
  if (!existsSync(BENCH))
    fail(`${BENCH} is absent (the research corpus lives in ../shared/bench/); nothing to evaluate`);
  const found = new Map<string, ArticleRecord>();
  const lines = createInterface({ input: createReadStream(BENCH).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const id = /"id":\s*"([^"]+)"/.exec(line)?.[1];
    if (id && ids.has(id)) found.set(id, JSON.parse(line) as ArticleRecord);
  }
  return found;
}

function systemQuotes(record: ArticleRecord): { body: string; quotes: SystemQuote[] } {
  const analyzed = analyzeArticle(parseRecord(record));
  const body = analyzed.article.body;
  const quotes = analyzed.quotes.map((q) => {
    const sentence = analyzed.sentences[q.sentenceIndex]!;
    const inSentence = body.slice(sentence.start, sentence.end).indexOf(q.text);
    const start = inSentence >= 0 ? sentence.start + inSentence : Math.max(0, body.indexOf(q.text));
    return { text: q.text, speaker: q.speaker, start, end: start + q.text.length };
  });
  return { body, quotes };
}

const pct = (x: number): string => x.toFixed(3);

function printScores(label: string, results: readonly ArticleResult[]): void {
  const s = score(results);
  const strict = prf(s.strict, s.system, s.gold);
  const spans = prf(s.spans, s.system, s.gold);
  console.log(
    `${label.padEnd(5)} articles ${String(results.length).padStart(2)}  gold ${String(s.gold).padStart(3)}  system ${String(s.system).padStart(3)}` +
      `  strict ${String(s.strict).padStart(3)}: P ${pct(strict.p)} R ${pct(strict.r)} F1 ${pct(strict.f)}` +
      `  | span-only ${String(s.spans).padStart(3)}: P ${pct(spans.p)} R ${pct(spans.r)} F1 ${pct(spans.f)}`,
  );
}

function printLists(results: readonly ArticleResult[]): void {
  const misses: string[] = [];
  const wrong: string[] = [];
  const extra: string[] = [];
  for (const r of results) {
    for (const p of r.pairs) {
      const where = p.gold.span ? '' : ' [gold fragment not found in text]';
      if (!p.system) misses.push(`${r.id}  ${p.gold.speaker} (${p.gold.kind}): «${few(p.gold.start)}»${where}`);
      else if (!p.right)
        wrong.push(
          `${r.id}  gold ${p.gold.speaker} (${p.gold.kind}) ≠ system ${p.system.speaker.name} (${p.system.speaker.kind}): «${few(p.system.text)}»`,
        );
    }
    for (const e of r.extra) {
      const why = e.notQuote ? ` [annotated not a quote: ${e.notQuote}]` : '';
      extra.push(`${r.id}  ${e.system.speaker.name} (${e.system.speaker.kind}): «${few(e.system.text)}»${why}`);
    }
  }
  const section = (title: string, lines: readonly string[]): void => {
    console.log(`\n${title} (${lines.length})`);
    for (const l of lines) console.log(`  ${l}`);
  };
  section('Misses: gold quotes the system does not give', misses);
  section('Wrong speaker: span found, speaker wrong', wrong);
  section('Extra: system quotes with no gold quote', extra);
}

async function main(): Promise<void> {
  const listed = listedSplit();
  const gold = loadGold();
  const records = await loadArticles(new Set(gold.map((g) => g.id)));
  const results: ArticleResult[] = [];
  for (const g of gold) {
    const record = records.get(g.id);
    if (!record) fail(`${g.id} is not in ${BENCH}`);
    const { body, quotes } = systemQuotes(record);
    results.push(matchArticle(g, body, quotes));
  }
  console.log('eval:quotes — strict = span overlapping and speaker right (scripts/lib/quote-eval.ts)');
  printScores(
    'dev',
    results.filter((r) => r.split === 'dev'),
  );
  printScores(
    'test',
    results.filter((r) => r.split === 'test'),
  );
  printScores('all', results);
  if (listed !== 'none') printLists(listed === 'all' ? results : results.filter((r) => r.split === listed));
}

await main();

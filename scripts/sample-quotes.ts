/**
 * Prints quotes sampled uniformly at random from an index database, for judging
 * attribution by hand (see docs/attribution-sample.md):
 *
 *   node_modules/.bin/tsx scripts/sample-quotes.ts --db FILE [--n 50] [--seed 7] [--context K]
 *
 * The database is opened read-only. The sample is drawn from all rows of `quotes` ordered
 * by `num` with a seeded PRNG (mulberry32, partial Fisher–Yates), so the same database and
 * seed always give the same quotes; they are printed in index order with the article id,
 * the speaker (name and kind), the quote and the sentence holding it. `--context K` also
 * prints the K sentences before it (a speaker named earlier is what anaphora resolves to).
 */
import Database from 'better-sqlite3';
import { seededRandom as mulberry32 } from './lib/seeded-random.js';

interface Options {
  readonly db: string;
  readonly n: number;
  readonly seed: number;
  readonly context: number;
}

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: tsx scripts/sample-quotes.ts --db FILE [--n 50] [--seed 7] [--context K]\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Options {
  let db: string | null = null;
  let n = 50;
  let seed = 7;
  let context = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    const int = (): number => {
      if (value === undefined || !/^\d+$/.test(value)) usage(`${arg} needs a non-negative integer`);
      i++;
      return Number(value);
    };
    if (arg === '--db') {
      if (value === undefined) usage('--db needs a file');
      db = value;
      i++;
    } else if (arg === '--n') n = int();
    else if (arg === '--seed') seed = int();
    else if (arg === '--context') context = int();
    else usage(`unknown option ${arg}`);
  }
  if (db === null) usage('--db is required');
  return { db, n, seed, context };
}

/** `k` distinct elements of `items`, uniformly at random (partial Fisher–Yates). */
function sample<T>(items: readonly T[], k: number, random: () => number): T[] {
  const pool = [...items];
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

interface Row {
  readonly num: number;
  readonly articleNum: number;
  readonly articleId: string;
  readonly title: string;
  readonly speaker: string;
  readonly kind: string;
  readonly text: string;
  readonly sentenceIdx: number;
  readonly sentence: string | null;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  let db: Database.Database;
  try {
    db = new Database(options.db, { readonly: true, fileMustExist: true });
  } catch (error) {
    usage(`cannot open ${options.db}: ${(error as Error).message}`);
  }
  const nums = db.prepare('SELECT num FROM quotes ORDER BY num').pluck().all() as number[];
  const chosen = sample(nums, options.n, mulberry32(options.seed)).sort((a, b) => a - b);
  const get = db.prepare(`
    SELECT q.num AS num, q.article_num AS articleNum, a.id AS articleId, a.title AS title, q.speaker AS speaker, q.speaker_kind AS kind,
           q.text AS text, q.sentence_idx AS sentenceIdx, s.text AS sentence
    FROM quotes q
    JOIN articles a ON a.num = q.article_num
    LEFT JOIN sentences s ON s.article_num = q.article_num AND s.idx = q.sentence_idx
    WHERE q.num = ?`);
  const before = db.prepare(
    'SELECT idx, text FROM sentences WHERE article_num = ? AND idx >= ? AND idx < ? ORDER BY idx',
  );
  const out: string[] = [`# ${chosen.length} of ${nums.length} quotes from ${options.db}, seed ${options.seed}`, ''];
  chosen.forEach((num, k) => {
    const row = get.get(num) as Row;
    out.push(`## ${k + 1}. quote #${row.num} — article ${row.articleId} (sentence ${row.sentenceIdx})`);
    if (options.context > 0) {
      for (const s of before.all(row.articleNum, row.sentenceIdx - options.context, row.sentenceIdx) as {
        idx: number;
        text: string;
      }[]) {
        out.push(`  [${s.idx}] ${s.text}`);
      }
    }
    out.push(
      `title:    ${row.title}`,
      `speaker:  ${row.speaker} [${row.kind}]`,
      `quote:    ${row.text}`,
      `sentence: ${row.sentence ?? '(sentence not stored)'}`,
      '',
    );
  });
  process.stdout.write(`${out.join('\n')}\n`);
  db.close();
}

main();

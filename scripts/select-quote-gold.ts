/**
 * Chooses the articles of the quote-attribution gold set (eval/quotes/) from the research
 * corpus, reproducibly:
 *
 *   node_modules/.bin/tsx scripts/select-quote-gold.ts [--bench FILE] [--seed 2026] [--per-source 4]
 *
 * Why this way: a purely random draw gives mostly articles with no quote, which says
 * nothing about recall. So, per newspaper (the 12 with over 200 articles), it draws
 * `--per-source` articles with a seeded PRNG (mulberry32): three quarters from articles
 * that show a quotation mark or a reporting verb followed by a colon or «أن/إن», one
 * quarter from all of that newspaper's articles. Bodies over 4,000 characters (the
 * longest ~8%) are left out so that every article can be read whole. Every fourth
 * article chosen (by draw order) is held out: rules are tuned on `dev` and reported on
 * `test` apart. Prints one line per article: split, id, source, characters, title words.
 * No article text is written; the research corpus stays in ../shared/bench/.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { seededRandom } from './lib/seeded-random.js';

const DEFAULT_BENCH = '../shared/bench/saudinewsnet_20k.jsonl.gz';
const MIN_SOURCE_ARTICLES = 200;
const MAX_BODY_CHARS = 4_000;
const QUOTE_SIGNAL = /[«"“]|(?:قال|أكد|أضاف|أوضح|أشار|ذكر|صرح|أعلن)[ةتا]?\s*(?::|أن|إن)/u;

interface Row {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly source: string;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

async function main(): Promise<void> {
  const bench = option('--bench', DEFAULT_BENCH);
  if (!existsSync(bench)) {
    process.stderr.write(
      `select-quote-gold: ${bench} is absent (it lives in ../shared/bench/); nothing to choose from\n`,
    );
    process.exit(2);
  }
  const seed = Number(option('--seed', '2026'));
  const perSource = Number(option('--per-source', '4'));
  const bySource = new Map<string, Row[]>();
  const lines = createInterface({ input: createReadStream(bench).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Row;
    const list = bySource.get(row.source) ?? [];
    list.push(row);
    bySource.set(row.source, list);
  }
  const random = seededRandom(seed);
  const draw = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chosen: Row[] = [];
  const sources = [...bySource.keys()].filter((s) => bySource.get(s)!.length > MIN_SOURCE_ARTICLES).sort();
  for (const source of sources) {
    const fitting = bySource.get(source)!.filter((r) => r.body.length <= MAX_BODY_CHARS && r.body.length > 0);
    const quoting = fitting.filter((r) => QUOTE_SIGNAL.test(r.body));
    const picked = new Set<string>();
    for (let k = 0; k < perSource; k++) {
      const pool = k % 4 === 3 ? fitting : quoting;
      let row = draw(pool);
      while (picked.has(row.id)) row = draw(pool);
      picked.add(row.id);
      chosen.push(row);
    }
  }
  chosen.forEach((row, i) => {
    const split = i % 4 === 3 ? 'test' : 'dev';
    const words = row.title.split(/\s+/).slice(0, 4).join(' ');
    process.stdout.write(`${split}\t${row.id}\t${row.source}\t${row.body.length}\t${words}\n`);
  });
}

await main();

/**
 * Quote extraction speed alone, per sentence, on the 20,000 real articles:
 *
 *   node_modules/.bin/tsx scripts/bench/bench-extraction.ts [--src DIR] [--runs 3]
 *
 * Parses every article and splits it into sentences first (not timed), then times
 * `extractQuotes` over all of them, `--runs` times, and prints µs per sentence. `--src`
 * points at another checkout's `src/` (e.g. `git archive HEAD src | tar -x -C /tmp/base`)
 * so a rule change can be compared with the code before it in the same session, on the
 * same machine load. Reads ../shared/bench in place; says so and exits 2 when it is absent.
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import { BENCH_CORPUS } from './bench-corpus.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

async function main(): Promise<void> {
  if (!existsSync(BENCH_CORPUS)) {
    process.stderr.write(`bench-extraction: ${BENCH_CORPUS} is absent (../shared/bench); nothing to measure\n`);
    process.exit(2);
  }
  const src = resolve(option('--src', new URL('../../src', import.meta.url).pathname));
  const runs = Number(option('--runs', '3'));
  const load = async (path: string) => import(pathToFileURL(resolve(src, path)).href);
  const { parseRecord } = await load('core/corpus/parse-article.ts');
  const { splitSentences } = await load('core/text/split-sentences.ts');
  const { extractQuotes } = await load('core/quotes/extract-quotes.ts');
  const articles: unknown[][] = [];
  let sentences = 0;
  const lines = createInterface({ input: createReadStream(BENCH_CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const split = splitSentences(parseRecord(JSON.parse(line)).body);
    sentences += split.length;
    articles.push(split);
  }
  const times: string[] = [];
  let quotes = 0;
  for (let run = 0; run < runs; run++) {
    quotes = 0;
    const t0 = performance.now();
    for (const a of articles) quotes += extractQuotes(a).length;
    times.push(((performance.now() - t0) * 1000 / sentences).toFixed(1));
  }
  console.log(`src ${src}: ${articles.length} articles, ${sentences} sentences, ${quotes} quotes; extractQuotes µs/sentence: ${times.join(', ')}`);
}

await main();

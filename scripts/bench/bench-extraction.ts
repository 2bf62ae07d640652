/**
 * Quote extraction speed alone, per sentence, on the 20,000 real articles:
 *
 *   node_modules/.bin/tsx scripts/bench/bench-extraction.ts [--against DIR] [--runs 2]
 *
 * Parses every article and splits it into sentences first (not timed), then times
 * `extractQuotes` and prints µs per sentence. `--against` points at another checkout's
 * `src/` (e.g. `git archive <commit> src | tar -x -C /tmp/base`): both versions then run
 * interleaved, 500 articles at a time, in one process, so that the load of a shared machine
 * falls on both alike and the ratio is fair. Reads ../shared/bench in place; says so and
 * exits 2 when it is absent.
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import { BENCH_CORPUS } from './bench-corpus.js';

/** Articles per timed slice when two versions are interleaved. */
const SLICE = 500;

type Extract = (sentences: unknown) => unknown[];

function option(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : null;
}

async function load(src: string, path: string): Promise<Record<string, unknown>> {
  return import(pathToFileURL(resolve(src, path)).href);
}

async function main(): Promise<void> {
  if (!existsSync(BENCH_CORPUS)) {
    process.stderr.write(`bench-extraction: ${BENCH_CORPUS} is absent (../shared/bench); nothing to measure\n`);
    process.exit(2);
  }
  const here = new URL('../../src', import.meta.url).pathname;
  const against = option('--against');
  const runs = Number(option('--runs') ?? '2');
  const { parseRecord } = (await load(here, 'core/corpus/parse-article.ts')) as {
    parseRecord: (r: unknown) => { body: string };
  };
  const { splitSentences } = (await load(here, 'core/text/split-sentences.ts')) as {
    splitSentences: (t: string) => unknown[];
  };
  const versions: { label: string; extract: Extract; ms: number; quotes: number }[] = [];
  if (against)
    versions.push({
      label: `before (${against})`,
      extract: (await load(against, 'core/quotes/extract-quotes.ts')).extractQuotes as Extract,
      ms: 0,
      quotes: 0,
    });
  versions.push({
    label: `this checkout (${here})`,
    extract: (await load(here, 'core/quotes/extract-quotes.ts')).extractQuotes as Extract,
    ms: 0,
    quotes: 0,
  });
  const articles: unknown[][] = [];
  let sentences = 0;
  const lines = createInterface({ input: createReadStream(BENCH_CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const split = splitSentences(parseRecord(JSON.parse(line)).body);
    sentences += split.length;
    articles.push(split);
  }
  for (const v of versions) for (const a of articles.slice(0, 2000)) v.extract(a); // warm up
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < articles.length; i += SLICE) {
      const slice = articles.slice(i, i + SLICE);
      for (const v of versions) {
        const t0 = performance.now();
        for (const a of slice) v.quotes += v.extract(a).length;
        v.ms += performance.now() - t0;
      }
    }
  }
  console.log(`${articles.length} articles, ${sentences} sentences, ${runs} run(s)${against ? ', interleaved' : ''}`);
  for (const v of versions) {
    console.log(
      `  ${v.label}: ${((v.ms * 1000) / (sentences * runs)).toFixed(1)} µs/sentence, ${v.quotes / runs} quotes`,
    );
  }
  if (versions.length === 2) console.log(`  ratio after/before: ${(versions[1]!.ms / versions[0]!.ms).toFixed(3)}`);
}

await main();

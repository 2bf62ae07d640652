import { createReadStream, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** The research corpus (read in place, never copied into the project). */
export const BENCH_CORPUS = new URL('../../../shared/bench/saudinewsnet_20k.jsonl.gz', import.meta.url).pathname;
const SEED_CORPUS = new URL('../../data/corpus', import.meta.url).pathname;

export interface BenchRecord {
  id: string;
  title: string;
  body: string;
  date?: string | null;
  source?: string | null;
}

/** Streams up to `limit` records of the benchmark corpus. */
export async function* readBenchCorpus(limit: number): AsyncGenerator<BenchRecord> {
  const lines = createInterface({ input: createReadStream(BENCH_CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as BenchRecord & { date_extracted?: string };
    yield { id: r.id, title: r.title, body: r.body, date: r.date_extracted ?? null, source: r.source ?? null };
    if (++n >= limit) break;
  }
  lines.close();
}

/**
 * A stand-in corpus when ../shared is absent: the seed articles with their sentences
 * rotated and their numbers changed, so each article is distinct text.
 */
export function* generateFromSeed(limit: number): Generator<BenchRecord> {
  const seeds = readdirSync(SEED_CORPUS).map((f) =>
    readFileSync(join(SEED_CORPUS, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== ''),
  );
  for (let i = 0; i < limit; i++) {
    const lines = seeds[i % seeds.length]!;
    const shift = Math.floor(i / seeds.length) % lines.length;
    const body = [...lines.slice(shift), ...lines.slice(0, shift)]
      .map((l) => l.replace(/\d+/g, (d) => String(Number(d) + i)))
      .join('\n');
    yield { id: `gen-${i}`, title: lines[0]!.slice(0, 80), body, date: null, source: 'generated' };
  }
}

/** Writes the first `limit` records to a JSON Lines file and returns their raw text size. */
export async function writeSubset(
  file: string,
  limit: number,
  useBench: boolean,
): Promise<{ bytes: number; count: number }> {
  const out: string[] = [];
  let bytes = 0;
  const source = useBench ? readBenchCorpus(limit) : generateFromSeed(limit);
  for await (const r of source) {
    out.push(JSON.stringify(r));
    bytes += Buffer.byteLength(r.title) + Buffer.byteLength(r.body);
  }
  writeFileSync(file, `${out.join('\n')}\n`);
  return { bytes, count: out.length };
}

export function benchCorpusAvailable(): boolean {
  return existsSync(BENCH_CORPUS);
}

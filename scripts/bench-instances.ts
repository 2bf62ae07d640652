/**
 * `npm run bench:instances`: search requests per second through the Telegram webhook path
 * (emulator → round-robin proxy → nashra's webhook → search on PostgreSQL → sendMessage back
 * to the emulator) with one instance and with three behind the same proxy, in one run on the
 * same database, and the p99 latency of each (from the webhook POST to its answer, which
 * comes after the reply was sent). Needs NASHRA_BENCH_DATABASE_URL or NASHRA_TEST_DATABASE_URL.
 *
 * Settings (environment): BENCH_INSTANCES_SIZE articles (default 2000; SaudiNewsNet from
 * ../shared/bench, else generated from the seed corpus), BENCH_REQUESTS per configuration
 * (default 600, after 100 per instance to warm up), BENCH_CONCURRENCY requests in flight (default 16).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { EMULATOR_TOKEN, type TelegramEmulator, startTelegramEmulator } from '../emulators/telegram-emulator.js';
import { openIndex } from '../src/app/open-index.js';
import {
  type NashraInstance,
  killAll,
  startNashraInstance,
  webhookInstanceEnv,
} from '../tests/support/nashra-instance.js';
import { startRoundRobinProxy } from '../tests/support/round-robin-proxy.js';
import { benchCorpusAvailable, writeSubset } from './bench/bench-corpus.js';
import { BENCH_DATABASE_URL, createBenchDatabase } from './bench/bench-postgres.js';
import { postgresSamples } from './bench/postgres-samples.js';
import { seededRandom } from './lib/seeded-random.js';

const SETTINGS = {
  size: Number(process.env.BENCH_INSTANCES_SIZE ?? 2000),
  requests: Number(process.env.BENCH_REQUESTS ?? 600),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  warmup: 100,
  /** Distinct senders, so nashra's per-sender limit (6 at once, then one per 2 s) never answers "too fast". */
  users: 4000,
} as const satisfies Record<string, number>;

const WEBHOOK_PATH = '/telegram/hook';
const SECRET = 'bench_Instances-1';
const FIRST_USER = 9_000_000;

interface Figures {
  readonly instances: number;
  readonly rps: number;
  /** CPU time the nashra processes spent per request (user + system, all instances together). */
  readonly cpuMs: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/** CPU time (user + system) a process has used so far, in ms; 0 where /proc is not there. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ; // utime, stime
  } catch {
    return 0;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** Search queries as `npm run bench` draws them: one corpus word (half the time), or two adjacent ones. */
async function sampleQueries(url: string, count: number): Promise<string[]> {
  const { bodies } = await postgresSamples(url);
  const random = seededRandom(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const sentences = bodies.flatMap((b) => b.split(/[.؟!\n]/).filter((x) => x.length > 20));
  const words = (s: string) => s.split(/[\s،.:"“”«»()]+/).filter((w) => /^[\u0621-\u064A]{3,}$/.test(w));
  return Array.from({ length: count }, () => {
    const w = words(pick(sentences));
    if (w.length === 0) return 'السعودية';
    if (random() < 0.5 || w.length < 2) return pick(w);
    const i = Math.floor(random() * (w.length - 1));
    return `${w[i]} ${w[i + 1]}`;
  });
}

/** Sends `queries` as /search updates from rotating users, `concurrency` at a time; latencies in ms. */
async function drive(em: TelegramEmulator, queries: readonly string[], first: number) {
  let next = 0;
  let updateId = first * 10;
  const latencies: number[] = [];
  let failed = 0;
  const worker = async () => {
    while (next < queries.length) {
      const k = next++;
      const id = FIRST_USER + ((first + k) % SETTINGS.users);
      const user = { id, is_bot: false, first_name: `b${id}`, language_code: 'ar' };
      const text = `/search ${queries[k]}`;
      const update = {
        update_id: updateId++,
        message: {
          message_id: updateId,
          date: Math.floor(Date.now() / 1000),
          chat: { id, type: 'private', first_name: user.first_name },
          from: user,
          text,
          entities: [{ type: 'bot_command', offset: 0, length: '/search'.length }],
        },
      } as unknown as Update;
      const at = performance.now();
      const status = await em.deliver(update);
      latencies.push(performance.now() - at);
      if (status !== 200) failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: SETTINGS.concurrency }, worker));
  return { ms: performance.now() - started, latencies, failed };
}

/** Starts `count` instances behind a fresh proxy, warms them up, measures, stops them with SIGTERM. */
async function measure(
  count: number,
  ctx: {
    em: TelegramEmulator;
    db: string;
    corpusDir: string;
    feedsFile: string;
    /** The measured queries, the same for both configurations. */
    queries: readonly string[];
    /** `n` queries to warm up with, none of them measured. */
    warmup: (n: number) => string[];
  },
  started: NashraInstance[],
): Promise<Figures> {
  const proxy = await startRoundRobinProxy(Array.from({ length: count }, () => 'http://127.0.0.1:1'));
  try {
    const env = webhookInstanceEnv({
      token: EMULATOR_TOKEN,
      apiRoot: ctx.em.apiRoot,
      webhookUrl: `${proxy.url}${WEBHOOK_PATH}`,
      webhookSecret: SECRET,
      corpusDir: ctx.corpusDir,
      db: ctx.db,
      feedsFile: ctx.feedsFile,
      logLevel: 'info',
    });
    const instances = Array.from({ length: count }, (_, i) => startNashraInstance(`instance ${i}`, env));
    started.push(...instances);
    await Promise.all(instances.map(async (inst, i) => proxy.setTarget(i, `http://127.0.0.1:${await inst.ready()}`)));
    const sentBefore = () => ctx.em.calls.filter((c) => c.method === 'sendMessage' && c.ok).length;
    // Each process warms up as much as the single one did (its JIT and its pool).
    await drive(ctx.em, ctx.warmup(count * SETTINGS.warmup), count * 100_000);
    const before = sentBefore();
    const cpu = () => instances.reduce((sum, i) => sum + cpuMsOf(i.child.pid), 0);
    const cpuBefore = cpu();
    const run = await drive(ctx.em, ctx.queries, count * 100_000 + count * SETTINGS.warmup);
    const answered = sentBefore() - before;
    const cpuMs = (cpu() - cpuBefore) / run.latencies.length;
    const sorted = [...run.latencies].sort((a, b) => a - b);
    for (const inst of instances) inst.kill('SIGTERM');
    await Promise.all(instances.map((i) => i.exited));
    return {
      instances: count,
      rps: (run.latencies.length / run.ms) * 1000,
      cpuMs,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      failed: run.failed + (run.latencies.length - answered),
    };
  } finally {
    await proxy.close();
  }
}

async function main(): Promise<void> {
  if (!BENCH_DATABASE_URL) {
    console.log(
      'bench:instances runs on PostgreSQL: set NASHRA_BENCH_DATABASE_URL or NASHRA_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)',
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nashra-bench-instances-'));
  const corpus = join(dir, 'corpus.jsonl');
  const feedsFile = join(dir, 'feeds.txt');
  writeFileSync(feedsFile, '');
  const real = benchCorpusAvailable();
  const { count } = await writeSubset(corpus, SETTINGS.size, real);
  const db = await createBenchDatabase(BENCH_DATABASE_URL, SETTINGS.size);
  const started: NashraInstance[] = [];
  let em: TelegramEmulator | undefined;
  try {
    const t0 = performance.now();
    const app = await openIndex({ corpus, db: db.url, mode: 'write' });
    await app.close();
    const indexMs = performance.now() - t0;
    const sampled = await sampleQueries(db.url, SETTINGS.warmup * 3 + SETTINGS.requests);
    const queries = sampled.slice(SETTINGS.warmup * 3);
    const warmup = (n: number) => sampled.slice(0, n);
    em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
    for (let u = 0; u < SETTINGS.users; u++)
      em.addChat({ id: FIRST_USER + u, type: 'private', first_name: `b${FIRST_USER + u}` });
    console.log(
      `${count} articles (${real ? 'SaudiNewsNet' : 'generated from the seed corpus'}), indexed in ${(indexMs / 1000).toFixed(1)} s; ` +
        `${SETTINGS.requests} /search updates per configuration after ${SETTINGS.warmup} per instance to warm up, ${SETTINGS.concurrency} in flight`,
    );
    const ctx = { em, db: db.url, corpusDir: corpus, feedsFile, queries, warmup };
    const one = await measure(1, ctx, started);
    const three = await measure(3, ctx, started);
    const fmt = (n: number) => n.toFixed(1);
    console.log('\n| instances | search req/s | p50 ms | p99 ms | nashra CPU ms / request | not answered |');
    console.log('|---:|---:|---:|---:|---:|---:|');
    for (const f of [one, three])
      console.log(`| ${f.instances} | ${fmt(f.rps)} | ${fmt(f.p50)} | ${fmt(f.p99)} | ${fmt(f.cpuMs)} | ${f.failed} |`);
    console.log(`\nthree instances / one: ${(three.rps / one.rps).toFixed(2)}x the requests per second`);
  } finally {
    await killAll(started);
    await em?.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

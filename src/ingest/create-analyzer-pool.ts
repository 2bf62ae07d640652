import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzedArticle } from '../core/analysis/analyze-article.js';
import type { ParsedArticle } from '../core/corpus/parse-article.js';
import { NashraError } from '../core/errors/nashra-error.js';

/** Analyzes articles on worker threads; same results as `analyzeArticle`, in parallel. */
export interface AnalyzerPool {
  readonly size: number;
  analyze(article: ParsedArticle): Promise<AnalyzedArticle>;
  close(): Promise<void>;
}

/** Articles sent to a worker in one message: amortizes the message cost, keeps workers evenly fed. */
export const ANALYZE_BATCH = 8;

/**
 * Loads the worker module: under tsx (TypeScript sources) the worker registers tsx's
 * loader first; from the compiled build it imports the JavaScript directly.
 */
const ENTRY = `
const { workerData } = require('node:worker_threads');
const load = workerData.typescript
  ? import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.url); })
  : import(workerData.url);
load.catch((err) => { console.error(err); process.exit(1); });
`;

interface Job {
  readonly article: ParsedArticle;
  resolve(a: AnalyzedArticle): void;
  reject(e: Error): void;
}

interface Slot {
  readonly worker: Worker;
  inFlight: Map<number, Job[]>;
}

/** Creates `size` workers (default: one per core). Close it when the index run ends. */
export function createAnalyzerPool(size = availableParallelism()): AnalyzerPool {
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(typescript ? './analyze-worker.ts' : './analyze-worker.js', import.meta.url).href;
  let nextId = 1;
  let queued: Job[] = [];
  let flushScheduled = false;
  let failure: Error | null = null;
  let closing = false;

  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(ENTRY, { eval: true, workerData: { url, typescript } });
    const slot: Slot = { worker, inFlight: new Map() };
    worker.on(
      'message',
      (msg: {
        id: number;
        results: ({ ok: true; analyzed: Omit<AnalyzedArticle, 'article'> } | { ok: false; error: string })[];
      }) => {
        const jobs = slot.inFlight.get(msg.id);
        slot.inFlight.delete(msg.id);
        jobs?.forEach((job, i) => {
          const r = msg.results[i]!;
          if (r.ok) job.resolve({ ...r.analyzed, article: job.article });
          else job.reject(new Error(r.error));
        });
      },
    );
    worker.on('error', (err) =>
      fail(new NashraError('INTERNAL', `analyzer worker failed: ${err.message}`, { cause: err })),
    );
    worker.on('exit', (code) => {
      if (code !== 0 && !closing) fail(new NashraError('INTERNAL', `analyzer worker exited with code ${code}`));
    });
    return slot;
  });

  function fail(err: Error): void {
    failure ??= err;
    for (const slot of slots) {
      for (const jobs of slot.inFlight.values()) jobs.forEach((j) => j.reject(err));
      slot.inFlight.clear();
    }
    queued.forEach((j) => j.reject(err));
    queued = [];
  }

  function flush(): void {
    flushScheduled = false;
    while (queued.length > 0) {
      const jobs = queued.splice(0, ANALYZE_BATCH);
      const slot = slots.reduce((a, b) => (countJobs(b) < countJobs(a) ? b : a));
      const id = nextId++;
      slot.inFlight.set(id, jobs);
      slot.worker.postMessage({ id, articles: jobs.map((j) => j.article) });
    }
  }

  return {
    size: slots.length,
    analyze(article) {
      if (failure) return Promise.reject(failure);
      return new Promise<AnalyzedArticle>((resolve, reject) => {
        queued.push({ article, resolve, reject });
        if (queued.length >= ANALYZE_BATCH) flush();
        else if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

function countJobs(slot: Slot): number {
  let n = 0;
  for (const jobs of slot.inFlight.values()) n += jobs.length;
  return n;
}

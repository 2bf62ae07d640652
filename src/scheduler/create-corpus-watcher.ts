import { STOP_LIMITS } from '../core/lifecycle/stop-limits.js';
import type { IndexReport } from '../core/indexing/index-corpus.js';
import type { Logger } from '../logging/create-logger.js';

export interface CorpusWatcherDeps {
  /** The incremental indexer (cheap when nothing changed); new articles get `indexed_at` = now. */
  readonly reindex: () => Promise<IndexReport>;
  /** Pause between the end of one rescan and the start of the next. */
  readonly intervalMs: number;
  readonly logger: Logger;
}

export interface CorpusWatcher {
  /** Starts rescanning every `intervalMs` (the first rescan after one interval). */
  start(): void;
  /** Stops the timer and waits (at most `STOP_LIMITS.graceMs`) for a rescan in progress. */
  stop(): Promise<void>;
  /** Rescans now; while a rescan runs, returns that one instead of starting another. Null if it failed. */
  runOnce(): Promise<IndexReport | null>;
}

/**
 * Keeps the index in step with a growing corpus while the bot runs, so the next digest
 * carries articles dropped into the corpus directory. Runs never overlap: the next one is
 * timed from the end of the previous, and a manual `runOnce` during a run joins it. A
 * failed rescan is logged and the watcher carries on.
 */
export function createCorpusWatcher(deps: CorpusWatcherDeps): CorpusWatcher {
  const { reindex, intervalMs, logger } = deps;
  const log = logger.child({ job: 'corpus-watch' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<IndexReport | null> | null = null;
  let running = false;

  function arm(): void {
    if (!running) return;
    timer = setTimeout(() => {
      timer = null;
      void runOnce().finally(arm);
    }, intervalMs);
    timer.unref?.();
  }

  function runOnce(): Promise<IndexReport | null> {
    if (current) return current;
    const started = Date.now();
    current = (async () => {
      try {
        const report = await reindex();
        const changed = report.added + report.updated + report.removed;
        const summary = {
          added: report.added,
          updated: report.updated,
          removed: report.removed,
          articles: report.articles,
          skipped: report.skipped.length,
          ms: Date.now() - started,
        };
        if (changed > 0) log.info(summary, 'corpus changed; index updated');
        else log.debug(summary, 'corpus unchanged');
        for (const s of report.skipped) log.debug({ file: s.file, reason: s.reason }, 'article skipped');
        return report;
      } catch (err) {
        // Another process (`index` from the CLI) holding the index lock is normal: next time.
        if ((err as { code?: string })?.code === 'BUSY')
          log.info({ reason: (err as Error).message }, 'corpus rescan skipped');
        else log.error({ err }, 'corpus rescan failed');
        return null;
      } finally {
        current = null;
      }
    })();
    return current;
  }

  return {
    start() {
      if (running) return;
      running = true;
      arm();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      // A rescan cut off by the exit is safe: the next run repairs what it left pending.
      if (current) await Promise.race([current, new Promise((r) => setTimeout(r, STOP_LIMITS.graceMs).unref())]);
    },
    runOnce,
  };
}

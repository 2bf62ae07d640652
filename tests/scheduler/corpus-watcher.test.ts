import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndexReport } from '../../src/core/indexing/index-corpus.js';
import { createCorpusWatcher } from '../../src/scheduler/create-corpus-watcher.js';
import { captureLogger } from './support.js';

const report = (added = 0): IndexReport => ({
  added,
  updated: 0,
  removed: 0,
  unchanged: 5,
  skipped: [],
  articles: 5 + added,
});

afterEach(async () => {
  vi.useRealTimers();
});

describe('corpus watcher', () => {
  it('rescans every interval, timed from the end of the previous rescan', async () => {
    vi.useFakeTimers();
    const reindex = vi.fn(async () => report());
    const w = createCorpusWatcher({ reindex, intervalMs: 1_000, logger: captureLogger().logger });
    w.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(reindex).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(reindex).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reindex).toHaveBeenCalledTimes(4);
    await w.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reindex).toHaveBeenCalledTimes(4);
  });

  it('never overlaps runs: a slow rescan delays the next, and runOnce joins the one in progress', async () => {
    vi.useFakeTimers();
    let running = 0;
    let maxRunning = 0;
    const reindex = vi.fn(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 5_000));
      running--;
      return report(1);
    });
    const w = createCorpusWatcher({ reindex, intervalMs: 1_000, logger: captureLogger().logger });
    w.start();
    await vi.advanceTimersByTimeAsync(1_000);
    const joined = w.runOnce();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reindex).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await joined).toMatchObject({ added: 1 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(maxRunning).toBe(1);
    expect(reindex).toHaveBeenCalledTimes(5); // started at 1, 7, 13, 19 and 25 s: each 1 s after the previous ended
    const stopping = w.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopping;
  });

  it('logs a failed rescan with { err } and carries on; logs changes at info', async () => {
    vi.useFakeTimers();
    const logs = captureLogger();
    const reindex = vi
      .fn<() => Promise<IndexReport>>()
      .mockRejectedValueOnce(new Error('disk on fire'))
      .mockResolvedValue(report(2));
    const w = createCorpusWatcher({ reindex, intervalMs: 1_000, logger: logs.logger });
    w.start();
    await vi.advanceTimersByTimeAsync(2_000);
    await w.stop();
    expect(logs.lines().find((l) => l.msg === 'corpus rescan failed')).toMatchObject({
      level: 50,
      job: 'corpus-watch',
      err: { message: 'disk on fire' },
    });
    expect(logs.lines().find((l) => l.msg === 'corpus changed; index updated')).toMatchObject({ level: 30, added: 2 });
  });
});

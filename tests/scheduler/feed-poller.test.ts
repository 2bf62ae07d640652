import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedEntry } from '../../src/core/feeds/feed-list.js';
import { systemClock } from '../../src/core/schedule/clock.js';
import type { FeedPollResult, FeedReader, PollOptions } from '../../src/feeds/create-feed-reader.js';
import { createFeedPoller, FEED_PASS_MAX_MS, type FeedPoller } from '../../src/scheduler/create-feed-poller.js';
import { captureLogger } from './support.js';

const MIN = 60_000;
const INTERVAL = 15 * MIN;
const T0 = Date.parse('2026-03-27T06:00:00Z');
const feed = (name: string): FeedEntry => ({ url: `https://news.example/${name}`, name });

/** A reader whose polls take `durationMs[url]` (fake time) and schedule the next one an interval later. */
class FakeReader implements FeedReader {
  readonly polls: { url: string; at: number }[] = [];
  readonly durationMs = new Map<string, number>();
  readonly failing = new Set<string>();
  inFlight = 0;
  maxInFlight = 0;
  signals: AbortSignal[] = [];

  async poll(f: FeedEntry, options: PollOptions = {}): Promise<FeedPollResult> {
    this.polls.push({ url: f.url, at: Date.now() - T0 });
    if (options.signal) this.signals.push(options.signal);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const ms = this.durationMs.get(f.url) ?? 0;
      if (ms > 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, ms);
          options.signal?.addEventListener('abort', () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      if (this.failing.has(f.url)) throw new Error('reader bug');
      return { url: f.url, status: 'ok', new: 0, updated: 0, error: null, nextPoll: new Date(Date.now() + INTERVAL) };
    } finally {
      this.inFlight--;
    }
  }

  at(url: string): number[] {
    return this.polls.filter((p) => p.url === url).map((p) => p.at / MIN);
  }
}

let reader: FakeReader;
let feeds: FeedEntry[];
let poller: FeedPoller;
const logs = captureLogger();
const start = (concurrency = 3, random = () => 0.5) => {
  poller = createFeedPoller({
    reader,
    feeds: () => feeds,
    clock: systemClock,
    intervalMs: INTERVAL,
    concurrency,
    random,
    logger: logs.logger,
  });
  poller.start();
};

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
  reader = new FakeReader();
  feeds = [feed('a'), feed('b')];
});
afterEach(async () => {
  await poller.stop();
  vi.useRealTimers();
});

describe('feed poller', () => {
  it('polls each feed first within the jitter window, then every interval on its own schedule', async () => {
    let r = 0;
    const randoms = [0, 1]; // feed a at once, feed b at the end of the window (10% of 15 min = 1.5 min)
    start(3, () => randoms[r++ % 2]!);
    await vi.advanceTimersByTimeAsync(46 * MIN);
    expect(reader.at(feeds[0]!.url)).toEqual([0, 15, 30, 45]);
    expect(reader.at(feeds[1]!.url)).toEqual([1.5, 16.5, 31.5]);
  });

  it('runs at most `concurrency` polls at once; the rest start as slots free', async () => {
    feeds = ['a', 'b', 'c', 'd', 'e'].map(feed);
    for (const f of feeds) reader.durationMs.set(f.url, 10_000);
    start(2, () => 0);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(reader.maxInFlight).toBe(2);
    expect(reader.polls.map((p) => p.at / 1000)).toEqual([0, 0, 10, 10, 20]);
  });

  it('a feed that hangs holds one slot; the others keep their schedule', async () => {
    feeds = [feed('slow'), feed('b'), feed('c')];
    reader.durationMs.set(feeds[0]!.url, 60 * MIN);
    start(2, () => 0);
    await vi.advanceTimersByTimeAsync(31 * MIN);
    expect(reader.at(feeds[0]!.url)).toEqual([0]);
    expect(reader.at(feeds[1]!.url)).toEqual([0, 15, 30]);
    expect(reader.at(feeds[2]!.url)).toEqual([0, 15, 30]);
  });

  it('picks up a feed added to the file and drops one removed, without a restart', async () => {
    start(3, () => 0);
    await vi.advanceTimersByTimeAsync(MIN);
    feeds = [feeds[0]!, feed('new')];
    await vi.advanceTimersByTimeAsync(FEED_PASS_MAX_MS);
    expect(reader.at(feed('new').url)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(reader.at(feed('b').url)).toEqual([0]);
  });

  it('logs a poll that throws, retries it an interval later, and goes on with the others', async () => {
    reader.failing.add(feeds[0]!.url);
    start(3, () => 0);
    await vi.advanceTimersByTimeAsync(16 * MIN);
    expect(reader.at(feeds[0]!.url)).toEqual([0, 15]);
    expect(reader.at(feeds[1]!.url)).toEqual([0, 15]);
    expect(logs.lines().filter((l) => l.msg === 'feed poll crashed')).toHaveLength(2);
  });

  it('stop aborts the polls in flight and waits for them', async () => {
    reader.durationMs.set(feeds[0]!.url, 60 * MIN);
    start(3, () => 0);
    await vi.advanceTimersByTimeAsync(1_000);
    await poller.stop();
    expect(reader.signals.every((s) => s.aborted)).toBe(true);
    const polls = reader.polls.length;
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(reader.polls).toHaveLength(polls);
  });
});

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Reply latency buckets in seconds: a lookup takes milliseconds, a slow page press a second. */
export const REPLY_SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;
/** Indexing run buckets in seconds: an unchanged corpus takes milliseconds, a fresh 20,000-article one a quarter of a minute. */
export const INDEX_SECONDS_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300] as const;

/** Where an update came from: a platform, the console, or `none` (tools and tests). */
export type MetricsPlatform = string;

/** What the index reports for the gauges, read at scrape time. */
export interface IndexFigures {
  countArticles(): Promise<number>;
  countPeople(): Promise<number>;
}

/**
 * nashra's Prometheus metrics in one registry: what the bot handled (updates and commands
 * by platform and command, reply latency, errors), what the scheduler posted (digests by
 * outcome), and what the index holds (articles, people, indexing time). Article and
 * people counts are read from the index when scraped, so they are never stale.
 */
export interface Metrics {
  readonly registry: Registry;
  /** One update handled (a command or a page press) and how long its reply took. */
  observeReply(platform: MetricsPlatform, command: string, seconds: number): void;
  /** A command that failed with an error (the user got an apology). */
  countError(platform: MetricsPlatform, command: string): void;
  /** A digest slot finished: sent, skipped (nothing new), failed, or gone (chat removed the bot). */
  countDigest(outcome: 'sent' | 'skipped' | 'failed' | 'gone'): void;
  /** One indexing run (start-up or rescan) took this long. */
  observeIndexing(seconds: number): void;
  /** Prometheus text exposition of every metric. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsDeps {
  readonly index?: IndexFigures;
  /** Node's process metrics (memory, event loop lag, GC) too; default true. */
  readonly processMetrics?: boolean;
}

export function createMetrics(deps: MetricsDeps = {}): Metrics {
  const registry = new Registry();
  if (deps.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'nashra_' });

  const updates = new Counter({
    name: 'nashra_updates_total',
    help: 'Updates handled (commands and page presses), by platform.',
    labelNames: ['platform'],
    registers: [registry],
  });
  const commands = new Counter({
    name: 'nashra_commands_total',
    help: 'Commands handled, by platform and command.',
    labelNames: ['platform', 'command'],
    registers: [registry],
  });
  const replySeconds = new Histogram({
    name: 'nashra_reply_seconds',
    help: 'Time from an update to its reply being built, by platform and command.',
    labelNames: ['platform', 'command'],
    buckets: [...REPLY_SECONDS_BUCKETS],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'nashra_errors_total',
    help: 'Commands that failed with an error, by platform and command.',
    labelNames: ['platform', 'command'],
    registers: [registry],
  });
  const digests = new Counter({
    name: 'nashra_digests_total',
    help: 'Scheduled digest slots finished, by outcome (sent, skipped, failed, gone).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  for (const outcome of ['sent', 'skipped', 'failed', 'gone']) digests.inc({ outcome }, 0);
  const indexSeconds = new Histogram({
    name: 'nashra_index_seconds',
    help: 'Duration of indexing runs (start-up and rescans).',
    buckets: [...INDEX_SECONDS_BUCKETS],
    registers: [registry],
  });
  const { index } = deps;
  if (index) {
    new Gauge({
      name: 'nashra_articles',
      help: 'Articles in the index.',
      registers: [registry],
      async collect() {
        this.set(await index.countArticles());
      },
    });
    new Gauge({
      name: 'nashra_people',
      help: 'People, organizations and unnamed sources quoted in the index.',
      registers: [registry],
      async collect() {
        this.set(await index.countPeople());
      },
    });
  }

  return {
    registry,
    contentType: registry.contentType,
    observeReply(platform, command, seconds) {
      updates.inc({ platform });
      commands.inc({ platform, command });
      replySeconds.observe({ platform, command }, seconds);
    },
    countError(platform, command) {
      errors.inc({ platform, command });
    },
    countDigest(outcome) {
      digests.inc({ outcome });
    },
    observeIndexing(seconds) {
      indexSeconds.observe(seconds);
    },
    render: () => registry.metrics(),
  };
}

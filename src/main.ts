import { openIndex, writableIndex } from './app/open-index.js';
import { waitForPlatform } from './app/wait-for-platform.js';
import { type Config, loadConfig } from './config/load-config.js';
import { loadEnvFile } from './config/load-env-file.js';
import { createConsole } from './console/create-console.js';
import { createConsoleDelivery } from './console/create-console-delivery.js';
import { hasConsoleInput } from './console/has-console-input.js';
import { createCommandHandler } from './core/commands/create-command-handler.js';
import { NashraError } from './core/errors/nashra-error.js';
import type { ChatDelivery, Platform } from './core/ports/chat-delivery.js';
import { systemClock } from './core/schedule/clock.js';
import { createSubscriptionCommands } from './core/subscriptions/create-subscription-commands.js';
import { type DiscordBot, createDiscordBot } from './discord/create-discord-bot.js';
import { discordTarget } from './discord/probe-discord.js';
import { type HttpServer, createHttpServer } from './http/create-http-server.js';
import { mountOperations } from './http/mount-operations.js';
import { consoleLogLevel, createLogger } from './logging/create-logger.js';
import { scrubSecrets } from './logging/scrub-secrets.js';
import { countDigests } from './metrics/count-digests.js';
import { createMetrics } from './metrics/create-metrics.js';
import { instrumentHandler } from './metrics/instrument-handler.js';
import { createCorpusWatcher } from './scheduler/create-corpus-watcher.js';
import { type DigestScheduler, createDigestScheduler } from './scheduler/create-digest-scheduler.js';
import type { FeedReader } from './feeds/create-feed-reader.js';
import { readFeedList } from './feeds/read-feed-list.js';
import { createFeedPoller } from './scheduler/create-feed-poller.js';
import { STOP_LIMITS } from './core/lifecycle/stop-limits.js';
import { type TelegramBot, createTelegramBot } from './telegram/create-telegram-bot.js';
import { telegramTarget } from './telegram/probe-telegram.js';
import { createLeaseKeeper } from './scheduler/create-lease-keeper.js';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A running part that can be stopped on a signal. */
interface Service {
  readonly name: string;
  stop(): Promise<void>;
}

/** The leases of jobs one instance at a time does. */
const LEASE_NAMES = { telegramPolling: 'telegram-polling', feeds: 'feeds' } as const satisfies Record<string, string>;

/** How often the scheduler re-reads subscriptions (others may change them on a shared database). */
const SUBSCRIPTION_REFRESH_MS = 60_000;

/** What a start with no token and no terminal says: the one line a `docker run -d` log shows. */
const HEADLESS_NO_TOKEN =
  'no bot token and no terminal: set TELEGRAM_BOT_TOKEN and/or DISCORD_TOKEN (e.g. docker run -e TELEGRAM_BOT_TOKEN=...), or start nashra in a terminal (docker run -it) to use the console';

/**
 * The entry point: the only place that wires concrete parts. Indexes the corpus, then
 * runs every platform whose token is set (with none set, the console), the digest
 * scheduler and the corpus watcher. Stops in reverse order on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    loadEnvFile();
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`nashra: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const consoleMode = !config.telegram && !config.discord;
  if (consoleMode && !hasConsoleInput()) {
    process.stderr.write(`nashra: ${HEADLESS_NO_TOKEN}\n`);
    process.exit(2);
  }
  // The console shares the terminal with the chat: at most warnings there, whatever LOG_LEVEL says.
  const logger = createLogger(consoleMode ? consoleLogLevel(config.logLevel) : config.logLevel);
  // Feeds: the file is read again on every pass, so a feed added to it is followed without a restart.
  const feedsFile = config.feeds;
  let reportedProblems = '';
  const readFeeds = () => {
    const list = readFeedList(feedsFile.file, { required: feedsFile.explicit });
    const problems = JSON.stringify(list.problems);
    if (problems !== reportedProblems) {
      reportedProblems = problems;
      for (const p of list.problems)
        logger.warn({ file: feedsFile.file, line: p.line, reason: p.reason }, 'feeds file line ignored');
    }
    return list.feeds;
  };
  const initialFeeds = readFeeds(); // a feeds file named by NASHRA_FEEDS that cannot be read fails the start
  const started = Date.now();
  // Checked at start-up; later rescans analyze on a worker thread, so replies never wait on them.
  // Another process indexing at start-up does not keep the bot down: it answers from the
  // index as it stands, and the next rescan catches up.
  const app = await openIndex({
    corpus: config.corpusDir,
    db: config.db,
    mode: 'read',
    check: true,
    background: true,
    warn: (m) => logger.warn(m),
  });
  if (app.stale) logger.warn({ reason: app.stale }, 'index not refreshed at start-up');
  const { report } = app;
  for (const s of report.skipped) logger.warn({ file: s.file, reason: s.reason }, 'article skipped');
  logger.info({ ...report, skipped: report.skipped.length, ms: Date.now() - started }, 'index ready');
  const metrics = createMetrics({ index: app.index });
  metrics.observeIndexing((Date.now() - started) / 1000);

  const { storage } = app;
  const subscriptionStore = storage.subscriptions;
  let scheduler: DigestScheduler | undefined;
  const subscriptions = createSubscriptionCommands({
    store: subscriptionStore,
    index: app.index,
    clock: systemClock,
    defaultTimezone: config.timezone,
    onChange: () => scheduler?.refresh(),
  });
  const handler = createCommandHandler({ index: app.index, pages: app.storage.pages, subscriptions });
  const handlerFor = (platform: Platform) => instrumentHandler(handler, metrics, platform);
  const services: Service[] = [];
  const deliveries: Partial<Record<Platform, ChatDelivery>> = {};

  // This start, as a lease holder: the host and pid say which instance it is in a log.
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseTtlMs = config.leaseSeconds * 1000;
  let stopping = false;
  /**
   * Drain, then exit: from the signal on /healthz answers 503 and webhook POSTs get 503
   * (Telegram retries them; the load balancer sends them to another instance); then each
   * service stops in reverse order of start, finishing its work in flight (digests being
   * sent, updates and interactions being answered) within STOP_LIMITS.
   */
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason, instance: instanceId }, 'stopping');
    // Whatever still runs, the process is gone within the budget (an index run cut off here
    // is repaired by the next one; updates not answered were handed back).
    setTimeout(() => {
      logger.warn({ exitMs: STOP_LIMITS.exitMs }, 'stop took too long; exiting');
      process.exit(code);
    }, STOP_LIMITS.exitMs - 250).unref();
    for (const s of [...services].reverse()) {
      await s.stop().catch((err: unknown) => logger.error({ err, service: s.name }, 'stop failed'));
    }
    await app.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // Set once each platform starts; /healthz reports them from then on.
  let telegramBot: TelegramBot | undefined;
  let discordBot: DiscordBot | undefined;
  let http: HttpServer | undefined;
  if (config.httpPort !== null) {
    http = createHttpServer({ logger });
    mountOperations(http, {
      metrics,
      health: app.index,
      draining: () => stopping,
      // Every configured platform, disconnected until its bot has started (and again once it stops).
      platforms: () => [
        ...(config.telegram ? [{ name: 'telegram', connected: () => telegramBot?.connected() ?? false }] : []),
        ...(config.discord ? [{ name: 'discord', connected: () => discordBot?.connected() ?? false }] : []),
      ],
    });
    const port = await http.listen(config.httpPort);
    const server = http;
    services.push({ name: 'http', stop: () => server.close() });
    logger.info({ port }, 'serving /healthz and /metrics');
  }

  // A wrong token fails here with one line; an unreachable API is retried, visibly, a bounded number of times.
  if (config.telegram)
    await waitForPlatform(telegramTarget(config.telegram.token, config.telegram.apiRoot), { logger });
  if (config.discord) await waitForPlatform(discordTarget(config.discord.token, config.discord.apiUrl), { logger });

  if (config.telegram) {
    const { handedBack } = storage;
    // A database this process can write is one several instances may share: each update is
    // claimed there first (a webhook retry, or an update a new polling-lease holder fetches
    // again, is answered once), and long polling waits for the polling lease.
    const shared = storage.writer !== null;
    const polling = !config.telegram.webhook;
    const telegram = createTelegramBot({
      ...config.telegram,
      handler: handlerFor('telegram'),
      handedBack,
      ...(shared ? { ledger: storage.updates } : {}),
      deferPolling: polling && shared,
      logger: logger.child({ platform: 'telegram' }),
    });
    // Webhook mode: Telegram POSTs to the URL's path on the one HTTP server (the config requires its port).
    const webhookHandler = telegram.webhookHandler;
    if (webhookHandler && config.telegram.webhook && http)
      http.mount('POST', new URL(config.telegram.webhook.url).pathname, async (req, res) => {
        // Draining: Telegram delivers the update again, and the load balancer picks another instance.
        if (stopping) return void res.writeHead(503, { 'retry-after': '1' }).end();
        await webhookHandler(req, res);
      });
    await telegram.start();
    telegramBot = telegram;
    services.push({ name: 'telegram', stop: () => telegram.stop() });
    deliveries.telegram = telegram;
    if (polling && shared) {
      // Exactly one instance long-polls: the holder of the lease; the others stand by.
      const keeper = createLeaseKeeper({
        leases: storage.leases,
        name: LEASE_NAMES.telegramPolling,
        holder: instanceId,
        ttlMs: leaseTtlMs,
        onAcquire: () => telegram.startPolling(),
        onRelease: () => telegram.stopPolling(),
        logger,
      });
      keeper.start();
      services.push({ name: 'telegram-polling-lease', stop: () => keeper.stop() });
    }
  }
  if (config.discord) {
    // Each interaction is claimed in the database first (not in a read-only file, which serves
    // one instance only), so one dispatched again, here or to another instance, is answered once.
    const discord = createDiscordBot({
      ...config.discord,
      handler: handlerFor('discord'),
      index: app.index,
      ...(storage.writer ? { ledger: storage.updates } : {}),
      logger,
    });
    await discord.start();
    discordBot = discord;
    services.push({ name: 'discord', stop: () => discord.stop() });
    deliveries.discord = discord;
  }
  if (consoleMode) deliveries.console = createConsoleDelivery();

  // Started after the platforms and so stopped before them: no digest is cut off mid-send.
  scheduler = createDigestScheduler({
    store: countDigests(subscriptionStore, metrics),
    index: app.index,
    deliveries,
    clock: systemClock,
    logger,
    // A subscription made through another instance on the same database is scheduled here within a minute.
    refreshEveryMs: SUBSCRIPTION_REFRESH_MS,
  });
  services.push({ name: 'scheduler', stop: () => scheduler!.stop() });
  scheduler.start().catch((err: unknown) => logger.error({ err }, 'scheduler start failed'));

  if (config.rescanSeconds > 0) {
    const reindex = async () => {
      const at = performance.now();
      try {
        return await app.reindex();
      } finally {
        metrics.observeIndexing((performance.now() - at) / 1000);
      }
    };
    const watcher = createCorpusWatcher({ reindex, intervalMs: config.rescanSeconds * 1000, logger });
    watcher.start();
    services.push({ name: 'corpus-watcher', stop: () => watcher.stop() });
  }

  // The feed parser, DOM and Readability load on the first poll: seconds of start-up saved when no feed is followed.
  let reader: Promise<FeedReader> | null = null;
  const loadReader = () =>
    (reader ??= import('./feeds/create-feed-reader.js').then(({ createFeedReader }) =>
      createFeedReader({
        store: storage.feeds,
        writer: writableIndex(storage),
        stories: storage.stories,
        clock: systemClock,
        intervalMs: config.feedMinutes * 60_000,
        logger: logger.child({ job: 'feeds' }),
      }),
    ));
  const feedReader: FeedReader = { poll: async (feed, options) => (await loadReader()).poll(feed, options) };
  const makePoller = () =>
    createFeedPoller({
      reader: feedReader,
      feeds: readFeeds,
      clock: systemClock,
      intervalMs: config.feedMinutes * 60_000,
      logger,
    });
  if (storage.writer) {
    // One instance at a time polls feeds (the holder of the feeds lease); a new poller per
    // term, since a stopped one aborted its requests. Killed mid-poll, nothing is lost: a poll
    // writes after its network work and the feed's state last, so the next poll redoes the rest.
    let poller: ReturnType<typeof createFeedPoller> | null = null;
    const keeper = createLeaseKeeper({
      leases: storage.leases,
      name: LEASE_NAMES.feeds,
      holder: instanceId,
      ttlMs: leaseTtlMs,
      onAcquire: () => {
        poller = makePoller();
        poller.start();
      },
      onRelease: async () => {
        const running = poller;
        poller = null;
        await running?.stop();
      },
      logger,
    });
    keeper.start();
    services.push({ name: 'feeds', stop: () => keeper.stop() });
  } else {
    const poller = makePoller();
    poller.start();
    services.push({ name: 'feeds', stop: () => poller.stop() });
  }
  logger.info({ feeds: initialFeeds.length, file: feedsFile.file, minutes: config.feedMinutes }, 'following feeds');

  if (consoleMode) {
    await createConsole({ handler: handlerFor('console'), logger }).run();
    await stop('console closed');
  }
}

main().catch((err: unknown) => {
  // One line, tokens scrubbed; the stack only when asked for (DEBUG=1).
  const message =
    err instanceof NashraError
      ? err.message
      : process.env.DEBUG
        ? ((err as Error)?.stack ?? String(err))
        : `${(err as Error)?.message ?? String(err)} (DEBUG=1 shows the stack trace)`;
  process.stderr.write(`nashra: ${scrubSecrets(message)}\n`);
  process.exit(1);
});

import { openIndex } from './app/open-index.js';
import { type Config, loadConfig } from './config/load-config.js';
import { loadEnvFile } from './config/load-env-file.js';
import { createConsole } from './console/create-console.js';
import { createConsoleDelivery } from './console/create-console-delivery.js';
import { createCommandHandler } from './core/commands/create-command-handler.js';
import { createMemoryPageStore } from './store/create-memory-page-store.js';
import { NashraError } from './core/errors/nashra-error.js';
import type { ChatDelivery, Platform } from './core/ports/chat-delivery.js';
import { systemClock } from './core/schedule/clock.js';
import { createSubscriptionCommands } from './core/subscriptions/create-subscription-commands.js';
import { createDiscordBot } from './discord/create-discord-bot.js';
import { createLogger } from './logging/create-logger.js';
import { createCorpusWatcher } from './scheduler/create-corpus-watcher.js';
import { type DigestScheduler, createDigestScheduler } from './scheduler/create-digest-scheduler.js';
import { createSqliteHandedBackUpdates } from './store/create-sqlite-handed-back-updates.js';
import { createSqliteSubscriptions } from './store/create-sqlite-subscriptions.js';
import { STOP_LIMITS } from './core/lifecycle/stop-limits.js';
import { createTelegramBot } from './telegram/create-telegram-bot.js';

/** A running part that can be stopped on a signal. */
interface Service {
  readonly name: string;
  stop(): Promise<void>;
}

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
  // The console shares the terminal with the logs: only warnings, unless LOG_LEVEL says otherwise.
  const logger = createLogger(consoleMode && !process.env.LOG_LEVEL ? 'warn' : config.logLevel);
  const started = Date.now();
  // Checked at start-up; later rescans analyze on a worker thread, so replies never wait on them.
  // Another process indexing at start-up does not keep the bot down: it answers from the
  // index as it stands, and the next rescan catches up.
  const app = await openIndex({ corpus: config.corpusDir, db: config.db, mode: 'read', check: true, background: true, warn: (m) => logger.warn(m) });
  if (app.stale) logger.warn({ reason: app.stale }, 'index not refreshed at start-up');
  const { report } = app;
  for (const s of report.skipped) logger.warn({ file: s.file, reason: s.reason }, 'article skipped');
  logger.info({ ...report, skipped: report.skipped.length, ms: Date.now() - started }, 'index ready');

  const subscriptionStore = createSqliteSubscriptions(app.db);
  let scheduler: DigestScheduler | undefined;
  const subscriptions = createSubscriptionCommands({
    store: subscriptionStore,
    index: app.index,
    clock: systemClock,
    defaultTimezone: config.timezone,
    onChange: () => scheduler?.refresh(),
  });
  const handler = createCommandHandler({ index: app.index, pages: createMemoryPageStore(), subscriptions });
  const services: Service[] = [];
  const deliveries: Partial<Record<Platform, ChatDelivery>> = {};

  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping');
    // Whatever still runs, the process is gone within the budget (an index run cut off here
    // is repaired by the next one; updates not answered were handed back).
    setTimeout(() => {
      logger.warn({ exitMs: STOP_LIMITS.exitMs }, 'stop took too long; exiting');
      process.exit(code);
    }, STOP_LIMITS.exitMs - 250).unref();
    for (const s of [...services].reverse()) {
      await s.stop().catch((err: unknown) => logger.error({ err, service: s.name }, 'stop failed'));
    }
    app.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  if (config.telegram) {
    const handedBack = createSqliteHandedBackUpdates(app.db);
    const telegram = createTelegramBot({ ...config.telegram, handler, handedBack, logger: logger.child({ platform: 'telegram' }) });
    await telegram.start();
    services.push({ name: 'telegram', stop: () => telegram.stop() });
    deliveries.telegram = telegram;
  }
  if (config.discord) {
    const discord = createDiscordBot({ ...config.discord, handler, index: app.index, logger });
    await discord.start();
    services.push({ name: 'discord', stop: () => discord.stop() });
    deliveries.discord = discord;
  }
  if (consoleMode) deliveries.console = createConsoleDelivery();

  // Started after the platforms and so stopped before them: no digest is cut off mid-send.
  scheduler = createDigestScheduler({ store: subscriptionStore, index: app.index, deliveries, clock: systemClock, logger });
  services.push({ name: 'scheduler', stop: () => scheduler!.stop() });
  scheduler.start().catch((err: unknown) => logger.error({ err }, 'scheduler start failed'));

  if (config.rescanSeconds > 0) {
    const watcher = createCorpusWatcher({ reindex: app.reindex, intervalMs: config.rescanSeconds * 1000, logger });
    watcher.start();
    services.push({ name: 'corpus-watcher', stop: () => watcher.stop() });
  }

  if (consoleMode) {
    await createConsole({ handler, logger }).run();
    await stop('console closed');
  }
}

main().catch((err: unknown) => {
  const message = err instanceof NashraError ? err.message : ((err as Error)?.stack ?? String(err));
  process.stderr.write(`nashra: ${message}\n`);
  process.exit(1);
});

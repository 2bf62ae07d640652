import { openIndex } from './app/open-index.js';
import { type Config, loadConfig } from './config/load-config.js';
import { createConsole } from './console/create-console.js';
import { createCommandHandler } from './core/commands/create-command-handler.js';
import { createMemoryPageStore } from './core/commands/page-store.js';
import { NashraError } from './core/errors/nashra-error.js';
import { createDiscordBot } from './discord/create-discord-bot.js';
import { createLogger } from './logging/create-logger.js';
import { createTelegramBot } from './telegram/create-telegram-bot.js';

/** A running surface that can be stopped on a signal. */
interface Service {
  readonly name: string;
  stop(): Promise<void>;
}

/**
 * The entry point: the only place that wires concrete parts. Indexes the corpus, then
 * runs every platform whose token is set; with none set, runs the console.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`nashra: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.telegram || config.discord ? config.logLevel : process.env.LOG_LEVEL ? config.logLevel : 'warn');
  const started = Date.now();
  const app = await openIndex({ corpus: config.corpusDir, db: config.db });
  const { report } = app;
  for (const s of report.skipped) logger.warn({ file: s.file, reason: s.reason }, 'article skipped');
  logger.info({ ...report, skipped: report.skipped.length, ms: Date.now() - started }, 'index ready');

  const handler = createCommandHandler({ index: app.index, pages: createMemoryPageStore() });
  const services: Service[] = [];

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    for (const s of services.reverse()) {
      await s.stop().catch((err: unknown) => logger.error({ err, service: s.name }, 'stop failed'));
    }
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  if (config.telegram) {
    const telegram = createTelegramBot({ ...config.telegram, handler, logger: logger.child({ platform: 'telegram' }) });
    await telegram.start();
    services.push({ name: 'telegram', stop: () => telegram.stop() });
  }

  if (config.discord) {
    const discord = createDiscordBot({ ...config.discord, handler, index: app.index, logger: logger.child({ platform: 'discord' }) });
    await discord.start();
    services.push({ name: 'discord', stop: () => discord.stop() });
  }

  if (!config.telegram && !config.discord) {
    await createConsole({ handler, logger }).run();
    await stop('console closed');
  }
}

main().catch((err: unknown) => {
  const message = err instanceof NashraError ? err.message : (err as Error)?.stack ?? String(err);
  process.stderr.write(`nashra: ${message}\n`);
  process.exit(1);
});

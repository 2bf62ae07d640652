import type { CommandHandler } from '../../../src/core/commands/create-command-handler.js';
import { createLogger } from '../../../src/logging/create-logger.js';
import {
  createTelegramBot,
  type TelegramBot,
  type TelegramBotDeps,
} from '../../../src/telegram/create-telegram-bot.js';
import { EMULATOR_TOKEN, startTelegramEmulator, type TelegramEmulator } from '../../../emulators/telegram-emulator.js';

export interface BotUnderTest {
  readonly em: TelegramEmulator;
  readonly tg: TelegramBot;
  /** Every log line, as written (JSON). */
  readonly logs: string[];
  /** The parsed log records. */
  records(): Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * The real adapter against the emulator. The throttle's clock advances ten seconds per
 * request unless a test brings its own, so only the flood test is ever throttled; the
 * outgoing throttle is off to keep the suite fast (its pacing is Telegram's, 1 msg/s).
 */
export async function startBot(handler: CommandHandler, extra: Partial<TelegramBotDeps> = {}): Promise<BotUnderTest> {
  const em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  let clock = 0;
  const tg = createTelegramBot({
    token: EMULATOR_TOKEN,
    apiRoot: em.apiRoot,
    handler,
    logger,
    throttle: false,
    now: () => (clock += 10_000),
    pollTimeoutSeconds: 5,
    ...extra,
  });
  await tg.start();
  return {
    em,
    tg,
    logs,
    records: () => logs.map((l) => JSON.parse(l) as Record<string, unknown>),
    async close() {
      await tg.stop();
      await em.close();
    },
  };
}

import { Writable } from 'node:stream';
import type { CommandHandler } from '../../src/core/commands/create-command-handler.js';
import type { ArticleIndex } from '../../src/core/ports/article-index.js';
import { createDiscordBot, type DiscordBot } from '../../src/discord/create-discord-bot.js';
import { createLogger, type Logger } from '../../src/logging/create-logger.js';
import {
  type DiscordEmulator,
  type EmulatorOptions,
  type InteractionState,
  startDiscordEmulator,
} from '../../emulators/discord-emulator.js';

/** Every log line the bot wrote, parsed, and a way to wait for one. */
export interface LogCapture {
  readonly logger: Logger;
  readonly lines: Record<string, any>[];
  readonly raw: string[];
  waitFor(predicate: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
}

export function captureLogs(level = 'debug'): LogCapture {
  const lines: Record<string, any>[] = [];
  const raw: string[] = [];
  const waiters = new Set<{
    predicate: (l: Record<string, any>) => boolean;
    resolve: (l: Record<string, any>) => void;
  }>();
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) {
        raw.push(text);
        const line = JSON.parse(text) as Record<string, any>;
        lines.push(line);
        for (const w of waiters) {
          if (w.predicate(line)) {
            waiters.delete(w);
            w.resolve(line);
          }
        }
      }
      done();
    },
  });
  return {
    logger: createLogger(level, stream),
    lines,
    raw,
    waitFor(predicate, timeoutMs = 5000) {
      const found = lines.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = {
          predicate,
          resolve: (l: Record<string, any>) => {
            clearTimeout(timer);
            resolve(l);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error('timed out waiting for a log line'));
        }, timeoutMs);
        waiters.add(w);
      });
    },
  };
}

export interface Harness {
  readonly emulator: DiscordEmulator;
  readonly bot: DiscordBot;
  readonly logs: LogCapture;
  /** Resolves when the bot finished answering the interaction (its "interaction done" log line). */
  answered(state: InteractionState, timeoutMs?: number): Promise<InteractionState>;
  /** Starts another bot against the same emulator (a restart). */
  restart(): Promise<DiscordBot>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly handler: CommandHandler;
  readonly index: ArticleIndex;
  readonly guildId?: string;
  readonly emulator?: EmulatorOptions;
}

/** Starts the emulator and a real discord.js bot wired to it. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const emulator = await startDiscordEmulator(options.emulator);
  const logs = captureLogs();
  const make = () =>
    createDiscordBot({
      token: emulator.token,
      apiUrl: emulator.apiUrl,
      ...(options.guildId ? { guildId: options.guildId } : {}),
      handler: options.handler,
      index: options.index,
      logger: logs.logger,
    });
  let bot = make();
  const bots = [bot];
  await bot.start();
  return {
    emulator,
    get bot() {
      return bot;
    },
    logs,
    async answered(state, timeoutMs = 5000) {
      await logs.waitFor((l) => l.msg === 'discord interaction done' && l.interactionId === state.id, timeoutMs);
      return state;
    },
    async restart() {
      await bot.stop();
      bot = make();
      bots.push(bot);
      await bot.start();
      return bot;
    },
    async stop() {
      for (const b of bots) await b.stop();
      await emulator.close();
    },
  };
}

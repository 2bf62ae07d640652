import { type AutoRetryOptions, autoRetry } from '@grammyjs/auto-retry';
import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Api, Bot } from 'grammy';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import type { Reply } from '../core/commands/reply.js';
import type { ChatDelivery, DeliveryProgress } from '../core/ports/chat-delivery.js';
import type { Logger } from '../logging/create-logger.js';
import { createErrorBoundary } from './create-error-boundary.js';
import { createRateLimiter, USER_RATE_LIMIT } from './create-rate-limiter.js';
import { createMessageHandler } from './handle-message.js';
import { createPagePressHandler } from './handle-page-press.js';
import { logApiFailures } from './log-api-failures.js';
import { scrubError } from '../logging/scrub-secrets.js';
import { registerCommands } from './register-commands.js';
import { sendReply } from './send-reply.js';
import { toDeliveryError } from './to-delivery-error.js';

/** Long-polling timeout: Telegram holds an empty `getUpdates` this long. */
export const POLL_TIMEOUT_SECONDS = 30;
/** How long `stop()` lets in-flight updates finish before giving up on them. */
export const STOP_GRACE_MS = 10_000;
/** How long `stop()` tries to confirm the last update to Telegram. */
const CONFIRM_TIMEOUT_MS = 5_000;
/** The updates nashra reads; anything else Telegram need not send. */
const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query'] as const;

/**
 * Who retries what. A chat answer (someone is waiting) goes through auto-retry: 429s are
 * waited out as long as Telegram asks for at most two minutes, 5xx and network failures
 * retried with backoff, at most 6 retries; past that the error boundary answers. A
 * scheduled post never goes through auto-retry: `send` makes one Bot API call per message
 * and throws `DeliveryError`, and the scheduler's `sendWithRetry` owns its retries
 * (retry_after waited out exactly, 5 attempts for the rest), resuming at the failed part.
 * Stacked, the two layers made one digest part cost up to 7 × 5 = 35 calls.
 */
export const AUTO_RETRY: Partial<AutoRetryOptions> = { maxDelaySeconds: 120, maxRetryAttempts: 6 };

/** What the Telegram adapter is built from; everything but the first four has a production default. */
export interface TelegramBotDeps {
  readonly token: string;
  /** A local Bot API server or emulator, without a trailing slash. */
  readonly apiRoot?: string;
  readonly handler: CommandHandler;
  readonly logger: Logger;
  /** Clock of the per-user throttle; injected by tests so they never sleep. */
  readonly now?: () => number;
  /** Per-user throttle; default USER_RATE_LIMIT. */
  readonly rateLimit?: { readonly burst: number; readonly perSecond: number };
  /** Overrides of AUTO_RETRY (chat answers only: scheduled posts are retried by the scheduler). */
  readonly retry?: Partial<AutoRetryOptions>;
  /** Pace outgoing messages to Telegram's per-chat limits (transformer-throttler). Default true. */
  readonly throttle?: boolean;
  /** Long-polling timeout in seconds; default POLL_TIMEOUT_SECONDS. */
  readonly pollTimeoutSeconds?: number;
}

/** The running adapter: polled for chat commands, and a ChatDelivery for scheduled digests. */
export interface TelegramBot extends ChatDelivery {
  /** Resolves once the bot polls: after deleteWebhook, getMe and setMyCommands. */
  start(): Promise<void>;
  /** Stops polling, lets in-flight updates finish, and confirms them to Telegram. */
  stop(): Promise<void>;
  readonly bot: Bot;
}

/**
 * The Telegram adapter: translates updates into command-handler calls and renders the
 * platform-neutral replies as messages styled with entities. Long polling runs through @grammyjs/runner
 * (updates of different chats concurrently, each chat in order); API calls go through
 * auto-retry (429 / 5xx / network) and, by default, an outgoing throttle.
 */
export function createTelegramBot(deps: TelegramBotDeps): TelegramBot {
  const { logger, handler } = deps;
  const apiRoot = deps.apiRoot?.replace(/\/+$/, '');
  const bot = new Bot(deps.token, apiRoot ? { client: { apiRoot } } : {});
  // Innermost first: the logger sees every attempt, auto-retry (outermost) re-enters the throttle.
  const throttler = deps.throttle === false ? undefined : apiThrottler();
  bot.api.config.use(logApiFailures(logger));
  if (throttler) bot.api.config.use(throttler);
  bot.api.config.use(autoRetry({ ...AUTO_RETRY, ...deps.retry }));
  // Scheduled posts: the same logging and the same throttle (one pace per chat), no auto-retry.
  const deliveryApi = new Api(deps.token, apiRoot ? { apiRoot } : {});
  deliveryApi.config.use(logApiFailures(logger));
  if (throttler) deliveryApi.config.use(throttler);

  const limiter = createRateLimiter({ ...USER_RATE_LIMIT, ...deps.rateLimit, ...(deps.now ? { now: deps.now } : {}) });
  let lastUpdateId: number | undefined;

  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(async (ctx, next) => {
    lastUpdateId = Math.max(lastUpdateId ?? 0, ctx.update.update_id);
    await next();
  });
  bot.on('callback_query', createPagePressHandler({ handler, limiter, logger }));
  bot.on(['message', 'channel_post'], createMessageHandler({ handler, limiter, logger }));
  bot.catch(createErrorBoundary(logger));

  let runner: RunnerHandle | undefined;

  return {
    platform: 'telegram',
    bot,

    async start() {
      if (runner) return;
      await bot.init();
      await bot.api.deleteWebhook();
      await registerCommands(bot.api);
      const handle = run(bot, {
        runner: { fetch: { timeout: deps.pollTimeoutSeconds ?? POLL_TIMEOUT_SECONDS, allowed_updates: ALLOWED_UPDATES }, silent: true },
      });
      runner = handle;
      handle.task()?.catch((err: unknown) => logger.error({ err: scrubError(err) }, 'telegram polling stopped'));
      logger.info({ username: bot.botInfo.username }, 'telegram bot polling');
    },

    async stop() {
      const handle = runner;
      runner = undefined;
      if (!handle) return;
      try {
        await handle.stop();
      } catch (err) {
        logger.warn({ err: scrubError(err) }, 'telegram polling ended with an error');
      }
      const deadline = Date.now() + STOP_GRACE_MS;
      while (handle.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      if (lastUpdateId !== undefined) {
        // Like bot.stop(): tell Telegram what was handled, so a restart does not answer it again.
        await bot.api
          .getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 }, AbortSignal.timeout(CONFIRM_TIMEOUT_MS) as Parameters<Bot['api']['getUpdates']>[1])
          .catch((err: unknown) => logger.warn({ err: scrubError(err) }, 'could not confirm the last telegram update'));
      }
      logger.info('telegram bot stopped');
    },

    async send(chatId: string, reply: Reply, progress?: DeliveryProgress) {
      try {
        await sendReply(deliveryApi, chatId, reply, progress ? { progress } : {});
      } catch (err) {
        throw toDeliveryError(err, chatId);
      }
    },
  };
}

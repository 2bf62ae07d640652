import { type AutoRetryOptions, autoRetry } from '@grammyjs/auto-retry';
import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Api, Bot, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { createInFlight } from '../core/lifecycle/in-flight.js';
import { STOP_LIMITS } from '../core/lifecycle/stop-limits.js';
import type { HandedBackUpdates } from '../core/ports/handed-back-updates.js';
import type { UpdateLedger } from '../core/ports/update-ledger.js';
import { firstClaim } from '../core/lifecycle/first-claim.js';
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

/**
 * The update-ledger namespace of replays of handed-back updates: already claimed under
 * 'telegram' when first received, they are claimed again here so one instance replays each.
 */
export const HANDED_BACK_NAMESPACE = 'telegram-handed-back';

/** Long-polling timeout: Telegram holds an empty `getUpdates` this long. */
export const POLL_TIMEOUT_SECONDS = 30;
/** The updates nashra reads; anything else Telegram need not send. */
const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query'] as const;
/**
 * In webhook mode, how long Telegram's POST is held while the update is answered. Past it
 * the POST is answered 200 and the answer goes on: Telegram would otherwise time out and
 * deliver the same update again (to any instance behind the load balancer).
 */
export const WEBHOOK_ANSWER_MS = 8_000;

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
  /** Where a stop keeps updates it could not answer, answered after restart (none: they are lost). */
  readonly handedBack?: HandedBackUpdates;
  /** Webhook mode: Telegram POSTs updates to `url` with `secret`; absent: long polling. */
  readonly webhook?: { readonly url: string; readonly secret: string } | null;
  /**
   * Claims each update before it is answered, so one Telegram delivers twice (a webhook
   * retry, possibly to another instance; in polling mode, updates a new lease holder fetches
   * again because the last one could not confirm them) is answered once.
   */
  readonly ledger?: UpdateLedger;
  /**
   * Polling mode: `start` prepares the bot but does not poll; `startPolling` does, when this
   * instance takes the polling lease (Telegram allows one `getUpdates` client per token).
   */
  readonly deferPolling?: boolean;
}

/** The webhook's HTTP handler, mounted at the path of the webhook URL. */
export type TelegramWebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The running adapter: polled for chat commands, and a ChatDelivery for scheduled digests. */
export interface TelegramBot extends ChatDelivery {
  /**
   * Resolves once the bot takes updates: after getMe, setMyCommands and either deleteWebhook
   * (then it polls) or setWebhook (then Telegram POSTs to `webhookHandler`).
   */
  start(): Promise<void>;
  /** In webhook mode, what serves Telegram's POSTs (401 on a wrong secret, 503 once stopping); else null. */
  readonly webhookHandler: TelegramWebhookHandler | null;
  /**
   * True while the bot takes updates: its poller runs, or it serves its webhook, or it
   * stands by to poll when it gets the lease (what /healthz reports).
   */
  connected(): boolean;
  /** Starts long polling (polling mode; done by `start` unless `deferPolling`). Called when the polling lease is taken. */
  startPolling(): Promise<void>;
  /**
   * Stops long polling: updates being answered finish (for `STOP_LIMITS.graceMs`), the rest
   * are handed back, what was fetched is confirmed to Telegram. Called when the lease is lost or given up.
   */
  stopPolling(): Promise<void>;
  /**
   * Stops polling, lets updates being answered finish (for `STOP_LIMITS.graceMs`), hands
   * back the rest, and confirms to Telegram only what was fetched.
   */
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
  /** Updates handed to the bot and not yet answered, by id, with their payload. */
  const unanswered = new Map<number, Update>();
  /** Updates that arrived while stopping, or were replayed and not answered yet: kept, not answered now. */
  const handedBack = new WeakSet<object>();
  const inFlight = createInFlight();
  let lastFetchedId: number | undefined;
  let stopping = false;

  /** Updates replayed from the hand-back store: already claimed by this deployment, answered now. */
  const replayed = new WeakSet<object>();
  // First: an update delivered again (and already claimed, here or by another instance) is dropped.
  const { ledger } = deps;
  if (ledger)
    bot.use(async (ctx, next) => {
      if (replayed.has(ctx.update)) return next();
      const updateId = ctx.update.update_id;
      const first = await firstClaim(ledger, 'telegram', updateId, (err) =>
        logger.warn({ err: scrubError(err), updateId }, 'could not claim telegram update'),
      );
      if (!first) {
        logger.info({ updateId: ctx.update.update_id }, 'telegram update delivered again; already answered');
        return;
      }
      await next();
    });
  // Then every update is recorded the moment the poller hands it over.
  bot.use(async (ctx, next) => {
    const id = ctx.update.update_id;
    lastFetchedId = Math.max(lastFetchedId ?? 0, id);
    unanswered.set(id, ctx.update);
    await inFlight.track(
      (async () => {
        try {
          await next();
        } finally {
          if (!handedBack.has(ctx.update)) {
            unanswered.delete(id);
            await deps.handedBack?.remove('telegram', id);
          }
        }
      })(),
    );
  });
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  // Once stopping, updates still waiting for their chat's turn are handed back, not started.
  bot.use(async (ctx, next) => {
    if (stopping) {
      handedBack.add(ctx.update);
      return;
    }
    await next();
  });
  bot.on('callback_query', createPagePressHandler({ handler, limiter, logger }));
  bot.on(['message', 'channel_post'], createMessageHandler({ handler, limiter, logger }));
  bot.catch(createErrorBoundary(logger));

  /** Keeps what was taken and not answered, for after the restart (none kept: lost, and logged). */
  async function handBack(): Promise<void> {
    const left = [...unanswered.values()];
    if (left.length === 0) return;
    if (deps.handedBack)
      await deps.handedBack.save(
        'telegram',
        left.map((u) => ({ id: u.update_id, payload: JSON.stringify(u) })),
      );
    logger.info(
      { updates: left.length, kept: Boolean(deps.handedBack) },
      'telegram updates handed back for after the restart',
    );
  }

  /** Answers what the last stop handed back. */
  async function replayHandedBack(): Promise<void> {
    const saved = (await deps.handedBack?.load('telegram')) ?? [];
    if (saved.length === 0) return;
    logger.info({ updates: saved.length }, 'answering updates handed back by the last stop');
    for (const u of saved) {
      // Several instances starting together load the same rows: the first to claim the replay answers it.
      const mine = await firstClaim(ledger, HANDED_BACK_NAMESPACE, u.id, (err) =>
        logger.warn({ err: scrubError(err), updateId: u.id }, 'could not claim a handed-back telegram update'),
      );
      if (!mine) continue;
      const update = JSON.parse(u.payload) as Update;
      replayed.add(update);
      void bot
        .handleUpdate(update)
        .catch((err: unknown) => logger.warn({ err: scrubError(err) }, 'handed-back update failed'));
    }
  }

  let runner: RunnerHandle | undefined;
  let webhookOn = false;
  const webhook = deps.webhook ?? null;
  const callback = webhook
    ? webhookCallback(bot, 'http', {
        secretToken: webhook.secret,
        onTimeout: 'return',
        timeoutMilliseconds: WEBHOOK_ANSWER_MS,
      })
    : null;
  const webhookHandler: TelegramWebhookHandler | null = callback
    ? async (req, res) => {
        // Stopped or stopping: Telegram retries later, another instance (or this one restarted) answers.
        if (!webhookOn) return void res.writeHead(503, { 'retry-after': '1' }).end();
        await callback(req, res);
      }
    : null;

  /** Long polling deferred until `startPolling` (a lease decides which instance polls). */
  const deferPolling = deps.deferPolling === true && !webhook;
  let ready = false;

  async function startPolling(): Promise<void> {
    if (runner || webhook) return;
    stopping = false;
    const handle = run(bot, {
      runner: {
        fetch: { timeout: deps.pollTimeoutSeconds ?? POLL_TIMEOUT_SECONDS, allowed_updates: ALLOWED_UPDATES },
        silent: true,
      },
    });
    runner = handle;
    handle.task()?.catch((err: unknown) => logger.error({ err: scrubError(err) }, 'telegram polling stopped'));
    logger.info({ username: bot.botInfo.username }, 'telegram bot polling');
    await replayHandedBack();
  }

  async function stopPolling(): Promise<void> {
    const handle = runner;
    runner = undefined;
    if (!handle) return;
    stopping = true;
    // The poller's stop waits for room in its queue; never longer than the grace.
    const polled = handle
      .stop()
      .catch((err: unknown) => logger.warn({ err: scrubError(err) }, 'telegram polling ended with an error'));
    await inFlight.settle(STOP_LIMITS.graceMs);
    await Promise.race([polled, new Promise((r) => setTimeout(r, 100).unref())]);
    // One synchronous step: what is saved and what is confirmed are the same updates.
    const confirmUpTo = lastFetchedId;
    await handBack();
    if (confirmUpTo !== undefined) {
      // Everything fetched is either answered or kept: confirm it, so Telegram does not send it again.
      await bot.api
        .getUpdates(
          { offset: confirmUpTo + 1, limit: 1, timeout: 0 },
          AbortSignal.timeout(STOP_LIMITS.confirmMs) as Parameters<Bot['api']['getUpdates']>[1],
        )
        .catch((err: unknown) => logger.warn({ err: scrubError(err) }, 'could not confirm the last telegram update'));
    }
    logger.info('telegram polling stopped');
  }

  return {
    platform: 'telegram',
    bot,
    webhookHandler,
    // A standby (polling deferred to the lease holder) is ready to take over: healthy too.
    connected: () => webhookOn || (runner?.isRunning() ?? false) || (deferPolling && ready && !runner),
    startPolling,
    stopPolling,

    async start() {
      if (runner || webhookOn || ready) return;
      stopping = false;
      await bot.init();
      if (webhook) {
        await registerCommands(bot.api);
        webhookOn = true;
        // Several instances set the same webhook: harmless, and pending updates are kept.
        await bot.api.setWebhook(webhook.url, {
          secret_token: webhook.secret,
          drop_pending_updates: false,
          allowed_updates: ALLOWED_UPDATES,
        });
        logger.info({ username: bot.botInfo.username, path: new URL(webhook.url).pathname }, 'telegram bot on webhook');
        await replayHandedBack();
        return;
      }
      await bot.api.deleteWebhook();
      await registerCommands(bot.api);
      ready = true;
      if (deferPolling) {
        logger.info({ username: bot.botInfo.username }, 'telegram bot standing by; polls while it holds the lease');
        return;
      }
      await startPolling();
    },

    async stop() {
      if (webhookOn) {
        // The webhook stays set (other instances serve it); new POSTs get 503 and are retried by Telegram.
        webhookOn = false;
        stopping = true;
        await inFlight.settle(STOP_LIMITS.graceMs);
        await handBack();
        logger.info('telegram bot stopped');
        return;
      }
      const wasReady = ready;
      ready = false;
      if (!runner && !wasReady) return;
      await stopPolling();
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

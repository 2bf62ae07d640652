import { Client, Events, GatewayIntentBits, type RateLimitData, REST, RESTEvents, Routes } from 'discord.js';
import { createInFlight } from '../core/lifecycle/in-flight.js';
import { STOP_LIMITS } from '../core/lifecycle/stop-limits.js';
import { COMMAND_SPECS } from '../core/commands/command-specs.js';
import type { CommandHandler } from '../core/commands/create-command-handler.js';
import type { Reply } from '../core/commands/reply.js';
import type { ArticleIndex } from '../core/ports/article-index.js';
import type { UpdateLedger } from '../core/ports/update-ledger.js';
import { firstClaim } from '../core/lifecycle/first-claim.js';
import type { ChatDelivery, DeliveryProgress } from '../core/ports/chat-delivery.js';
import type { Logger } from '../logging/create-logger.js';
import { buildCommandDefinitions } from './build-command-definitions.js';
import { createInteractionHandler } from './create-interaction-handler.js';
import { scrubError } from '../logging/scrub-secrets.js';
import { renderReply } from './render-reply.js';
import { syncCommands } from './sync-commands.js';
import { toDeliveryError } from './to-delivery-error.js';

/** Everything the Discord adapter needs, wired by the entry point (config, handler, index, logger). */
export interface DiscordBotDeps {
  token: string;
  /** REST base, e.g. `http://127.0.0.1:8080/api`; the gateway URL then comes from `GET /gateway/bot`. */
  apiUrl?: string;
  /** Register commands in this guild (instantly) instead of globally. */
  guildId?: string;
  handler: CommandHandler;
  index: ArticleIndex;
  logger: Logger;
  /**
   * The gateway shards this instance holds, of how many in all (discord.js `shards` and
   * `shardCount`); 'auto': all, as many as Discord recommends. Default: shard 0 of 1.
   */
  shards?: { readonly ids: readonly number[]; readonly count: number } | 'auto';
  /**
   * Claims each interaction id (namespace 'discord') before it is answered, so an
   * interaction dispatched twice, to this instance or another, is answered once.
   */
  ledger?: UpdateLedger;
}

/** The running Discord adapter: a chat delivery for the scheduler, with a lifecycle for the entry point. */
export interface DiscordBot extends ChatDelivery {
  /** Logs in, waits until the client is ready, and registers the commands if they changed. */
  start(): Promise<void>;
  /** Stops taking interactions, lets the ones in flight finish (briefly), and closes the gateway. */
  stop(): Promise<void>;
  /** True while the gateway session is ready and the bot takes interactions (what /healthz reports). */
  connected(): boolean;
  readonly client: Client;
}

/**
 * The longest rate limit the REST layer waits out by itself. A longer one is given up
 * on: a channel post then fails with `DeliveryError('retry', retryAfterMs)` so the
 * scheduler retries later instead of blocking every other delivery behind it.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;

/**
 * Creates the Discord adapter: a discord.js client with only the Guilds intent (slash
 * commands need no message content), wired to the platform-neutral command handler.
 * The REST layer waits out 429s (up to MAX_RATE_LIMIT_WAIT_MS) and retries 5xx; the
 * gateway resumes its session after a disconnect. Scheduled channel posts go through a
 * REST client of their own that never retries a 5xx: the scheduler's `sendWithRetry` owns
 * those retries, so layers do not multiply (4 REST tries × 5 scheduler attempts). The token is passed to discord.js
 * only and never logged.
 */
export function createDiscordBot(deps: DiscordBotDeps): DiscordBot {
  const { token, apiUrl, guildId, handler, index, ledger } = deps;
  const shards = deps.shards ?? { ids: [0], count: 1 };
  const log = deps.logger.child({ platform: 'discord' });
  const rateLimit = (data: RateLimitData) => data.retryAfter > MAX_RATE_LIMIT_WAIT_MS;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(shards === 'auto' ? { shards: 'auto' as const } : { shards: [...shards.ids], shardCount: shards.count }),
    rest: {
      ...(apiUrl ? { api: apiUrl } : {}),
      rejectOnRateLimit: rateLimit,
    },
  });
  const deliveryRest = new REST({
    ...(apiUrl ? { api: apiUrl } : {}),
    retries: 0,
    rejectOnRateLimit: rateLimit,
  }).setToken(token);
  const onInteraction = createInteractionHandler({ handler, index, logger: log });
  const inFlight = createInFlight();
  let stopping = false;
  let stopped: Promise<void> | null = null;

  /** True unless the ledger says another delivery of this interaction was already taken. */
  async function firstDelivery(id: string): Promise<boolean> {
    const first = await firstClaim(ledger, 'discord', BigInt(id), (err) =>
      log.warn({ err: scrubError(err), interactionId: id }, 'could not claim discord interaction'),
    );
    if (first) return true;
    log.info({ interactionId: id }, 'discord interaction delivered again; already answered');
    return false;
  }

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    void inFlight.track(
      (async () => {
        if (await firstDelivery(interaction.id)) await onInteraction(interaction);
      })(),
    );
  });
  client.on(Events.Error, (err) => log.error({ err: scrubError(err) }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardError, (err, shardId) => log.warn({ err: scrubError(err), shardId }, 'discord gateway error'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn({ code: event.code, shardId }, 'discord gateway closed for good'),
  );
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopping) log.info({ shardId }, 'discord gateway reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'discord gateway resumed'));
  for (const rest of [client.rest, deliveryRest]) {
    rest.on(RESTEvents.RateLimited, (info) =>
      log.warn(
        {
          route: info.route,
          method: info.method,
          retryAfterMs: info.retryAfter,
          global: info.global,
          scope: info.scope,
        },
        'discord rate limit',
      ),
    );
  }

  async function start(): Promise<void> {
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(token);
      await ready;
      const applicationId = client.application?.id ?? client.user!.id;
      await syncCommands({
        rest: client.rest,
        applicationId,
        ...(guildId ? { guildId } : {}),
        definitions: buildCommandDefinitions(COMMAND_SPECS),
        logger: log,
      });
    } catch (err) {
      await client.destroy().catch(() => undefined);
      throw scrubError(err);
    }
    log.info(
      {
        user: client.user?.tag,
        applicationId: client.application?.id,
        guildId: guildId ?? null,
        shards: client.options.shards,
        shardCount: client.options.shardCount,
      },
      'discord bot ready',
    );
  }

  async function stop(): Promise<void> {
    stopped ??= (async () => {
      stopping = true;
      if (!(await inFlight.settle(STOP_LIMITS.graceMs)))
        log.warn({ inFlight: inFlight.size }, 'stopped with interactions still being answered');
      await client.destroy();
      log.info('discord bot stopped');
    })();
    return stopped;
  }

  /** Posts the reply's messages in order, resuming after the ones `progress` says were accepted. */
  async function send(channelId: string, reply: Reply, progress: DeliveryProgress = { sent: 0 }): Promise<void> {
    for (const [i, message] of renderReply(reply).entries()) {
      if (i < progress.sent) continue;
      try {
        await deliveryRest.post(Routes.channelMessages(channelId), {
          body: {
            content: message.content ?? '',
            embeds: message.embeds,
            components: message.components,
            allowed_mentions: { parse: [] },
          },
        });
      } catch (err) {
        throw toDeliveryError(err, channelId);
      }
      progress.sent = i + 1;
    }
  }

  return { platform: 'discord', client, start, stop, send, connected: () => !stopping && client.isReady() };
}

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Chat } from 'grammy/types';
import { type DiscordEmulator, startDiscordEmulator } from '../../../emulators/discord-emulator.js';
import { EMULATOR_TOKEN, type TelegramEmulator, startTelegramEmulator } from '../../../emulators/telegram-emulator.js';
import type { Storage } from '../../../src/core/ports/storage.js';
import type { Subscription, SubscriptionStore } from '../../../src/core/ports/subscription-store.js';
import { openIndex } from '../../../src/app/open-index.js';
import { FIXTURE_CORPUS } from '../../support/create-test-index.js';
import {
  type NashraInstance,
  killAll,
  startNashraInstance,
  webhookInstanceEnv,
} from '../../support/nashra-instance.js';
import { type TestDatabase, createTestDatabase } from '../../support/postgres-test-database.js';
import { type RoundRobinProxy, startRoundRobinProxy } from '../../support/round-robin-proxy.js';

/** The webhook's path and secret, the same on every instance (the load balancer's URL). */
export const WEBHOOK_PATH = '/telegram/hook';
const WEBHOOK_SECRET = 'many_Instances-13';
/** How long before the test's start the digest slot fell due: caught up by every instance as it starts. */
const SLOT_AGO_MS = 2 * 60_000;
/** A Discord bot token of the real shape (the configuration checks it); the emulator accepts only it. */
const DISCORD_TOKEN = 'MTMxMzEzMTMxMzEzMTMxMzEzMQ.GmanyI.instancesinstancesinstancesinstances13';
/** A target that refuses connections, until an instance is ready in its place. */
const NOWHERE = 'http://127.0.0.1:1';

/** N nashra processes on one fresh PostgreSQL database, the Telegram and Discord emulators and a round-robin proxy. */
export interface InstanceCluster {
  readonly db: TestDatabase;
  /** The test's own connection to the shared database (to subscribe chats and read the delivery log). */
  readonly storage: Storage;
  readonly store: SubscriptionStore;
  readonly em: TelegramEmulator;
  /** The Discord emulator, its gateway in as many shards as there are instances: instance i holds shard i. */
  readonly discord: DiscordEmulator;
  /** The load balancer in front of the instances' webhooks. */
  readonly proxy: RoundRobinProxy;
  /** The instances running now, by index (a restarted one replaces the killed one). */
  readonly instances: readonly NashraInstance[];
  /** Every instance ever started, the killed ones included. */
  readonly all: readonly NashraInstance[];
  /** The digest slot `subscribeDueSlot` subscriptions share: a minute a little before the start. */
  readonly slot: Date;
  /** Subscribes a Telegram chat (a number) or a Discord channel (a string) to a daily digest whose latest slot is `slot`, scheduled since before it. */
  subscribeDueSlot(chat: number | string): Promise<Subscription>;
  /** The instance (index) that sent the first message to a chat, as its Bot API forwarder saw it. */
  sentBy(chatId: number): number | undefined;
  /** The instance the proxy handed the last webhook POST to. */
  lastWebhookTarget(): number | undefined;
  /** Sends a real signal to instance `index` and waits for it to be gone. */
  killInstance(index: number, signal: NodeJS.Signals): Promise<void>;
  /** Starts instance `index` again (same settings), waits until it serves, and points the proxy at it. */
  restartInstance(index: number): Promise<NashraInstance>;
  /** Polls `check` (state in the database or the emulator) until it holds. */
  until(check: () => boolean | Promise<boolean>, what: string, timeoutMs?: number): Promise<void>;
  /** SIGKILLs every instance ever started, closes the emulator and proxies, drops the database. */
  close(): Promise<void>;
}

export interface ClusterOptions {
  readonly instances?: number;
  /** Runs after the database is indexed and before any instance starts (subscribe chats, arm faults). */
  readonly before?: (cluster: InstanceCluster) => Promise<void>;
  /** Extra environment of every instance. */
  readonly env?: Record<string, string>;
}

/**
 * Indexes the seed corpus into a fresh database once (the CLI), then starts the instances
 * at the same time, each with its own HTTP port and its own recording forwarder to the
 * Bot API, all with the proxy's URL as their webhook. Resolves once every /healthz is 200.
 */
export async function startInstanceCluster(options: ClusterOptions = {}): Promise<InstanceCluster> {
  const count = options.instances ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'nashra-instances-'));
  const corpusDir = join(dir, 'corpus');
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  const feeds = join(dir, 'feeds.txt');
  writeFileSync(feeds, '');
  const db = await createTestDatabase();
  // Indexed here, before any instance starts: each then finds the index up to date.
  const { storage } = await openIndex({ corpus: corpusDir, db: db.url, mode: 'write', workers: 1 });
  const em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
  const discord = await startDiscordEmulator({ token: DISCORD_TOKEN, shards: count });
  const apis = await Promise.all(Array.from({ length: count }, () => startRoundRobinProxy([em.apiRoot])));
  const proxy = await startRoundRobinProxy(Array.from({ length: count }, () => NOWHERE));
  const slot = new Date(Math.floor((Date.now() - SLOT_AGO_MS) / 60_000) * 60_000);
  const all: NashraInstance[] = [];
  const instances: NashraInstance[] = [];

  const env = (index: number): Record<string, string> => ({
    ...webhookInstanceEnv({
      token: EMULATOR_TOKEN,
      apiRoot: apis[index]!.url,
      webhookUrl: `${proxy.url}${WEBHOOK_PATH}`,
      webhookSecret: WEBHOOK_SECRET,
      corpusDir,
      db: db.url,
      feedsFile: feeds,
      logLevel: 'info',
    }),
    DISCORD_TOKEN,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_SHARDS: String(index),
    DISCORD_SHARD_COUNT: String(count),
    ...options.env,
  });
  const start = async (index: number) => {
    const instance = startNashraInstance(`instance ${index}`, env(index));
    all.push(instance);
    instances[index] = instance;
    await instance.ready();
    proxy.setTarget(index, instance.url);
    return instance;
  };

  const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) => {
    for (const end = Date.now() + timeoutMs; !(await check()); ) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  const cluster: InstanceCluster = {
    db,
    storage,
    store: storage.subscriptions,
    em,
    discord,
    proxy,
    instances,
    all,
    slot,
    async subscribeDueSlot(chat) {
      const platform = typeof chat === 'number' ? 'telegram' : 'discord';
      if (typeof chat === 'number') em.addChat({ id: chat, type: 'private', first_name: `c${chat}` } as Chat);
      else discord.addChannel(chat);
      const { subscription } = await storage.subscriptions.subscribe(
        {
          platform,
          chatId: String(chat),
          schedule: `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`,
          timezone: 'UTC',
          locale: 'ar',
          whenEmpty: 'note',
          userId: String(chat),
        },
        new Date(slot.getTime() - 60 * 60_000),
      );
      return subscription;
    },
    sentBy(chatId) {
      for (const [index, api] of apis.entries()) {
        const sent = api.forwarded.some(
          (f) => f.path.endsWith('/sendMessage') && String(JSON.parse(f.body.toString()).chat_id) === String(chatId),
        );
        if (sent) return index;
      }
      return undefined;
    },
    lastWebhookTarget() {
      return proxy.forwarded.filter((f) => f.status !== 502).at(-1)?.target;
    },
    async killInstance(index, signal) {
      const instance = instances[index]!;
      instance.kill(signal);
      const gone = await instance.exited;
      if (signal === 'SIGKILL' && gone.signal !== 'SIGKILL') throw new Error(`${instance.name} was not killed`);
    },
    restartInstance: start,
    until,
    async close() {
      await killAll(all);
      await Promise.all([proxy.close(), ...apis.map((a) => a.close())]);
      await Promise.all([em.close(), discord.close()]);
      await storage.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await options.before?.(cluster);
    await Promise.all(Array.from({ length: count }, (_, i) => start(i)));
  } catch (err) {
    await cluster.close();
    throw err;
  }
  return cluster;
}

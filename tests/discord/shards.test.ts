import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type DiscordEmulator,
  GATEWAY_CLOSE,
  guildInShard,
  type InteractionState,
  shardOf,
  startDiscordEmulator,
} from '../../emulators/discord-emulator.js';
import { createDiscordBot, type DiscordBot } from '../../src/discord/create-discord-bot.js';
import { createSqliteUpdateLedger } from '../../src/store/create-sqlite-update-ledger.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import { captureLogs, type LogCapture } from './bot-harness.js';

/**
 * Two instances, each holding one of two gateway shards, against the emulator's sharded
 * gateway, sharing one update ledger in a real SQLite file: every interaction goes to the
 * instance holding its guild's shard, and is answered exactly once, even when Discord
 * dispatches it again (to the same instance, or to another after the shard moved).
 */

interface Instance {
  readonly bot: DiscordBot;
  readonly logs: LogCapture;
}

let test: TestIndex;
let emulator: DiscordEmulator;
const started: DiscordBot[] = [];

function instance(shards: { ids: number[]; count: number }, ledger = true): Instance {
  const logs = captureLogs();
  const bot = createDiscordBot({
    token: emulator.token,
    apiUrl: emulator.apiUrl,
    handler: test.handler,
    index: test.index,
    shards,
    ...(ledger ? { ledger: createSqliteUpdateLedger(test.db) } : {}),
    logger: logs.logger,
  });
  started.push(bot);
  return { bot, logs };
}

const answeredBy = (i: Instance, s: InteractionState) =>
  i.logs.lines.filter((l) => l.msg === 'discord interaction done' && l.interactionId === s.id).length;
const done = (i: Instance, s: InteractionState) =>
  i.logs.waitFor((l) => l.msg === 'discord interaction done' && l.interactionId === s.id);
const dropped = (i: Instance, s: InteractionState) =>
  i.logs.waitFor((l) => l.msg === 'discord interaction delivered again; already answered' && l.interactionId === s.id);

beforeAll(async () => {
  test = await createTestIndex();
});
afterAll(() => test?.close());
afterEach(async () => {
  for (const bot of started.splice(0)) await bot.stop();
  await emulator?.close();
});

describe('Discord gateway shards across instances', () => {
  it('answers each interaction once, on the instance holding its guild’s shard', async () => {
    emulator = await startDiscordEmulator();
    const a = instance({ ids: [0], count: 2 });
    const b = instance({ ids: [1], count: 2 });
    await Promise.all([a.bot.start(), b.bot.start()]);
    expect(
      emulator
        .gatewaySessions()
        .map((s) => s.shard)
        .sort(),
    ).toEqual([
      [0, 2],
      [1, 2],
    ]);

    const guild0 = guildInShard(0, 2);
    const guild1 = guildInShard(1, 2);
    expect([shardOf(guild0, 2), shardOf(guild1, 2)]).toEqual([0, 1]);
    const asked = [
      { state: emulator.command('help', {}, { guildId: guild0 }), holder: a, other: b },
      { state: emulator.command('help', {}, { guildId: guild1 }), holder: b, other: a },
      { state: emulator.command('search', { topic: 'كوريا' }, { guildId: guild1 }), holder: b, other: a },
      // A direct message belongs to shard 0.
      { state: emulator.command('help', {}, { guildId: null }), holder: a, other: b },
    ];
    for (const { state, holder } of asked) await done(holder, state);
    expect(asked.map((x) => x.state.shard)).toEqual([0, 1, 1, 0]);

    // Discord dispatches each again: the ledger says it was answered, so nobody answers twice.
    for (const { state, holder } of asked) {
      emulator.redispatch(state);
      await dropped(holder, state);
    }
    for (const { state, holder, other } of asked) {
      expect(state.callbacks).toHaveLength(1);
      expect(state.original?.embeds.length ?? 0).toBeGreaterThan(0);
      expect(answeredBy(holder, state)).toBe(1);
      expect(answeredBy(other, state)).toBe(0);
    }
  });

  it('a shard taken over by a new instance does not answer what the old one answered', async () => {
    emulator = await startDiscordEmulator();
    const a = instance({ ids: [0], count: 2 });
    const b = instance({ ids: [1], count: 2 });
    await Promise.all([a.bot.start(), b.bot.start()]);
    const state = emulator.command('help', {}, { guildId: guildInShard(1, 2) });
    await done(b, state);
    await b.bot.stop();

    const c = instance({ ids: [1], count: 2 });
    await c.bot.start();
    expect(emulator.redispatch(state)).toBe(1);
    await dropped(c, state);
    const fresh = emulator.command('help', {}, { guildId: guildInShard(1, 2) });
    await done(c, fresh);
    expect(state.callbacks).toHaveLength(1);
    expect(fresh.callbacks).toHaveLength(1);
    expect(answeredBy(c, state)).toBe(0);
    expect(answeredBy(a, fresh)).toBe(0);
  });

  it('refuses, as Discord does, a shard already held, a differing count, and too few shards', async () => {
    emulator = await startDiscordEmulator();
    await instance({ ids: [0], count: 2 }).bot.start();
    await expect(instance({ ids: [0], count: 2 }).bot.start()).rejects.toThrow(/Invalid shard/);
    await expect(instance({ ids: [1], count: 3 }).bot.start()).rejects.toThrow(/Invalid shard/);
    // The emulator sees each refused socket close once the client has hung up.
    await vi.waitFor(() =>
      expect(emulator.gatewayCloses.filter((c) => c === GATEWAY_CLOSE.invalidShard)).toHaveLength(2),
    );
    // The holder of shard 0 was not disturbed.
    expect(emulator.gatewaySessions().filter((s) => s.live)).toHaveLength(1);
    for (const bot of started.splice(0)) await bot.stop();
    await emulator.close();

    emulator = await startDiscordEmulator({ shards: 2 });
    await expect(instance({ ids: [0], count: 1 }).bot.start()).rejects.toThrow(/Sharding is required/);
    await vi.waitFor(() => expect(emulator.gatewayCloses).toContain(GATEWAY_CLOSE.shardingRequired));
  });
});

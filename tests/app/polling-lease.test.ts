import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from 'grammy/types';
import { EMULATOR_TOKEN, startTelegramEmulator, type TelegramEmulator } from '../../emulators/telegram-emulator.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from '../support/postgres-test-database.js';
import {
  type CountingProxy,
  type Instance,
  type LogLine,
  spawnInstance,
  startCountingProxy,
} from './support/spawn-instance.js';

/**
 * Several instances on one PostgreSQL database, Telegram in polling mode (no webhook URL):
 * real child processes, real signals. Exactly one instance long-polls (the holder of the
 * polling lease); after `kill -9` of it another takes over once the lease expires and
 * answers; after SIGTERM the holder releases the lease and a standby takes over. Updates
 * are claimed in the shared ledger, so none is answered twice across the hand-overs.
 */
describe.skipIf(!TEST_DATABASE_URL)('polling lease across instances', () => {
  let database: TestDatabase;
  let em: TelegramEmulator;
  let cwd: string;
  const proxies: CountingProxy[] = [];
  const instances: Instance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
    cwd = mkdtempSync(join(tmpdir(), 'nashra-lease-'));
  });
  afterAll(async () => {
    for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    for (const p of proxies) await p.close();
    await em?.close();
    await database?.drop();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  /** An instance whose Bot API calls go through a proxy of its own, so its getUpdates are counted. */
  async function start(name: string): Promise<{ instance: Instance; proxy: CountingProxy }> {
    const proxy = await startCountingProxy(em.apiRoot);
    proxies.push(proxy);
    const instance = spawnInstance(name, cwd, {
      TELEGRAM_BOT_TOKEN: EMULATOR_TOKEN,
      TELEGRAM_API_ROOT: proxy.url,
      NASHRA_DB: database.url,
      NASHRA_CORPUS_DIR: FIXTURE_CORPUS,
      NASHRA_LEASE_SECONDS: '3',
    });
    instances.push(instance);
    return { instance, proxy };
  }

  const polling = (l: LogLine) => l.msg === 'telegram bot polling';
  const standingBy = (l: LogLine) => l.msg?.startsWith('telegram bot standing by') === true;
  const user = (id: number): User => ({ id, is_bot: false, first_name: `u${id}`, language_code: 'en' });
  /** Messages the bot sent into each user's private chat. */
  const sentTo = (id: number) => em.messages.filter((m) => m.chatId === id).length;

  it('one instance polls; kill -9 hands over to another; SIGTERM releases at once; each update answered once', async () => {
    const a = await start('a');
    await a.instance.waitForLog(polling);
    const b = await start('b');
    await b.instance.waitForLog(standingBy);

    const first = await em.ask('/help', { user: user(2001), timeoutMs: 30_000 });
    expect(first.messages.length).toBeGreaterThan(0);
    const perAnswer = sentTo(2001);
    expect(a.proxy.counts.get('getUpdates') ?? 0).toBeGreaterThan(0);
    expect(b.proxy.counts.get('getUpdates') ?? 0).toBe(0);

    // Feeds too: one instance holds the feeds lease.
    const tookFeeds = (i: Instance) =>
      i.logs.some((l) => l.msg === 'lease taken; starting the job' && l.lease === 'feeds');
    await a.instance.waitForLog((l) => l.msg === 'lease taken; starting the job' && l.lease === 'feeds');
    expect(tookFeeds(b.instance)).toBe(false);

    a.instance.child.kill('SIGKILL');
    expect((await a.instance.exited).signal).toBe('SIGKILL');
    // Asked while nobody polls: answered once b's lease is taken (within about 4 s of the kill).
    await em.ask('/help', { user: user(2002), timeoutMs: 60_000 });
    await b.instance.waitForLog(polling);
    expect(b.proxy.counts.get('getUpdates') ?? 0).toBeGreaterThan(0);
    await b.instance.waitForLog((l) => l.msg === 'lease taken; starting the job' && l.lease === 'feeds');

    const c = await start('c');
    await c.instance.waitForLog(standingBy);
    expect(c.proxy.counts.get('getUpdates') ?? 0).toBe(0);
    b.instance.child.kill('SIGTERM');
    expect(await b.instance.exited).toEqual({ code: 0, signal: null });
    expect(b.instance.logs.some((l) => l.msg === 'lease released' && l.lease === 'telegram-polling')).toBe(true);
    await c.instance.waitForLog(polling);
    await em.ask('/help', { user: user(2003), timeoutMs: 30_000 });
    expect(c.proxy.counts.get('getUpdates') ?? 0).toBeGreaterThan(0);

    // Every update answered exactly once, whoever held the lease.
    expect([sentTo(2001), sentTo(2002), sentTo(2003)]).toEqual([perAnswer, perAnswer, perAnswer]);
    c.instance.child.kill('SIGTERM');
    expect((await c.instance.exited).code).toBe(0);
  }, 240_000);
});

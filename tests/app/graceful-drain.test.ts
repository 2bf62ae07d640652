import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from 'grammy/types';
import { EMULATOR_TOKEN, startTelegramEmulator, type TelegramEmulator } from '../../emulators/telegram-emulator.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { type CountingProxy, type Instance, spawnInstance, startCountingProxy } from './support/spawn-instance.js';

/** A free TCP port on 127.0.0.1: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * SIGTERM to an instance behind a load balancer (webhook mode), as a child process with a
 * real signal: it reports 503 on /healthz at once, refuses new webhook POSTs with 503 (so
 * Telegram retries them, and the balancer picks another instance), finishes the update it
 * is answering, then exits 0 within STOP_LIMITS.exitMs.
 */
describe('SIGTERM drain', () => {
  let em: TelegramEmulator;
  let proxy: CountingProxy;
  let cwd: string;
  let instance: Instance | undefined;

  beforeAll(async () => {
    em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
    proxy = await startCountingProxy(em.apiRoot);
    cwd = mkdtempSync(join(tmpdir(), 'nashra-drain-'));
  });
  afterAll(async () => {
    if (instance && instance.child.exitCode === null && instance.child.signalCode === null)
      instance.child.kill('SIGKILL');
    await instance?.exited;
    await proxy?.close();
    await em?.close();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('goes unhealthy, turns new updates away, finishes the one in flight, exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    instance = spawnInstance('drain', cwd, {
      TELEGRAM_BOT_TOKEN: EMULATOR_TOKEN,
      TELEGRAM_API_ROOT: proxy.url,
      TELEGRAM_WEBHOOK_URL: `${base}/telegram/hook`,
      TELEGRAM_WEBHOOK_SECRET: 'drain-test-secret',
      NASHRA_HTTP_PORT: String(port),
      NASHRA_DB: join(cwd, 'nashra.sqlite'),
      NASHRA_CORPUS_DIR: FIXTURE_CORPUS,
    });
    await instance.waitForLog((l) => l.msg === 'telegram bot on webhook');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // An update whose answer is held at the Bot API: it is in flight when the signal comes.
    const hold = proxy.hold('sendMessage');
    const asker: User = { id: 3001, is_bot: false, first_name: 'u', language_code: 'en' };
    em.userSays('/help', { user: asker });
    await hold.held;

    instance.child.kill('SIGTERM');
    await instance.waitForLog((l) => l.msg === 'stopping');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { reason: string }).reason).toContain('stopping');
    const late = em.userSays('/help', { user: { ...asker, id: 3002 } });
    const lateStatus = await em.deliver(late);
    expect(lateStatus).toBe(503);

    hold.release();
    const exit = await instance.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    // Within STOP_LIMITS: it stopped by itself, not by the watchdog that exits at STOP_LIMITS.exitMs.
    expect(instance.logs.map((l) => l.msg)).toContain('telegram bot stopped');
    expect(instance.logs.map((l) => l.msg)).not.toContain('stop took too long; exiting');
    // The update in flight was answered; the one turned away was not (Telegram redelivers it elsewhere).
    expect(em.messages.filter((m) => m.chatId === 3001).length).toBeGreaterThan(0);
    expect(em.messages.filter((m) => m.chatId === 3002)).toEqual([]);
  }, 120_000);
});

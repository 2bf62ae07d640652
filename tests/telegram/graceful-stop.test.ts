import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Chat, Message, User } from 'grammy/types';
import { afterAll, describe, expect, it } from 'vitest';
import { STOP_LIMITS } from '../../src/core/lifecycle/stop-limits.js';
import { FIXTURE_CORPUS } from '../support/create-test-index.js';
import { ROOT } from '../support/run-cli.js';
import { EMULATOR_TOKEN, startTelegramEmulator } from '../../emulators/telegram-emulator.js';

/**
 * Issue 17, point 3: SIGTERM to the real bot process with 1,000 Telegram updates queued.
 * Every update must be answered, before the stop or after the restart, and the process
 * must exit within STOP_LIMITS.exitMs.
 */
const UPDATES = 1000;

describe('graceful stop with 1,000 queued Telegram updates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nashra-stop-'));
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));

  it('answers every update before or after a restart, and exits in time', async () => {
    cpSync(FIXTURE_CORPUS, join(dir, 'corpus'), { recursive: true });
    const em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
    const env = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: EMULATOR_TOKEN,
      TELEGRAM_API_ROOT: em.apiRoot,
      DISCORD_TOKEN: '',
      NASHRA_CORPUS_DIR: join(dir, 'corpus'),
      NASHRA_DB: join(dir, 'nashra.sqlite'),
      LOG_LEVEL: 'warn',
    };
    // node with tsx's loader, not the tsx CLI: SIGTERM reaches the bot itself, as under Docker.
    const start = (): ChildProcess =>
      spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    const answeredChats = () =>
      new Set(
        em.calls.filter((c) => c.method === 'sendMessage' && c.ok).map((c) => (c.response.result as Message).chat.id),
      );
    const waitFor = async (ok: () => boolean, ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; ) {
        if (ok()) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      return ok();
    };
    try {
      for (let i = 0; i < UPDATES; i++) {
        const user = { id: 50_000 + i, is_bot: false, first_name: `u${i}`, language_code: 'en' } as User;
        em.userSays('/help', { user, chat: { id: user.id, type: 'private', first_name: user.first_name } as Chat });
      }
      const first = start();
      let stderr = '';
      first.stderr!.on('data', (d) => (stderr += d));
      expect(await waitFor(() => answeredChats().size >= 20, 60_000), stderr).toBe(true);
      const signalled = Date.now();
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
      const stopMs = Date.now() - signalled;
      const beforeRestart = answeredChats().size;

      const second = start();
      const allAnswered = await waitFor(() => answeredChats().size === UPDATES, 150_000);
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
      console.log(
        `SIGTERM with ${UPDATES} queued: ${beforeRestart} answered before the stop, stop took ${stopMs} ms; ${answeredChats().size} answered after the restart`,
      );
      expect(stopMs).toBeLessThanOrEqual(STOP_LIMITS.exitMs);
      expect(allAnswered).toBe(true);
    } finally {
      await em.close();
    }
  }, 280_000);
});

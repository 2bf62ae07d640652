/**
 * `/help` latency in a running bot while a hostile article is being indexed (issue 17):
 * starts the real bot (node + tsx, Telegram emulator), drops a file of «قال المتحدث: «»
 * repeated into its corpus, and times `/help` every 250 ms until the rescan has finished.
 *
 *   npx tsx scripts/bench-help-latency.ts [--repeat 80000]
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Chat, User } from 'grammy/types';
import { EMULATOR_TOKEN, startTelegramEmulator } from '../emulators/telegram-emulator.js';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '80000' } } });
const repeat = Number(values.repeat);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nashra-help-'));
cpSync(join(root, 'tests/fixtures/corpus'), join(dir, 'corpus'), { recursive: true });
const em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'pipe'],
  env: {
    ...process.env,
    TELEGRAM_BOT_TOKEN: EMULATOR_TOKEN,
    TELEGRAM_API_ROOT: em.apiRoot,
    NASHRA_CORPUS_DIR: join(dir, 'corpus'),
    NASHRA_DB: join(dir, 'db.sqlite'),
    NASHRA_RESCAN_SECONDS: '1',
    LOG_LEVEL: 'info',
  },
});
let log = '';
bot.stderr!.on('data', (d) => (log += d));
let asker = 0;
/** Each ask from a new user in a new chat: Telegram's per-chat pacing (1 message/s) is not what is measured. */
const time = async () => {
  const user = { id: 70_000 + asker++, is_bot: false, first_name: 'u', language_code: 'en' } as User;
  const t = performance.now();
  await em.ask('/help', {
    quietMs: 20,
    timeoutMs: 60_000,
    user,
    chat: { id: user.id, type: 'private', first_name: 'u' } as Chat,
  });
  return performance.now() - t;
};
try {
  await time(); // the bot is up
  const idle = [await time(), await time(), await time()];
  const file = join(dir, 'corpus', 'hostile.txt');
  writeFileSync(file, `title: t\n\n${'قال المتحدث: «'.repeat(repeat)} نهاية.\n`);
  const started = Date.now();
  const during: number[] = [];
  while (Date.now() - started < 60_000) {
    during.push(await time());
    await new Promise((r) => setTimeout(r, 250));
    if (/"added":1/.test(log) && during.length >= 4) break; // the rescan logged its result
  }
  const fmt = (xs: number[]) =>
    `median ${Math.round(xs.sort((a, b) => a - b)[xs.length >> 1]!)} ms, max ${Math.round(Math.max(...xs))} ms`;
  console.log(`hostile file: ${repeat} repetitions (${Buffer.byteLength('قال المتحدث: «') * repeat} bytes)`);
  console.log(`/help idle: ${fmt(idle)} (includes the emulator's 20 ms quiet window)`);
  console.log(
    `/help while the rescan indexes it: ${fmt(during)} over ${during.length} asks; rescan done after ${Date.now() - started} ms: ${/"added":1/.test(log)}`,
  );
} finally {
  bot.kill('SIGTERM');
  await new Promise((r) => bot.once('exit', r));
  await em.close();
  rmSync(dir, { recursive: true, force: true });
}

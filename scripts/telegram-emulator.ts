/**
 * Runs the test suite's Telegram Bot API emulator by hand, to see nashra answer on
 * "Telegram" with no account and no network:
 *
 *   npx tsx scripts/telegram-emulator.ts [--port 8081] [--token 1234567890:AAemulatorTokenForLocalUseOnly_123] [--lang ar|en]
 *   TELEGRAM_BOT_TOKEN=1234567890:AAemulatorTokenForLocalUseOnly_123 TELEGRAM_API_ROOT=http://127.0.0.1:8081 npm start
 *
 * Each line typed here is sent to the bot as a user's message (`/quotes تسوكرمان`);
 * the bot's messages are printed as the user would read them. Lines starting with `:`
 * are emulator commands (see HELP).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Chat, User } from 'grammy/types';
import {
  ARABIC_USER,
  type BotMessage,
  ENGLISH_USER,
  startTelegramEmulator,
  type ApiCall,
} from '../emulators/telegram-emulator.js';

const HELP = `Type a message for the bot, e.g. /help, /search كوريا الشمالية, /quotes تسوكرمان
  :en / :ar        write as a user whose app is in English / Arabic
  :group <text>    say <text> in a group chat instead (e.g. :group /search@nashra_test_bot بريكس)
  :press <n>       press button <n> under the bot's latest message with buttons
  :calls           list the Bot API calls the bot made
  :quit            stop the emulator`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    token: { type: 'string' },
    lang: { type: 'string', default: 'ar' },
  },
});

/** A made-up token of the real shape, which nashra's configuration checks. */
const DEFAULT_TOKEN = '1234567890:AAemulatorTokenForLocalUseOnly_123';
const em = await startTelegramEmulator({ port: Number(values.port), token: values.token ?? DEFAULT_TOKEN });
let user: User = values.lang === 'en' ? ENGLISH_USER : ARABIC_USER;
const group: Chat = { id: -1001000, type: 'supergroup', title: 'nashra demo group' } as Chat;

console.log(`Telegram Bot API emulator listening on ${em.apiRoot} (port ${em.port})`);
console.log(
  `Start nashra against it:\n  TELEGRAM_BOT_TOKEN=${values.token ?? DEFAULT_TOKEN} TELEGRAM_API_ROOT=${em.apiRoot} npm start\n`,
);
console.log(HELP);

function show(m: BotMessage, verb: string) {
  console.log(`\n── bot ${verb} (chat ${m.chatId}, message ${m.messageId}) ──\n${m.text}`);
  if (m.buttons.length > 0) console.log(m.buttons.map((b, i) => `[${i + 1}] ${b.text}`).join('   '));
}

em.events.on('call', (call: ApiCall) => {
  if (call.method === 'getUpdates') return;
  if (!call.ok) {
    console.log(`\n(bot called ${call.method}: ${call.response.error_code} ${call.response.description})`);
    return;
  }
  const result = call.response.result as { message_id?: number; chat?: { id: number } } | undefined;
  const message = em.messages.find((m) => m.messageId === result?.message_id && m.chatId === result?.chat?.id);
  if (call.method === 'sendMessage' && message) show(message, 'says');
  else if (call.method === 'editMessageText' && message) show(message, 'edits');
  else if (call.method === 'answerCallbackQuery' && call.payload.text)
    console.log(`\n(toast) ${String(call.payload.text)}`);
  else if (call.method === 'getMe') console.log('\n(nashra connected)');
});

const input = createInterface({ input: process.stdin });
input.on('line', (raw) => {
  const line = raw.trim();
  if (line === '') return;
  if (line === ':quit') return void shutdown();
  if (line === ':en' || line === ':ar') {
    user = line === ':en' ? ENGLISH_USER : ARABIC_USER;
    return void console.log(`(now writing as ${user.first_name}, language ${user.language_code})`);
  }
  if (line === ':calls')
    return void console.log(em.calls.map((c) => `${c.method} ${c.ok ? 'ok' : c.response.error_code}`).join('\n'));
  if (line.startsWith(':group ')) return void em.userSays(line.slice(7), { user, chat: group });
  if (line.startsWith(':press')) {
    const n = Number(line.slice(6).trim() || '1');
    const target = [...em.messages].reverse().find((m) => m.buttons.length > 0);
    const button = target?.buttons[n - 1];
    if (!target || !button) return void console.log('(no such button)');
    em.press(target, button.data, user);
    return;
  }
  if (line.startsWith(':')) return void console.log(HELP);
  em.userSays(line, { user });
});
input.on('close', () => console.log('(stdin closed; still serving — Ctrl-C to stop)'));

async function shutdown() {
  input.close();
  await em.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../src/core/commands/create-command-handler.js';
import type { Reply } from '../../src/core/commands/reply.js';
import { type HttpServer, createHttpServer } from '../../src/http/create-http-server.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { openSqliteStorage } from '../../src/store/open-sqlite-storage.js';
import { type TelegramBot, type TelegramBotDeps, createTelegramBot } from '../../src/telegram/create-telegram-bot.js';
import { EMULATOR_TOKEN, type TelegramEmulator, startTelegramEmulator } from '../../emulators/telegram-emulator.js';

/** The webhook's secret in these tests (Telegram's charset: letters, digits, _ and -). */
const SECRET = 'test_Secret-42';
const PATH = '/telegram/hook';

/** A stand-in handler that echoes the command and counts the runs. */
function echoHandler() {
  const runs: string[] = [];
  const handler: CommandHandler = {
    async run(ctx, name, arg): Promise<Reply> {
      runs.push(`${name} ${arg}`.trim());
      return { locale: ctx.locale, title: name, text: [arg === '' ? '-' : arg] };
    },
    async page(ctx) {
      return { locale: ctx.locale, text: ['-'] };
    },
  };
  return { handler, runs };
}

interface WebhookBot {
  readonly em: TelegramEmulator;
  readonly tg: TelegramBot;
  readonly http: HttpServer;
  readonly url: string;
  close(): Promise<void>;
}

/** The real adapter in webhook mode, served on a real HTTP server, against the emulator. */
async function startWebhookBot(handler: CommandHandler, extra: Partial<TelegramBotDeps> = {}): Promise<WebhookBot> {
  const em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
  const http = createHttpServer({ logger: createLogger('silent') });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}${PATH}`;
  const tg = createTelegramBot({
    token: EMULATOR_TOKEN,
    apiRoot: em.apiRoot,
    handler,
    logger: createLogger('silent'),
    throttle: false,
    webhook: { url, secret: SECRET },
    ...extra,
  });
  http.mount('POST', PATH, tg.webhookHandler!);
  await tg.start();
  return {
    em,
    tg,
    http,
    url,
    async close() {
      await tg.stop();
      await http.close();
      await em.close();
    },
  };
}

let bot: WebhookBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('telegram adapter: webhook mode', () => {
  it('sets the webhook with its secret, keeping pending updates, and never polls', async () => {
    bot = await startWebhookBot(echoHandler().handler);
    const set = bot.em.calls.find((c) => c.method === 'setWebhook');
    expect(set?.payload).toMatchObject({ url: bot.url, secret_token: SECRET, drop_pending_updates: false });
    expect(bot.em.webhook).toEqual({ url: bot.url, secret: SECRET });
    expect(bot.em.calls.map((c) => c.method)).not.toContain('getUpdates');
    expect(bot.em.calls.map((c) => c.method)).not.toContain('deleteWebhook');
  });

  it('answers updates Telegram POSTs to the webhook', async () => {
    const { handler, runs } = echoHandler();
    bot = await startWebhookBot(handler);
    const answer = await bot.em.ask('/search كوريا');
    expect(answer.messages).toHaveLength(1);
    expect(answer.messages[0]!.text).toContain('كوريا');
    expect(runs).toEqual(['search كوريا']);
    expect(bot.em.webhookDeliveries.map((d) => d.status)).toEqual([200]);
  });

  it.each([
    ['a wrong secret', 'not-the-secret'],
    ['no secret', null],
  ])('rejects a POST with %s (401) and answers nothing', async (_what, secret) => {
    const { handler, runs } = echoHandler();
    bot = await startWebhookBot(handler);
    const from = bot.em.calls.length;
    const update = {
      update_id: 9001,
      message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '/help' },
    };
    expect(await bot.em.deliver(update as never, { secret })).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toEqual([]);
    expect(bot.em.calls.slice(from).filter((c) => c.method === 'sendMessage')).toEqual([]);
  });

  it('answers 503 once stopped, so Telegram delivers the update again elsewhere, and keeps the webhook set', async () => {
    const { handler, runs } = echoHandler();
    bot = await startWebhookBot(handler);
    await bot.tg.stop();
    const update = bot.em.userSays('/latest');
    await new Promise((r) => setTimeout(r, 100));
    expect(bot.em.webhookDeliveries).toEqual([{ updateId: update.update_id, status: 503 }]);
    expect(runs).toEqual([]);
    expect(bot.em.webhook?.url).toBe(bot.url);
  });
});

describe('telegram adapter: each update answered once', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** The webhook bot with the SQLite ledger of a fresh database file. */
  async function withLedger() {
    dir = mkdtempSync(join(tmpdir(), 'nashra-webhook-'));
    const storage = await openSqliteStorage(join(dir, 'nashra.sqlite'));
    const echo = echoHandler();
    const started = await startWebhookBot(echo.handler, { ledger: storage.updates! });
    const close = async () => {
      await started.close();
      await storage.close();
    };
    bot = { ...started, close };
    return { runs: echo.runs, bot };
  }

  it('answers an update Telegram delivers twice (a retry after a timeout) once', async () => {
    const { runs, bot } = await withLedger();
    const from = bot.em.calls.length;
    const update = bot.em.userSays('/search بوتين');
    await bot.em.settle(from);
    expect(await bot.em.deliver(update)).toBe(200); // the retry is acknowledged, so Telegram stops
    const sent = await bot.em.settle(from, { expectSilence: true });
    expect(sent.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(runs).toEqual(['search بوتين']);
    expect(bot.em.webhookDeliveries).toEqual([
      { updateId: update.update_id, status: 200 },
      { updateId: update.update_id, status: 200 },
    ]);
  });

  it('answers once when both deliveries arrive at the same time', async () => {
    const { runs, bot } = await withLedger();
    const from = bot.em.calls.length;
    const update = bot.em.userSays('/latest');
    await bot.em.deliver(update);
    await Promise.all([bot.em.deliver(update), bot.em.deliver(update)]);
    const sent = await bot.em.settle(from, { expectSilence: true });
    expect(sent.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(runs).toEqual(['latest']);
  });

  it('still answers different updates with the same text', async () => {
    const { runs, bot } = await withLedger();
    await bot.em.ask('/latest');
    await bot.em.ask('/latest');
    expect(runs).toEqual(['latest', 'latest']);
  });
});

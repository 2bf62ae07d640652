import { afterEach, describe, expect, it } from 'vitest';
import type { CommandContext, CommandHandler } from '../../src/core/commands/create-command-handler.js';
import { t } from '../../src/core/commands/messages.js';
import type { Reply } from '../../src/core/commands/reply.js';
import { DeliveryError } from '../../src/core/ports/chat-delivery.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { createTelegramBot } from '../../src/telegram/create-telegram-bot.js';
import { ARABIC_USER, ENGLISH_USER } from '../../emulators/telegram-emulator.js';
import { type BotUnderTest, startBot } from './support/start-bot.js';

/**
 * The adapter's own behaviour (routing, groups, channels, failures, rate limits) with a
 * stand-in command handler that echoes what it was asked. What the real commands answer
 * is tested end to end in bot-commands.test.ts.
 */
function echoHandler() {
  const runs: { ctx: CommandContext; name: string; arg: string }[] = [];
  const handler: CommandHandler = {
    async run(ctx, name, arg): Promise<Reply> {
      runs.push({ ctx, name, arg });
      return {
        locale: ctx.locale,
        title: `${name}`,
        text: [arg === '' ? '-' : arg],
        pager: { token: 'tok0000001', page: 0, pages: 2 },
      };
    },
    async page(ctx, token, page): Promise<Reply> {
      if (token !== 'tok0000001') return { locale: ctx.locale, notice: true, text: [t(ctx.locale, 'pageExpired')] };
      return { locale: ctx.locale, title: `page ${page + 1}`, pager: { token, page, pages: 2 } };
    },
  };
  return { handler, runs };
}

const GROUP = { id: -100200, type: 'supergroup', title: 'نقاش' } as const;
const CHANNEL = { id: -100300, type: 'channel', title: 'نشرة القناة' } as const;

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('telegram adapter: start and stop', () => {
  it('deletes the webhook, learns its name and registers the menu in Arabic and English before polling', async () => {
    bot = await startBot(echoHandler().handler);
    // start() resolved: the set-up calls are done (a long poll is recorded only when it returns).
    expect(bot.em.calls.map((c) => c.method)).toEqual([
      'getMe',
      'deleteWebhook',
      'setMyCommands',
      'setMyCommands',
      'setMyCommands',
    ]);
    expect(bot.em.commands.get('en')!.find((c) => c.command === 'search')!.description).toBe(
      'Search the news for a topic',
    );
    expect(bot.em.commands.get('ar')!.find((c) => c.command === 'search')!.description).toBe(
      'البحث في الأخبار عن موضوع',
    );
    expect(bot.em.commands.get('')).toEqual(bot.em.commands.get('ar'));
  });

  it('answers with the outgoing throttle on (its production default)', async () => {
    bot = await startBot(echoHandler().handler, { throttle: true });
    expect((await bot.em.ask('/help')).messages.map((m) => m.text)).toEqual(['help\n-']);
  });

  it('confirms the handled updates when it stops, so a restart does not answer them twice', async () => {
    bot = await startBot(echoHandler().handler);
    const update = bot.em.userSays('/help');
    await bot.em.settle(0);
    await bot.tg.stop();
    const last = bot.em.calls.filter((c) => c.method === 'getUpdates').at(-1)!;
    expect(last.payload.offset).toBe(update.update_id + 1);
  });
});

describe('telegram adapter: who is asking, and where', () => {
  it.each([
    ['Arabic', ARABIC_USER, 'ar'],
    ['English', ENGLISH_USER, 'en'],
    ['no language', { ...ARABIC_USER, id: 1003, language_code: undefined }, 'ar'],
  ])('runs a command for a user whose app is in %s', async (_, user, locale) => {
    const { handler, runs } = echoHandler();
    bot = await startBot(handler);
    const { messages } = await bot.em.ask('/search   كوريا الشمالية ', { user });
    expect(runs).toEqual([
      {
        ctx: {
          locale,
          userId: `telegram:${user.id}`,
          chat: expect.objectContaining({ platform: 'telegram', chatId: String(user.id), isGroup: false }),
        },
        name: 'search',
        arg: 'كوريا الشمالية',
      },
    ]);
    expect(messages.map((m) => m.text)).toEqual(['search\nكوريا الشمالية']);
    expect(messages[0]!.parseMode).toBeUndefined();
    expect(messages[0]!.entities).toEqual([{ type: 'bold', offset: 0, length: 'search'.length }]);
  });

  it('treats plain text in a private chat as a search, and answers anything else with a hint', async () => {
    const { handler, runs } = echoHandler();
    bot = await startBot(handler);
    await bot.em.ask('بوتين');
    expect(runs.at(-1)).toMatchObject({ name: 'search', arg: 'بوتين' });
    const from = bot.em.calls.length;
    bot.em.pushUpdate({
      message: {
        message_id: 9,
        date: 0,
        chat: { id: 1001, type: 'private', first_name: 'x' },
        from: ARABIC_USER,
        sticker: {},
      },
    });
    await bot.em.settle(from);
    expect(runs.at(-1)).toMatchObject({ name: '', arg: '' });
    await bot.em.ask('/search@other_bot بوتين');
    expect(runs.at(-1)).toMatchObject({ name: '', arg: '' });
  });

  it('answers in a group only what is meant for it, as a reply to the asker', async () => {
    const { handler, runs } = echoHandler();
    bot = await startBot(handler);
    const addressed = await bot.em.ask('/search@nashra_test_bot بريكس', { chat: GROUP });
    expect(addressed.messages[0]!.chatId).toBe(GROUP.id);
    expect(addressed.messages[0]!.replyTo).toBeDefined();
    const bare = await bot.em.ask('/latest', { chat: GROUP });
    expect(bare.messages).toHaveLength(1);
    await bot.em.ask('/search@other_bot بريكس', { chat: GROUP, expectSilence: true, quietMs: 150 });
    await bot.em.ask('/weather', { chat: GROUP, expectSilence: true, quietMs: 150 });
    expect(runs.map((r) => r.name)).toEqual(['search', 'latest']);
    await bot.em.ask('/weather@nashra_test_bot', { chat: GROUP });
    expect(runs.at(-1)!.name).toBe('weather');
  });

  it('answers commands posted in a channel, without buttons nobody could use', async () => {
    const { handler, runs } = echoHandler();
    bot = await startBot(handler);
    const from = bot.em.calls.length;
    bot.em.channelPost('/latest', CHANNEL);
    await bot.em.settle(from);
    expect(runs).toEqual([
      {
        ctx: {
          locale: 'ar',
          userId: `telegram:${CHANNEL.id}`,
          chat: expect.objectContaining({ platform: 'telegram', chatId: String(CHANNEL.id), isGroup: true }),
        },
        name: 'latest',
        arg: '',
      },
    ]);
    await expect(runs[0]!.ctx.chat!.canManage()).resolves.toBe(true); // only admins can post in a channel
    const sent = bot.em.messages.filter((m) => m.chatId === CHANNEL.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.buttons).toEqual([]);
  });
});

describe('telegram adapter: buttons', () => {
  it('edits the list in place on a valid press and answers every press', async () => {
    bot = await startBot(echoHandler().handler);
    const [list] = (await bot.em.ask('/people')).messages;
    expect(list!.buttons).toEqual([{ text: '‹ التالي', data: 'p:tok0000001:1' }]);
    const press = await bot.em.tap(list!, 'p:tok0000001:1');
    expect(press.toast).toBe('');
    expect(list!.text).toBe('page 2');
    expect(list!.edits).toBe(1);
  });

  it.each([
    ['forged', 'p:../../x:1'],
    ['stale', 'p:zzzzzzzzzz:1'],
    ['empty', ''],
  ])('answers a %s button politely in the user’s language and leaves the message alone', async (_, data) => {
    bot = await startBot(echoHandler().handler);
    const [list] = (await bot.em.ask('/people', { user: ENGLISH_USER })).messages;
    const press = await bot.em.tap(list!, data, ENGLISH_USER);
    expect(press.toast).toBe(t('en', 'pageExpired'));
    expect(list!.edits).toBe(0);
  });
});

describe('telegram adapter: failures', () => {
  it('waits out a 429 and delivers the answer once', async () => {
    bot = await startBot(echoHandler().handler);
    bot.em.fail(
      'sendMessage',
      { error_code: 429, description: 'Too Many Requests: retry after 0.05', parameters: { retry_after: 0.05 } },
      { times: 2 },
    );
    const { messages, calls } = await bot.em.ask('/help', { quietMs: 300 });
    expect(messages.map((m) => m.text)).toEqual(['help\n-']);
    expect(calls.filter((c) => c.method === 'sendMessage').map((c) => c.response.error_code ?? 200)).toEqual([
      429, 429, 200,
    ]);
    expect(bot.records().filter((r) => r.msg === 'telegram rate limit')).toHaveLength(2);
  });

  it('survives a chat that blocked it and keeps answering others', async () => {
    bot = await startBot(echoHandler().handler);
    await bot.em.ask('/help');
    bot.em.block(ARABIC_USER.id);
    const blocked = await bot.em.ask('/help', { quietMs: 150 });
    expect(blocked.calls.filter((c) => c.method === 'sendMessage').map((c) => c.response.error_code)).toEqual([403]);
    const other = await bot.em.ask('/help', { user: ENGLISH_USER });
    expect(other.messages).toHaveLength(1);
    expect(bot.records().some((r) => r.msg === 'chat does not accept our messages; update dropped')).toBe(true);
  });

  it('answers a handler failure with a short apology in the user’s language, logs it with the update id, and goes on', async () => {
    const { handler } = echoHandler();
    let failures = 2;
    const flaky: CommandHandler = {
      ...handler,
      run(ctx, name, arg) {
        if (failures-- > 0) throw new Error('database is locked');
        return handler.run(ctx, name, arg);
      },
    };
    bot = await startBot(flaky);
    const ar = bot.em.userSays('/latest');
    await bot.em.settle(0);
    expect(bot.em.messages.at(-1)!.text).toBe(t('ar', 'failure'));
    expect((await bot.em.ask('/latest', { user: ENGLISH_USER })).messages[0]!.text).toBe(t('en', 'failure'));
    expect((await bot.em.ask('/latest')).messages[0]!.text).toBe('latest\n-');
    const failed = bot.records().filter((r) => r.msg === 'update failed');
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ updateId: ar.update_id, err: { message: 'database is locked' } });
  });

  it('answers a failing button press with a toast', async () => {
    const { handler } = echoHandler();
    bot = await startBot({
      ...handler,
      page: () => {
        throw new Error('boom');
      },
    });
    const [list] = (await bot.em.ask('/people')).messages;
    expect((await bot.em.tap(list!, 'p:tok0000001:1')).toast).toBe(t('ar', 'failure'));
  });

  it('throttles a flooding user with one short notice, then answers again after a pause', async () => {
    let now = 0;
    const { handler, runs } = echoHandler();
    bot = await startBot(handler, { now: () => now, rateLimit: { burst: 3, perSecond: 0.5 } });
    const from = bot.em.calls.length;
    for (let i = 0; i < 8; i++) bot.em.userSays(`/search ${i}`);
    const answered = await bot.em.settle(from, { quietMs: 200 });
    expect(answered.map((c) => String(c.payload.text))).toEqual([
      'search\n0',
      'search\n1',
      'search\n2',
      t('ar', 'tooFast'),
    ]);
    expect(runs).toHaveLength(3);
    expect((await bot.em.ask('/search x', { user: ENGLISH_USER })).messages).toHaveLength(1);
    now += 2_000;
    expect((await bot.em.ask('/search 9')).messages[0]!.text).toBe('search\n9');
  });
});

describe('telegram adapter: scheduled delivery (send)', () => {
  const digest: Reply = { locale: 'ar', title: 'نشرة الأخبار', text: ['خبر'] };

  it('posts a reply to a chat', async () => {
    bot = await startBot(echoHandler().handler);
    bot.em.addChat(CHANNEL);
    await bot.tg.send(String(CHANNEL.id), digest);
    expect(bot.em.messages.at(-1)).toMatchObject({ chatId: CHANNEL.id, text: 'نشرة الأخبار\nخبر' });
  });

  it.each([
    ['a chat that blocked the bot', (b: BotUnderTest) => b.em.block(CHANNEL.id), 'gone', undefined],
    ['a chat that does not exist', () => undefined, 'gone', undefined],
    [
      'a long rate limit',
      (b: BotUnderTest) =>
        b.em.fail('sendMessage', {
          error_code: 429,
          description: 'Too Many Requests: retry after 500',
          parameters: { retry_after: 500 },
        }),
      'retry',
      500_000,
    ],
    [
      'a server error',
      (b: BotUnderTest) => b.em.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' }),
      'retry',
      undefined,
    ],
  ] as const)('classifies %s', async (what, arrange, kind, retryAfterMs) => {
    bot = await startBot(echoHandler().handler, { retry: { rethrowInternalServerErrors: true } });
    if (what !== 'a chat that does not exist') bot.em.addChat(CHANNEL);
    arrange(bot);
    const err = await bot.tg.send(String(CHANNEL.id), digest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ kind, retryAfterMs });
  });

  it('reports an unreachable Telegram as retry, and never logs the token', async () => {
    const logs: string[] = [];
    const token = '987654:SECRET_do-not-log';
    const tg = createTelegramBot({
      token,
      apiRoot: 'http://127.0.0.1:9',
      handler: echoHandler().handler,
      logger: createLogger('debug', { write: (l: string) => void logs.push(l) }),
      retry: { rethrowHttpErrors: true },
    });
    const err = await tg.send('1', digest).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'retry' });
    const logger = createLogger('debug', { write: (l: string) => void logs.push(l) });
    logger.error({ err }, 'delivery failed');
    expect(logs.join('\n')).not.toContain('SECRET');
    expect(logs.join('\n')).toContain('ECONNREFUSED');
  });
});

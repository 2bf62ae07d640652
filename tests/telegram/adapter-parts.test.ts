import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/ports/chat-delivery.js';
import { createRateLimiter } from '../../src/telegram/create-rate-limiter.js';
import { pagerKeyboard } from '../../src/telegram/pager-keyboard.js';
import { parseCommand } from '../../src/telegram/parse-command.js';
import { commandMenu } from '../../src/telegram/register-commands.js';
import { toDeliveryError } from '../../src/telegram/to-delivery-error.js';

const command = (text: string) =>
  parseCommand(text, [{ type: 'bot_command', offset: 0, length: /^\S+/.exec(text)![0].length }], 'nashra_bot');

describe('parseCommand', () => {
  it.each([
    ['/search كوريا الشمالية', { name: 'search', arg: 'كوريا الشمالية', addressed: false }],
    ['/Search@Nashra_Bot  بوتين ', { name: 'search', arg: 'بوتين', addressed: true }],
    ['/people', { name: 'people', arg: '', addressed: false }],
    ['/quotes\nبوتين', { name: 'quotes', arg: 'بوتين', addressed: false }],
    ['/search@other_bot x', null],
  ])('%j', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it('needs a bot_command entity at the start', () => {
    expect(parseCommand('hello /search x', [{ type: 'bot_command', offset: 6, length: 7 }], 'nashra_bot')).toBeNull();
    expect(parseCommand('/search x', undefined, 'nashra_bot')).toBeNull();
    expect(parseCommand(undefined, undefined, 'nashra_bot')).toBeNull();
  });
});

describe('pager keyboard', () => {
  it.each([
    [{ token: 'tok0000001', page: 0, pages: 3 }, 'en', [['Next ›', 'p:tok0000001:1']]],
    [
      { token: 'tok0000001', page: 1, pages: 3 },
      'en',
      [
        ['‹ Previous', 'p:tok0000001:0'],
        ['Next ›', 'p:tok0000001:2'],
      ],
    ],
    [{ token: 'tok0000001', page: 2, pages: 3 }, 'ar', [['السابق ›', 'p:tok0000001:1']]],
    [
      { token: 'tok0000001', page: 1, pages: 3 },
      'ar',
      [
        ['‹ التالي', 'p:tok0000001:2'],
        ['السابق ›', 'p:tok0000001:0'],
      ],
    ],
  ] as const)('keyboard for %j in %s', (pager, locale, buttons) => {
    const row = pagerKeyboard(pager, locale)!.inline_keyboard[0]!;
    expect(row.map((b) => [b.text, 'callback_data' in b ? b.callback_data : ''])).toEqual(buttons);
  });

  it('has no keyboard for a single page', () => {
    expect(pagerKeyboard({ token: 'tok0000001', page: 0, pages: 1 }, 'ar')).toBeUndefined();
    expect(pagerKeyboard(undefined, 'ar')).toBeUndefined();
  });
});

describe('createRateLimiter', () => {
  it('allows a burst, notices once, drops the rest, and recovers with time', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 3, perSecond: 0.5, now: () => now });
    const first = Array.from({ length: 6 }, () => limiter.take('u1'));
    expect(first).toEqual(['allow', 'allow', 'allow', 'notice', 'drop', 'drop']);
    expect(limiter.take('u2')).toBe('allow');
    now += 2_000;
    expect(limiter.take('u1')).toBe('allow');
    expect(limiter.take('u1')).toBe('notice');
  });

  it('forgets idle senders when it holds too many', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 1, perSecond: 1, now: () => now, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    now += 5_000;
    expect(limiter.take('c')).toBe('allow');
    expect(limiter.take('a')).toBe('allow');
  });
});

const apiError = (error_code: number, description: string, parameters = {}) =>
  new GrammyError(
    "Call to 'sendMessage' failed!",
    { ok: false, error_code, description, parameters },
    'sendMessage',
    {},
  );

describe('toDeliveryError', () => {
  it.each([
    [apiError(403, 'Forbidden: bot was blocked by the user'), 'gone', undefined],
    [apiError(403, 'Forbidden: bot was kicked from the supergroup chat'), 'gone', undefined],
    [apiError(400, 'Bad Request: chat not found'), 'gone', undefined],
    [
      apiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -100 }),
      'gone',
      undefined,
    ],
    [apiError(429, 'Too Many Requests: retry after 35', { retry_after: 35 }), 'retry', 35_000],
    [apiError(502, 'Bad Gateway'), 'retry', undefined],
    [new HttpError("Network request for 'sendMessage' failed!", new Error('connect ECONNREFUSED')), 'retry', undefined],
    [new Error('boom'), 'retry', undefined],
  ])('%s → %s', (err, kind, retryAfterMs) => {
    const d = toDeliveryError(err, '-100123');
    expect(d).toBeInstanceOf(DeliveryError);
    expect(d.kind).toBe(kind);
    expect(d.retryAfterMs).toBe(retryAfterMs);
  });
});

describe('commandMenu', () => {
  it.each(['ar', 'en'] as const)('lists every command but start in %s', (locale) => {
    const menu = commandMenu(locale);
    expect(menu.map((c) => c.command)).toEqual([
      'search',
      'summary',
      'quotes',
      'people',
      'latest',
      'digest',
      'subscribe',
      'unsubscribe',
      'subscriptions',
      'help',
    ]);
    for (const c of menu) expect(c.description.length).toBeGreaterThan(0);
  });
});

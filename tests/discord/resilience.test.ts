import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../src/core/commands/create-command-handler.js';
import { t } from '../../src/core/commands/messages.js';
import { DeliveryError } from '../../src/core/ports/chat-delivery.js';
import { DISCORD_EPHEMERAL_FLAG } from '../../src/discord/discord-limits.js';
import { toDeliveryError } from '../../src/discord/to-delivery-error.js';
import { createTestIndex, type TestIndex } from '../support/create-test-index.js';
import { type InteractionState, visibleText } from '../../emulators/discord-emulator.js';
import { type Harness, startHarness } from './bot-harness.js';

const CRASH = 'انهيار';
let test: TestIndex;
let h: Harness;

beforeAll(async () => {
  test = await createTestIndex();
  const handler: CommandHandler = {
    run(ctx, name, arg) {
      if (arg === CRASH) throw new Error('database is locked');
      return test.handler.run(ctx, name, arg);
    },
    page: (ctx, token, page) => test.handler.page(ctx, token, page),
  };
  h = await startHarness({ handler, index: test.index });
});
afterAll(async () => {
  await h?.stop();
  test?.close();
});

const calls = (s: InteractionState, suffix: string) =>
  h.emulator.calls.filter((c) => c.path.includes(s.token) && c.path.endsWith(suffix));
const help = (locale = 'ar') => h.emulator.command('help', {}, { locale });

describe('REST rate limits', () => {
  it('waits out a 429 on the interaction callback and then answers', async () => {
    h.emulator.fail('POST', /\/callback$/, { status: 429, retryAfter: 0.25 });
    const s = await h.answered(help());
    const attempts = calls(s, '/callback');
    expect(attempts.map((c) => c.status)).toEqual([429, 204]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(250);
    expect(visibleText(s.original)).toContain(t('ar', 'helpTitle'));
  });

  it('waits out a 429 on the deferred edit too', async () => {
    h.emulator.fail('PATCH', /\/messages\/@original$/, { status: 429, retryAfter: 0.2 });
    const s = await h.answered(h.emulator.command('latest'));
    expect(calls(s, '/@original').map((c) => c.status)).toEqual([429, 200]);
    expect(visibleText(s.original)).toContain(t('ar', 'latestTitle'));
    expect(h.logs.lines.some((l) => l.msg === 'discord rate limit')).toBe(true);
  });
});

describe('gateway reconnects', () => {
  it('says it is connected (what /healthz reports) while its session is ready, and not once stopped', async () => {
    const before = h.bot;
    expect(before.connected()).toBe(true);
    const after = await h.restart();
    expect(before.connected()).toBe(false);
    expect(after.connected()).toBe(true);
  });

  it('resumes the session (op 6) after a disconnect and keeps answering', async () => {
    const identifies = h.emulator.gatewayReceived.filter((g) => g.op === 2).length;
    const since = Date.now();
    h.emulator.disconnect(4000);
    const resume = await h.emulator.waitForGateway(6, since);
    expect(resume.d.session_id).toMatch(/^[0-9a-f]{32}$/);
    expect(resume.d.seq).toBeGreaterThan(0);
    const s = await h.answered(help('en-US'));
    expect(visibleText(s.original)).toContain(t('en', 'helpTitle'));
    expect(h.emulator.gatewayReceived.filter((g) => g.op === 2)).toHaveLength(identifies);
    expect(h.logs.lines.some((l) => l.msg === 'discord gateway resumed')).toBe(true);
  });

  it('answers an interaction that arrived while it was disconnected (replayed on RESUME)', async () => {
    h.emulator.disconnect(4000);
    const s = await h.answered(h.emulator.command('search', { topic: 'بوتين' }));
    expect(s.callbacks).toEqual([5]);
    expect(visibleText(s.original)).toContain('بوتين');
  });

  it('answers heartbeats and gets acks (op 1 → op 11)', async () => {
    await h.emulator.waitForGateway(1, 0, 3000);
  });
});

describe('the error boundary', () => {
  it.each([
    ['ar', 'ar'],
    ['en-US', 'en'],
  ] as const)(
    'answers a handler failure privately in the user’s language (%s) and logs it with the interaction id',
    async (tag, locale) => {
      const s = await h.answered(h.emulator.command('search', { topic: CRASH }, { locale: tag }));
      expect(s.original!.deleted).toBe(true); // the public "thinking…" placeholder is removed
      expect(s.followUps).toHaveLength(1);
      expect(s.followUps[0]!.content).toBe(t(locale, 'failure'));
      expect(s.followUps[0]!.flags & DISCORD_EPHEMERAL_FLAG).toBe(DISCORD_EPHEMERAL_FLAG);
      expect(s.followUps[0]!.content).not.toMatch(/database|Error|\n\s+at /);
      const line = h.logs.lines.find((l) => l.msg === 'discord interaction failed' && l.interactionId === s.id)!;
      expect(line.level).toBe(50);
      expect(line.err.message).toBe('database is locked');
      expect(line.command).toBe('search');
    },
  );

  it('keeps answering the next interaction', async () => {
    await h.answered(h.emulator.command('search', { topic: CRASH }));
    const s = await h.answered(h.emulator.command('search', { topic: 'بوتين' }));
    expect(s.followUps).toHaveLength(0);
    expect(visibleText(s.original)).toContain('بوتين');
  });

  it('survives a REST failure while answering, and tells the user', async () => {
    h.emulator.fail('PATCH', /\/messages\/@original$/, { status: 400, code: 50035, message: 'Invalid Form Body' });
    const s = await h.answered(h.emulator.command('latest', {}, { locale: 'en-GB' }));
    expect(s.followUps.at(-1)!.content).toBe(t('en', 'failure'));
    const line = h.logs.lines.find((l) => l.msg === 'discord interaction failed' && l.interactionId === s.id)!;
    expect(line.err.url).toContain('/webhooks/');
    expect(line.err.url).not.toContain(s.token);
  });

  it('never writes the bot token or an interaction token to the log', async () => {
    const all = h.logs.raw.join('\n');
    expect(all).not.toContain(h.emulator.token);
    const tokens = h.emulator.calls
      .map((c) => /\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(c.path)?.[1])
      .filter(Boolean);
    expect(tokens.length).toBeGreaterThan(5);
    for (const token of tokens) expect(all).not.toContain(token);
  });
});

describe('channel delivery (digests)', () => {
  const digest = () => test.handler.run({ locale: 'ar', userId: 'scheduler' }, 'digest', '');
  const channelPosts = () => h.emulator.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/channels/'));

  it('posts a digest as embeds that ping nobody', async () => {
    const before = h.emulator.channelMessages(h.emulator.channelId).length;
    await h.bot.send(h.emulator.channelId, await digest());
    const posted = h.emulator.channelMessages(h.emulator.channelId).slice(before);
    expect(posted.length).toBeGreaterThan(0);
    expect(posted[0]!.embeds[0]!.title).toBe(t('ar', 'digestTitle'));
    expect(channelPosts().at(-1)!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('retries a short 429 itself and delivers', async () => {
    h.emulator.fail('POST', /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.1 });
    await h.bot.send(h.emulator.channelId, { locale: 'en', text: ['hello'] });
    expect(
      channelPosts()
        .slice(-2)
        .map((c) => c.status),
    ).toEqual([429, 200]);
  });

  it.each([
    ['403 Missing Access', { status: 403, code: 50001, message: 'Missing Access' }, 'gone'],
    ['404 Unknown Channel', { status: 404, code: 10003, message: 'Unknown Channel' }, 'gone'],
    ['500 after the REST layer’s retries', { status: 500 }, 'retry'],
  ] as const)('classifies %s as %s', async (_what, fault, kind) => {
    const channel = String(500000000000000000n + BigInt(Math.floor(Math.random() * 1e9)));
    h.emulator.addChannel(channel);
    h.emulator.fail('POST', new RegExp(`^/channels/${channel}/messages$`), fault, 10);
    const err = await h.bot.send(channel, { locale: 'ar', text: ['x'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).kind).toBe(kind);
  });

  it('gives up on a long 429 with retry-after for the scheduler', async () => {
    const channel = '600000000000000006';
    h.emulator.addChannel(channel);
    h.emulator.fail('POST', new RegExp(`^/channels/${channel}/messages$`), { status: 429, retryAfter: 120 });
    const started = Date.now();
    const err = (await h.bot.send(channel, { locale: 'ar', text: ['x'] }).catch((e: unknown) => e)) as DeliveryError;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err.kind).toBe('retry');
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(120_000);
  });

  it('a channel it was never in is gone', async () => {
    const err = (await h.bot
      .send('700000000000000007', { locale: 'ar', text: ['x'] })
      .catch((e: unknown) => e)) as DeliveryError;
    expect(err.kind).toBe('gone');
  });
});

describe('classifying errors', () => {
  const api = (status: number, code: number) =>
    new DiscordAPIError(
      { code, message: 'x' },
      code,
      status,
      'POST',
      'https://discord.com/api/v10/channels/1/messages',
      {},
    );
  it.each([
    ['403 50013 Missing Permissions', api(403, 50013), 'gone'],
    ['404 10003 Unknown Channel', api(404, 10003), 'gone'],
    ['400 50035 Invalid Form Body', api(400, 50035), 'retry'],
    ['503', new HTTPError(503, 'Service Unavailable', 'POST', 'u', {}), 'retry'],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'retry'],
    [
      'a rate limit given up on',
      new RateLimitError({
        timeToReset: 5000,
        limit: 5,
        method: 'POST',
        hash: 'h',
        url: 'u',
        route: 'r',
        majorParameter: 'm',
        global: false,
        retryAfter: 45000,
        sublimitTimeout: 0,
        scope: 'user',
      }),
      'retry',
    ],
  ] as const)('%s → %s', async (_what, err, kind) => {
    expect(toDeliveryError(err, '1').kind).toBe(kind);
  });
});

describe('stop()', () => {
  it('closes the gateway cleanly and only once', async () => {
    const extra = await startHarness({ handler: test.handler, index: test.index });
    const closed = new Promise<number>((resolve) => extra.emulator.events.once('gateway-close', resolve));
    await Promise.all([extra.bot.stop(), extra.bot.stop()]);
    expect(await closed).toBe(1000);
    expect(extra.emulator.gatewayCloses).toEqual([1000]);
    expect(extra.logs.lines.filter((l) => l.msg === 'discord bot stopped')).toHaveLength(1);
    await extra.stop();
  });

  it('lets an interaction in flight finish before closing', async () => {
    const extra = await startHarness({ handler: test.handler, index: test.index });
    const s = extra.emulator.command('digest');
    await extra.emulator.waitForCall((c) => c.path === `/interactions/${s.id}/${s.token}/callback`);
    await extra.bot.stop();
    expect(s.original!.loading).toBe(false);
    expect(visibleText(s.original)).toContain(t('ar', 'digestTitle'));
    await extra.stop();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMULATOR_TOKEN, startTelegramEmulator, type TelegramEmulator } from '../../emulators/telegram-emulator.js';

/** The emulator is what the adapter's tests trust; these pin down the Telegram behaviour it promises. */
let em: TelegramEmulator;
beforeEach(async () => {
  em = await startTelegramEmulator({ token: EMULATOR_TOKEN });
});
afterEach(async () => {
  await em.close();
});

async function call(
  method: string,
  payload: Record<string, unknown> = {},
  opts: { token?: string; signal?: AbortSignal } = {},
) {
  const res = await fetch(`${em.apiRoot}/bot${opts.token ?? EMULATOR_TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; result?: unknown; error_code?: number; description?: string },
  };
}

describe('telegram emulator: long polling', () => {
  it('holds an empty poll until an update arrives', async () => {
    const started = Date.now();
    const poll = call('getUpdates', { timeout: 5 });
    setTimeout(() => em.userSays('/help'), 100);
    const { body } = await poll;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(body.result).toMatchObject([
      { message: { text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] } },
    ]);
  });

  it('returns an empty list when the timeout passes', async () => {
    const started = Date.now();
    expect((await call('getUpdates', { timeout: 0.2 })).body.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('honours offset (confirming updates) and limit', async () => {
    const [a, b, c] = [em.userSays('1'), em.userSays('2'), em.userSays('3')];
    expect((await call('getUpdates', { limit: 2 })).body.result).toHaveLength(2);
    expect((await call('getUpdates', { offset: b!.update_id })).body.result).toMatchObject([
      { update_id: b!.update_id },
      { update_id: c!.update_id },
    ]);
    expect((await call('getUpdates', { offset: a!.update_id })).body.result).toHaveLength(2);
    expect((await call('getUpdates', { offset: c!.update_id + 1 })).body.result).toEqual([]);
  });

  it('releases a poll whose client hung up, and answers the next one', async () => {
    const controller = new AbortController();
    const first = call('getUpdates', { timeout: 5 }, { signal: controller.signal }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    expect(await first).toBe('aborted');
    await new Promise((r) => setTimeout(r, 50));
    const second = call('getUpdates', { timeout: 5 });
    em.userSays('hello');
    expect((await second).body.result).toHaveLength(1);
  });

  it('ends an older poll with 409 when a second one starts, like Telegram', async () => {
    const first = call('getUpdates', { timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const second = call('getUpdates', { timeout: 0.1 });
    expect((await first).status).toBe(409);
    expect((await second).body.ok).toBe(true);
  });
});

describe('telegram emulator: validation like Telegram', () => {
  beforeEach(() => {
    em.userSays('hi');
  });

  it.each([
    [{ chat_id: 1001, text: '<b>bold</b> &amp; fine', parse_mode: 'HTML' }, 200, undefined],
    [{ chat_id: 1001, text: '<b>unclosed', parse_mode: 'HTML' }, 400, /can't parse entities/],
    [{ chat_id: 1001, text: 'a < b', parse_mode: 'HTML' }, 400, /can't parse entities/],
    [{ chat_id: 1001, text: 'a & b', parse_mode: 'HTML' }, 400, /can't parse entities/],
    [{ chat_id: 1001, text: '<script>x</script>', parse_mode: 'HTML' }, 400, /Unsupported start tag/],
    [{ chat_id: 1001, text: '<b><i>x</b></i>', parse_mode: 'HTML' }, 400, /end tag/],
    [{ chat_id: 1001, text: 'bold & plain', entities: [{ type: 'bold', offset: 0, length: 4 }] }, 200, undefined],
    [
      {
        chat_id: 1001,
        text: 'a link',
        entities: [
          { type: 'bold', offset: 0, length: 6 },
          { type: 'text_link', offset: 2, length: 4, url: 'https://x.example/' },
        ],
      },
      200,
      undefined,
    ],
    [{ chat_id: 1001, text: 'x', entities: [{ type: 'bold', offset: 0, length: 2 }] }, 400, /ends after the text/],
    [{ chat_id: 1001, text: '😀x', entities: [{ type: 'bold', offset: 1, length: 2 }] }, 400, /surrogate pair/],
    [
      {
        chat_id: 1001,
        text: 'abcd',
        entities: [
          { type: 'bold', offset: 0, length: 3 },
          { type: 'italic', offset: 2, length: 2 },
        ],
      },
      400,
      /overlap/,
    ],
    [
      { chat_id: 1001, text: 'abcd', entities: [{ type: 'text_link', offset: 0, length: 3, url: 'javascript:x' }] },
      400,
      /bad URL/,
    ],
    [{ chat_id: 1001, text: 'abcd', entities: [{ type: 'marquee', offset: 0, length: 3 }] }, 400, /unsupported type/],
    [{ chat_id: 1001, text: '<b>x</b>', parse_mode: 'HTML', entities: [] }, 400, /can not be used together/],
    [{ chat_id: 1001, text: 'x'.repeat(4097) }, 400, /message is too long/],
    [{ chat_id: 1001, text: '   ' }, 400, /message text is empty/],
    [{ chat_id: 5555, text: 'x' }, 400, /chat not found/],
    [
      { chat_id: 1001, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'x'.repeat(65) }]] } },
      400,
      /BUTTON_DATA_INVALID/,
    ],
  ])('sendMessage %j → %i', async (payload, status, description) => {
    const { status: got, body } = await call('sendMessage', payload);
    expect(got).toBe(status);
    if (description) expect(body.description).toMatch(description);
  });

  it('refuses a wrong token and unknown methods', async () => {
    expect((await call('getMe', {}, { token: '1:wrong' })).status).toBe(401);
    expect((await call('sendSticker', { chat_id: 1001 })).status).toBe(404);
  });

  it('injects a fault the given number of times', async () => {
    em.fail('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect((await call('sendMessage', { chat_id: 1001, text: 'x' })).body).toMatchObject({
      ok: false,
      error_code: 429,
      parameters: { retry_after: 1 },
    });
    expect((await call('sendMessage', { chat_id: 1001, text: 'x' })).status).toBe(200);
  });
});

describe('telegram emulator: a slow Bot API (hold)', () => {
  it('leaves the held calls unanswered until released, then carries them out, even for a client that hung up', async () => {
    for (const id of [61, 62]) em.addChat({ id, type: 'private', first_name: `c${id}` });
    const held: unknown[] = [];
    em.events.on('held', (_method, payload) => held.push(payload));
    const hold = em.hold('sendMessage', (p) => p.chat_id === 61);
    const gone = new AbortController();
    const abandoned = call('sendMessage', { chat_id: 61, text: 'first' }, { signal: gone.signal }).catch(() => null);
    const waiting = call('sendMessage', { chat_id: 61, text: 'second' });
    expect((await call('sendMessage', { chat_id: 62, text: 'not held' })).status).toBe(200);
    await vi.waitFor(() => expect(hold.held).toHaveLength(2));
    expect(held).toEqual(hold.held);
    gone.abort();
    await abandoned;
    expect(em.messages.map((m) => m.text)).toEqual(['not held']);

    hold.release();
    expect((await waiting).status).toBe(200);
    await vi.waitFor(() => expect(em.messages.map((m) => m.text).sort()).toEqual(['first', 'not held', 'second']));
    expect((await call('sendMessage', { chat_id: 61, text: 'after' })).status).toBe(200);
    expect(hold.held).toHaveLength(2);
  });
});

describe('telegram emulator: webhook', () => {
  it('refuses getUpdates while a webhook is set, and POSTs queued and new updates there with the secret', async () => {
    const received: { secret: string | undefined; update: { update_id: number } }[] = [];
    const { createServer } = await import('node:http');
    const hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined,
          update: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { update_id: number },
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`;
    try {
      const queued = em.userSays('before');
      expect((await call('setWebhook', { url, secret_token: 'bad secret!' })).status).toBe(400);
      expect((await call('setWebhook', { url, secret_token: 's3cret', drop_pending_updates: false })).body.ok).toBe(
        true,
      );
      expect((await call('getUpdates', { timeout: 0 })).status).toBe(409);
      const later = em.userSays('after');
      await new Promise((r) => setTimeout(r, 150));
      expect(await em.deliver(later)).toBe(200); // Telegram retrying: the same update once more
      expect(received.map((r) => [r.update.update_id, r.secret])).toEqual([
        [queued.update_id, 's3cret'],
        [later.update_id, 's3cret'],
        [later.update_id, 's3cret'],
      ]);
      expect(em.webhookDeliveries.map((d) => d.status)).toEqual([200, 200, 200]);
      expect((await call('deleteWebhook')).body.ok).toBe(true);
      expect((await call('getUpdates', { timeout: 0 })).status).toBe(200);
    } finally {
      hook.closeAllConnections();
      await new Promise((r) => hook.close(r));
    }
  });
});

import { DiscordAPIError } from 'discord.js';
import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { scrubError, scrubSecrets } from '../../src/logging/scrub-secrets.js';

describe('scrubSecrets', () => {
  it.each([
    [
      'a Telegram token in a Bot API URL',
      'GET https://api.telegram.org/bot123456:AAE-secret_x/getMe',
      'GET https://api.telegram.org/bot[redacted]/getMe',
    ],
    [
      'a Discord Authorization header',
      'Authorization: Bot MTIzNDU2Nzg5MDEy.secret.token-x',
      'Authorization: Bot [redacted]',
    ],
    [
      'a webhook token',
      'https://x/api/v10/webhooks/123/aW50:abc.DEF-_/messages/@original',
      'https://x/api/v10/webhooks/123/[redacted]/messages/@original',
    ],
    ['an interaction token', 'POST /interactions/9/secret/callback', 'POST /interactions/9/[redacted]/callback'],
    ['text with no secret', 'connect ECONNREFUSED 127.0.0.1:9', 'connect ECONNREFUSED 127.0.0.1:9'],
  ])('%s', (_what, text, expected) => expect(scrubSecrets(text)).toBe(expected));
});

describe('scrubError', () => {
  it('copies a Discord error with its URL and message scrubbed, leaving the original untouched', () => {
    const url = 'https://discord.com/api/v10/interactions/9/secret-token/callback';
    const err = new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', url, {});
    const safe = scrubError(err) as Error & { url: string; status: number; code: number; method: string };
    expect(safe).not.toBe(err);
    expect(JSON.stringify({ ...safe, message: safe.message, stack: safe.stack })).not.toContain('secret-token');
    expect(safe).toMatchObject({ status: 404, code: 10062, method: 'POST', name: err.name });
    expect(err.url).toBe(url);
  });

  it('scrubs the token from a Telegram network error that quotes the request URL, keeping its reason', () => {
    const inner = new Error(
      'request to http://127.0.0.1:9/bot123456:SECRET-token/sendMessage failed, reason: ECONNREFUSED',
    );
    const safe = scrubError(new HttpError("Network request for 'sendMessage' failed!", inner)) as Error & {
      reason: string;
    };
    expect(JSON.stringify({ ...safe, message: safe.message, stack: safe.stack })).not.toContain('SECRET');
    expect(safe.reason).toContain('ECONNREFUSED');
  });

  it("keeps Telegram's error fields and retry_after", () => {
    const err = new GrammyError(
      'Call to sendMessage failed',
      { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
      'sendMessage',
      {},
    );
    expect(scrubError(err)).toMatchObject({
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      method: 'sendMessage',
      retry_after: 3,
    });
  });

  it('scrubs down the cause chain and turns a thrown non-error into an error', () => {
    const err = new Error('wrapped', { cause: new Error('GET /webhooks/1/hidden-token/messages') });
    const safe = scrubError(err);
    expect((safe.cause as Error).message).toBe('GET /webhooks/1/[redacted]/messages');
    expect((err.cause as Error).message).toContain('hidden-token');
    expect(scrubError('bot1:abc failed').message).toBe('bot[redacted] failed');
  });
});

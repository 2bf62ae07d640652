import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/create-logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream as never) };
}

describe('createLogger', () => {
  it('redacts tokens in fields', () => {
    const { lines, logger } = capture();
    logger.info({ token: '123:secret', config: { telegram: { token: '123:secret' } } }, 'started');
    expect(lines.join('')).not.toContain('secret');
    expect(lines.join('')).toContain('[redacted]');
  });

  it('scrubs a bot token quoted inside an error message', () => {
    const { lines, logger } = capture();
    logger.error(
      { err: new Error('request to https://api.telegram.org/bot123456:AAE-secret_x/getMe failed') },
      'failed',
    );
    expect(lines.join('')).not.toContain('AAE-secret_x');
    expect(lines.join('')).toContain('bot[redacted]');
  });

  it('logs a scrubbed error under its own class name, with its fields', () => {
    class DeliveryFailure extends Error {
      readonly url = 'https://discord.com/api/v10/webhooks/1/hidden-token/messages';
    }
    const { lines, logger } = capture();
    logger.warn({ err: new DeliveryFailure('post failed') }, 'failed');
    expect(lines.join('')).not.toContain('hidden-token');
    expect(JSON.parse(lines[0]!).err).toMatchObject({
      type: 'DeliveryFailure',
      message: 'post failed',
      url: expect.stringContaining('[redacted]'),
    });
  });

  it('keeps a child logger’s bindings on every line', () => {
    const { lines, logger } = capture();
    logger.child({ updateId: 42 }).info('handled');
    expect(JSON.parse(lines[0]!)).toMatchObject({ updateId: 42, msg: 'handled' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  decodePagerPayload,
  encodePagerPayload,
  MAX_PAGER_PAYLOAD_BYTES,
  PAGER_PAYLOAD,
} from '../../../src/core/commands/pager-payload.js';
import { NashraError } from '../../../src/core/errors/nashra-error.js';
import { DISCORD_MAX_CUSTOM_ID } from '../../../src/discord/discord-limits.js';
import { TELEGRAM_MAX_CALLBACK_DATA } from '../../../src/telegram/telegram-limits.js';

describe('pager payload', () => {
  it.each([
    ['p:abc123def0:2', { token: 'abc123def0', page: 2 }],
    ['p:abc123def0:0', { token: 'abc123def0', page: 0 }],
    ['p:0123456789:12', { token: '0123456789', page: 12 }],
    ['p:abc123def0:-1', null],
    ['p:ABC123:1', null],
    ['p:abc:1', null],
    ['p:abc123def0:1:extra', null],
    ['p:../../etc:1', null],
    ['x:abc123def0:1', null],
    ['p:abc123def0:999999', null],
    ['p:abcdefghij:1\n', null],
    ['', null],
    [undefined, null],
  ])('decodes %j as %j', (payload, expected) => {
    expect(decodePagerPayload(payload)).toEqual(expected);
  });

  it('round-trips the longest payload, which fits both platforms', () => {
    const payload = encodePagerPayload('z'.repeat(32), 99999);
    expect(payload).toMatch(PAGER_PAYLOAD);
    expect(Buffer.byteLength(payload)).toBe(MAX_PAGER_PAYLOAD_BYTES);
    expect(MAX_PAGER_PAYLOAD_BYTES).toBeLessThanOrEqual(TELEGRAM_MAX_CALLBACK_DATA);
    expect(MAX_PAGER_PAYLOAD_BYTES).toBeLessThanOrEqual(DISCORD_MAX_CUSTOM_ID);
    expect(decodePagerPayload(payload)).toEqual({ token: 'z'.repeat(32), page: 99999 });
  });

  it('clamps a negative page and refuses a token the store could not have made', () => {
    expect(encodePagerPayload('k3j4h5g6f7', -1)).toBe('p:k3j4h5g6f7:0');
    expect(() => encodePagerPayload('../../etc', 1)).toThrow(NashraError);
    expect(() => encodePagerPayload('bad token', 1)).toThrow(NashraError);
  });
});

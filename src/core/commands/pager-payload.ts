import { NashraError } from '../errors/nashra-error.js';

/**
 * The payload of a pager button, `p:<token>:<page>`: Telegram's callback data and
 * Discord's custom id alike. It comes back from the client as untrusted input (any
 * client can send any payload), so it is read only through a strict pattern; anything
 * else, forged or stale, decodes as null and is answered as an expired list.
 */
export const PAGER_PAYLOAD = /^p:([0-9a-z]{4,32}):(\d{1,5})$/;

/**
 * Longest payload the pattern allows, in bytes (ASCII): within Telegram's 64-byte callback
 * data and Discord's 100-character custom id, so one codec fits both.
 */
export const MAX_PAGER_PAYLOAD_BYTES = 'p:'.length + 32 + ':'.length + 5;

/** A page a pager button asks for. */
export interface PageRequest {
  readonly token: string;
  /** 0-based. */
  readonly page: number;
}

/**
 * The payload for page `page` (0-based, clamped at 0) of the list stored under `token`.
 * Tokens come from our own page store, so one that does not fit the pattern is a bug:
 * it throws rather than making a button that could never be read back.
 */
export function encodePagerPayload(token: string, page: number): string {
  const payload = `p:${token}:${Math.max(0, Math.trunc(page))}`;
  if (!PAGER_PAYLOAD.test(payload))
    throw new NashraError('INTERNAL', `not a pager token or page: ${JSON.stringify(payload)}`);
  return payload;
}

/** The token and page a button payload points at, or null when it is not one of ours. */
export function decodePagerPayload(payload: string | undefined): PageRequest | null {
  const match = payload ? PAGER_PAYLOAD.exec(payload) : null;
  return match ? { token: match[1]!, page: Number(match[2]) } : null;
}

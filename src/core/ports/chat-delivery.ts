import { NashraError } from '../errors/nashra-error.js';
import type { Reply } from '../commands/reply.js';

/** The platforms nashra speaks on. */
export type Platform = 'telegram' | 'discord' | 'console';

/**
 * Posting a reply into a chat without a user's message to answer: what the scheduler
 * uses for digests. Each adapter implements it over its real client.
 */
export interface ChatDelivery {
  readonly platform: Platform;
  /** Sends the reply (split under the platform's limit). Throws `DeliveryError` on failure. */
  send(chatId: string, reply: Reply): Promise<void>;
}

/**
 * A failed delivery, classified because the scheduler branches on it:
 * - `gone`: the chat is gone or the bot was removed/blocked (403, chat not found): disable;
 * - `retry`: rate limit, 5xx, network: try again after `retryAfterMs` (or a backoff).
 */
export class DeliveryError extends NashraError {
  override readonly name = 'DeliveryError';
  readonly kind: 'gone' | 'retry';
  readonly retryAfterMs: number | undefined;

  constructor(kind: 'gone' | 'retry', message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super('PLATFORM', message, options);
    this.kind = kind;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

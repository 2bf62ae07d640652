import { NashraError } from '../errors/nashra-error.js';
import type { Reply } from '../commands/reply.js';

/** The platforms nashra speaks on. */
export type Platform = 'telegram' | 'discord' | 'console';

/**
 * How far a multi-part send got. The caller creates one per delivery and passes the same
 * object to every retry of it; the adapter skips the first `sent` parts and counts each
 * part up as soon as the platform accepted it. So a retry after part N failed resumes at
 * part N instead of posting parts 1..N-1 again.
 */
export interface DeliveryProgress {
  /** Parts of the rendered reply the platform has accepted, in order. */
  sent: number;
}

/**
 * Posting a reply into a chat without a user's message to answer: what the scheduler
 * uses for digests. Each adapter implements it over its real client.
 */
export interface ChatDelivery {
  readonly platform: Platform;
  /**
   * Sends the reply (split under the platform's limit), in order. Throws `DeliveryError`
   * on failure. With `progress`, resumes after the parts it says were already accepted
   * and advances it part by part (the same reply always splits the same way).
   */
  send(chatId: string, reply: Reply, progress?: DeliveryProgress): Promise<void>;
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

import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../core/ports/chat-delivery.js';
import { scrubError } from '../logging/scrub-secrets.js';

/** Discord error codes meaning the channel will not take our messages again. */
export const GONE_ERROR_CODES: ReadonlySet<number> = new Set([
  10003, // Unknown Channel
  10004, // Unknown Guild
  50001, // Missing Access
  50013, // Missing Permissions
  50007, // Cannot send messages to this user
]);

/**
 * Classifies a failed channel post for the scheduler, which disables a subscription on
 * `gone` and retries on `retry`: 403/404 and the codes above mean the bot was removed or
 * the channel deleted; a rate limit the REST layer gave up waiting for, 5xx, timeouts and
 * network errors are worth another try. Anything else (a 400 from a bad payload) is
 * retried too: losing a digest is worse than trying it again later. The error is
 * classified as it came; the cause kept is a scrubbed copy (no token in its URL).
 */
export function toDeliveryError(err: unknown, channelId: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const cause = scrubError(err);
  if (err instanceof RateLimitError) {
    const retryAfterMs = Math.max(err.retryAfter, err.timeToReset, 0);
    return new DeliveryError('retry', `discord rate limit on channel ${channelId}, retry after ${retryAfterMs} ms`, {
      cause,
      retryAfterMs,
    });
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    if (err.status === 403 || err.status === 404 || GONE_ERROR_CODES.has(code)) {
      return new DeliveryError(
        'gone',
        `discord channel ${channelId} is gone or closed to the bot (${err.status} ${code})`,
        { cause },
      );
    }
    return new DeliveryError('retry', `discord rejected a post to channel ${channelId} (${err.status} ${code})`, {
      cause,
    });
  }
  if (err instanceof HTTPError) {
    return new DeliveryError('retry', `discord server error ${err.status} posting to channel ${channelId}`, { cause });
  }
  return new DeliveryError('retry', `could not reach discord to post to channel ${channelId}: ${cause.message}`, {
    cause,
  });
}

import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../core/ports/chat-delivery.js';
import { scrubError } from '../logging/scrub-secrets.js';

/**
 * Telegram's ways of saying "this chat will never take a message from you": the user
 * blocked the bot, the bot was removed, the chat is gone or was upgraded.
 */
const GONE_DESCRIPTION =
  /chat not found|bot was (?:blocked|kicked)|user is deactivated|bot is not a member|PEER_ID_INVALID|group chat was (?:upgraded|deactivated)|CHANNEL_PRIVATE|need administrator rights|have no rights to send|not enough rights to send/i;

/**
 * Classifies a failed Bot API call for the scheduler: `gone` (403, chat not found, bot
 * removed) disables the subscription; everything else is `retry`, with Telegram's
 * `retry_after` when it gave one. The cause is a scrubbed copy, so logging the
 * DeliveryError can never leak the token.
 */
export function toDeliveryError(err: unknown, chatId: string): DeliveryError {
  const cause = scrubError(err);
  if (err instanceof DeliveryError) return err;
  if (err instanceof GrammyError) {
    const what = `telegram ${err.method} to chat ${chatId} failed (${err.error_code}: ${err.description})`;
    if (err.error_code === 403 || GONE_DESCRIPTION.test(err.description))
      return new DeliveryError('gone', what, { cause });
    const retryAfter = err.parameters.retry_after;
    return new DeliveryError(
      'retry',
      what,
      retryAfter !== undefined ? { cause, retryAfterMs: Math.ceil(retryAfter * 1000) } : { cause },
    );
  }
  if (err instanceof HttpError) {
    const reason = (cause as Error & { reason?: string }).reason ?? cause.message;
    return new DeliveryError('retry', `telegram unreachable while posting to chat ${chatId}: ${reason}`, { cause });
  }
  return new DeliveryError('retry', `posting to telegram chat ${chatId} failed: ${cause.message}`, { cause });
}
